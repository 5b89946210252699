import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../session/workspace';
import { SectionTitle } from '../SectionTitle';
import { ChannelsTable } from './ChannelsTable';
import { ConnectChannelForm } from './ConnectChannelForm';
import { OAuthOutcome } from './OAuthOutcome';

export default function ChannelsSettings() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const canManage = ws.can('channels.manage');
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <SectionTitle>{t('settings.channels.title')}</SectionTitle>
        <Text c="dimmed" maw={720}>
          {t('settings.channels.intro')}
        </Text>
      </Stack>
      <OAuthOutcome />
      {canManage && <ConnectChannelForm />}
      <ChannelsTable />
    </Stack>
  );
}
