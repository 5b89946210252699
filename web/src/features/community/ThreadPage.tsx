import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useThread } from './api';
import { PendingBadge } from './PendingBadge';
import { PostCard } from './PostCard';
import { StaffReplyForm } from './StaffReplyForm';

/** /w/:workspaceId/community/spaces/:spaceId/threads/:threadId — every post, pending ones included. */
export default function ThreadPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { threadId = '' } = useParams();
  const thread = useThread(ws.id, threadId);
  const canPost = ws.can('community.post');
  usePageTitle(thread.data?.title ?? t('community.threads.title'));

  if (thread.isPending) return <Loading />;
  if (thread.error) return <ErrorAlert error={thread.error} />;
  const th = thread.data;

  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to={wsPath(ws.id, `community/spaces/${th.space.id}`)} size="sm">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: 'middle' }} /> {th.space.name}
      </Anchor>
      <Group gap="sm">
        <Title order={2} size="h3">
          {th.title}
        </Title>
        {th.state === 'pending' && <PendingBadge />}
      </Group>
      <Stack gap="sm">
        {th.posts.map((p) => (
          <PostCard key={p.id} post={p} threadTitle={th.title} />
        ))}
      </Stack>
      {canPost && (
        <Paper withBorder radius="md" p="md">
          {th.state === 'pending' ? (
            <Text size="sm" c="dimmed">
              {t('community.reply.threadPending')}
            </Text>
          ) : (
            <StaffReplyForm threadId={th.id} />
          )}
        </Paper>
      )}
    </Stack>
  );
}
