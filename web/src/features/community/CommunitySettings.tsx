import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../session/workspace';
import { SectionTitle } from '../settings/SectionTitle';
import { publicCommunityUrl, useCommunity } from './api';
import { CommunitySettingsForm } from './CommunitySettingsForm';

/** /w/:workspaceId/community/settings */
export default function CommunitySettings() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const community = useCommunity(ws.id);
  const canManage = ws.can('community.manage');
  if (!community.data) return null;
  const url = publicCommunityUrl(ws.id);
  return (
    <Stack gap="md" maw={760}>
      <SectionTitle>{t('community.settings.title')}</SectionTitle>
      {!canManage && (
        <Text size="sm" c="dimmed">
          {t('community.readOnly')}
        </Text>
      )}
      <Text size="sm">
        {t('community.settings.publicPage')}{' '}
        <Anchor href={url} target="_blank" rel="noopener" underline="always">
          {`${window.location.origin}${url}`}
        </Anchor>
      </Text>
      <Paper withBorder radius="md" p="lg">
        <CommunitySettingsForm key={community.dataUpdatedAt} community={community.data} />
      </Paper>
    </Stack>
  );
}
