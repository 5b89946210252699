import { Anchor, Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh, IconTrash } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { post } from '../../api/client';
import { useWorkspace, wsPath } from '../../session/workspace';
import { formatDateTime } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';
import { postsKey, type Channel } from '../posts/api';
import { feedsKey, feedsPath, type Feed, type FetchFeedResult } from './api';

/** The first line of a draft (its title), for the list of drafts a feed made. */
const firstLine = (text: string) => text.split('\n')[0] || text;

export function FeedCard({ feed, channels, canManage, onRemove }: { feed: Feed; channels: Map<string, Channel>; canManage: boolean; onRemove: (f: Feed) => void }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const headingId = `feed-${feed.id}`;

  const fetchNow = useMutation({
    mutationFn: () => post<FetchFeedResult>(feedsPath(ws.id, `/${feed.id}/fetch`)),
    onSuccess: async (r) => {
      if (r.feed.lastError) notifications.show({ color: 'red', message: t('feeds.fetchFailed'), autoClose: 8000 });
      else notifySuccess(r.newDrafts > 0 ? t('feeds.fetchedNew', { count: r.newDrafts }) : t('feeds.fetchedNothing'));
      await Promise.all([qc.invalidateQueries({ queryKey: feedsKey(ws.id) }), qc.invalidateQueries({ queryKey: postsKey(ws.id) })]);
    },
    onError: (e) => notifyError(e),
  });

  return (
    <Card withBorder padding="md" radius="md" component="article" aria-labelledby={headingId} data-testid="feed-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Title order={3} size="h5" id={headingId}>
              {feed.title}
            </Title>
            <Anchor href={feed.url} target="_blank" rel="noopener noreferrer" size="sm" style={{ wordBreak: 'break-all' }}>
              {feed.url}
            </Anchor>
          </Stack>
          {canManage && (
            <Group gap="xs">
              <Button size="xs" variant="light" leftSection={<IconRefresh size={14} aria-hidden />} loading={fetchNow.isPending} onClick={() => fetchNow.mutate()} aria-label={t('feeds.fetchNowOf', { title: feed.title })}>
                {t('feeds.fetchNow')}
              </Button>
              <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={() => onRemove(feed)} aria-label={t('feeds.removeOf', { title: feed.title })}>
                {t('feeds.remove')}
              </Button>
            </Group>
          )}
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('feeds.lastFetched', { when: feed.lastFetchedAt ? formatDateTime(feed.lastFetchedAt) : t('common.never') })}
          </Text>
          <Text size="sm" c="dimmed" aria-hidden>
            ·
          </Text>
          <Text size="sm" c="dimmed">
            {t('feeds.itemsSeen', { count: feed.itemCount })}
          </Text>
        </Group>
        <Group gap={6} wrap="wrap" aria-label={t('feeds.channels')}>
          {feed.channelIds.map((id) => (
            <Badge key={id} variant="light" tt="none" color={channels.get(id)?.color ?? 'gray'}>
              {channels.get(id)?.name ?? t('feeds.channelGone')}
            </Badge>
          ))}
        </Group>
        {feed.lastError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('feeds.lastErrorTitle')} p="xs">
            <Text size="sm">{feed.lastError}</Text>
          </Alert>
        )}
        {feed.recentDrafts.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('feeds.recentDrafts')}
            </Text>
            <List size="sm" spacing={2}>
              {feed.recentDrafts.map((d) => (
                <List.Item key={d.postId}>
                  <Anchor component={Link} to={wsPath(ws.id, `posts/${d.postId}`)} size="sm">
                    {firstLine(d.text)}
                  </Anchor>{' '}
                  <Text span size="xs" c="dimmed">
                    {formatDateTime(d.createdAt)}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('feeds.noDraftsYet')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
