import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../session/workspace';
import { SectionTitle } from '../SectionTitle';
import { InvitationsList } from './InvitationsList';
import { InviteForm } from './InviteForm';
import { MembersTable } from './MembersTable';

export default function TeamSettings() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const canInvite = ws.can('members.invite');
  return (
    <Stack gap="xl">
      <SectionTitle>{t('settings.team.title')}</SectionTitle>
      <MembersTable />
      {canInvite && <InviteForm />}
      {canInvite && <InvitationsList />}
    </Stack>
  );
}
