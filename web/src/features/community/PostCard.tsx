import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../session/workspace';
import { formatDateTime } from '../../ui/format';
import type { Post } from './api';
import { AuthorLine } from './AuthorLine';
import { ModerationButtons } from './ModerationButtons';
import { PendingBadge } from './PendingBadge';
import { ServerHtml } from './ServerHtml';

/** One post of a thread as staff see it: author (staff badge), state, body, moderation. */
export function PostCard({ post, threadTitle }: { post: Post; threadTitle: string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const canModerate = ws.can('community.moderate');
  const what = post.isOpening ? t('community.queue.threadNamed', { title: threadTitle }) : t('community.queue.replyBy', { name: post.author.displayName });
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={what} data-testid="community-post">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <AuthorLine author={post.author} />
            {post.state === 'pending' && <PendingBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {formatDateTime(post.createdAt)}
            {post.editedAt ? ` · ${t('community.threads.edited')}` : ''}
          </Text>
        </Group>
        {post.deleted || post.bodyHtml === null ? (
          <Text size="sm" c="dimmed" fs="italic">
            {t('community.threads.deleted')}
          </Text>
        ) : (
          <ServerHtml html={post.bodyHtml} />
        )}
        {post.state === 'pending' && !post.deleted && canModerate && <ModerationButtons postId={post.id} what={what} isOpening={post.isOpening} />}
      </Stack>
    </Card>
  );
}
