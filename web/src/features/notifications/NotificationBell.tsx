import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { notifyError } from '../../ui/notify';
import { useMarkRead, useNotifications, type Notification } from './api';
import { NotificationText } from './NotificationText';

/** The header bell: unread count, the latest notifications, a link to each post, mark all read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [opened, setOpened] = useState(false);
  const list = useNotifications(ws.id);
  const markRead = useMarkRead(ws.id);
  const unread = list.data?.pages[0]?.unreadCount ?? 0;
  const items = list.data?.pages.flatMap((p) => p.notifications) ?? [];

  const open = (n: Notification) => {
    setOpened(false);
    if (!n.readAt) markRead.mutate([n.id], { onError: (e) => notifyError(e) });
  };

  return (
    <Popover opened={opened} onChange={setOpened} width={360} position="bottom-end" shadow="md" withArrow trapFocus returnFocus>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4} data-testid="notification-count" data-count={unread}>
          <ActionIcon variant="default" size="lg" aria-label={t('collaboration.notifications.bell', { count: unread })} aria-haspopup="dialog" aria-expanded={opened} onClick={() => setOpened((o) => !o)}>
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-label={t('collaboration.notifications.title')}>
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={600}>{t('collaboration.notifications.title')}</Text>
          <Button variant="subtle" size="compact-sm" disabled={unread === 0} loading={markRead.isPending} onClick={() => markRead.mutate(undefined, { onError: (e) => notifyError(e) })}>
            {t('collaboration.notifications.markAllRead')}
          </Button>
        </Group>
        <Divider />
        {list.isPending && <Loading />}
        {list.error && <ErrorAlert error={list.error} />}
        {list.data && items.length === 0 && (
          <Text c="dimmed" size="sm" p="sm">
            {t('collaboration.notifications.empty')}
          </Text>
        )}
        {items.length > 0 && (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="notification-list">
              {items.map((n) => (
                <li key={n.id}>
                  <NotificationItem n={n} workspaceId={ws.id} onOpen={() => open(n)} />
                </li>
              ))}
            </Stack>
            {list.hasNextPage && (
              <Button variant="subtle" size="compact-sm" fullWidth my="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {t('collaboration.notifications.older')}
              </Button>
            )}
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

function NotificationItem({ n, workspaceId, onOpen }: { n: Notification; workspaceId: string; onOpen: () => void }) {
  const { t } = useTranslation();
  const body = (
    <Stack gap={2}>
      <Text size="sm" fw={n.readAt ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
        <NotificationText n={n} />
      </Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(n.createdAt)}
        {!n.readAt && ` · ${t('collaboration.notifications.unread')}`}
      </Text>
    </Stack>
  );
  const style = { display: 'block', padding: 'var(--mantine-spacing-xs) var(--mantine-spacing-sm)', background: n.readAt ? undefined : 'var(--mantine-color-blue-light)' };
  // A post's notification opens the post; a channel's opens the channels settings (to reconnect it).
  const target = n.payload.postId ? `posts/${n.payload.postId}` : n.payload.channelId ? 'settings/channels' : null;
  if (target) {
    return (
      <Anchor component={Link} to={wsPath(workspaceId, target)} onClick={onOpen} underline="never" c="inherit" style={style}>
        {body}
      </Anchor>
    );
  }
  return (
    <UnstyledButton onClick={onOpen} style={{ ...style, width: '100%' }}>
      {body}
    </UnstyledButton>
  );
}
