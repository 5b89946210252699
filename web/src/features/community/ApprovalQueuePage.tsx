import { Anchor, Stack, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { SectionTitle } from '../settings/SectionTitle';
import { usePendingPosts, useSpaces } from './api';
import { PostCard } from './PostCard';

/** /w/:workspaceId/community/queue — threads and replies waiting for a moderator, oldest first. */
export default function ApprovalQueuePage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const canModerate = ws.can('community.moderate');
  const pending = usePendingPosts(ws.id, canModerate);
  const spaces = useSpaces(ws.id);
  const spaceNames = useMemo(() => new Map((spaces.data ?? []).map((s) => [s.id, s.name])), [spaces.data]);

  if (!canModerate) return <Navigate to={wsPath(ws.id, 'community/spaces')} replace />;

  return (
    <Stack gap="md" maw={860}>
      <SectionTitle>{t('community.queue.title')}</SectionTitle>
      <Text size="sm" c="dimmed">
        {t('community.queue.intro')}
      </Text>
      {pending.isPending && <Loading />}
      {pending.error && <ErrorAlert error={pending.error} />}
      {pending.data?.length === 0 && <EmptyNote icon={<IconChecks />} title={t('community.queue.emptyTitle')} description={t('community.queue.emptyDescription')} />}
      {pending.data?.map((p) => (
        <Stack key={p.id} gap={4} data-testid="pending-item">
          <Text size="sm">
            {p.isOpening ? t('community.queue.newThread') : t('community.queue.newReply')}{' '}
            <Anchor component={Link} to={wsPath(ws.id, `community/spaces/${p.spaceId}/threads/${p.threadId}`)} underline="always">
              {p.threadTitle}
            </Anchor>{' '}
            <Text span c="dimmed" size="sm">
              {t('community.queue.inSpace', { space: spaceNames.get(p.spaceId) ?? '' })}
            </Text>
          </Text>
          <PostCard post={p} threadTitle={p.threadTitle} />
        </Stack>
      ))}
    </Stack>
  );
}
