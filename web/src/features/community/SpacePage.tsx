import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSpace } from './api';
import { ServerHtml } from './ServerHtml';
import { SpaceBadges } from './SpaceBadges';
import { SpaceFormModal } from './SpaceFormModal';
import { SpaceInvites } from './SpaceInvites';
import { SpaceThreads } from './SpaceThreads';
import { StartThreadForm } from './StartThreadForm';

/** /w/:workspaceId/community/spaces/:spaceId — a space, its threads and (private spaces) its invitations. */
export default function SpacePage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { spaceId = '' } = useParams();
  const data = useSpace(ws.id, spaceId);
  const [editing, setEditing] = useState(false);
  usePageTitle(data.data?.space.name ?? t('community.spaces.title'));

  if (data.isPending) return <Loading />;
  if (data.error) return <ErrorAlert error={data.error} />;
  const { space, threads } = data.data;
  const canManage = ws.can('community.manage');
  const canPost = ws.can('community.post');

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={wsPath(ws.id, 'community/spaces')} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('community.spaces.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h3">
            {space.name}
          </Title>
          <SpaceBadges space={space} />
          {space.description && (
            <Text size="sm" c="dimmed" maw={720}>
              {space.description}
            </Text>
          )}
        </Stack>
        {canManage && (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
            {t('community.spaces.editSettings')}
          </Button>
        )}
      </Group>
      {canPost && <StartThreadForm spaceId={space.id} />}
      <SpaceThreads spaceId={space.id} threads={threads} />
      {space.guidelinesHtml && (
        <Paper withBorder radius="md" p="md">
          <Title order={3} size="h5" mb="xs">
            {t('community.spaces.guidelines')}
          </Title>
          <ServerHtml html={space.guidelinesHtml} />
        </Paper>
      )}
      {canManage && space.visibility === 'private' && (
        <Paper withBorder radius="md" p="md">
          <SpaceInvites space={space} />
        </Paper>
      )}
      {editing && <SpaceFormModal space={space} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
