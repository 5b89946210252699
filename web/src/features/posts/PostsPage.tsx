import { Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useMembers } from '../settings/team/api';
import { POST_STATUSES, useChannels, usePosts, type PostStatus } from './api';
import { StatusBadge } from './StatusBadge';

/** The calendar area, for now a list of posts filtered by status. */
export default function PostsPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [status, setStatus] = useState<PostStatus | null>(null);
  const posts = usePosts(ws.id, status);
  const canWrite = ws.can('posts.write');
  const channels = useChannels(ws.id);
  const members = useMembers(ws.id);
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.name ?? t('common.noValue');
  const authorName = (id: string | null) => (id && members.data?.find((m) => m.userId === id)?.name) || t('common.noValue');
  const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text) || t('posts.emptyText');

  return (
    <>
      <PageHeader title={t('areaPages.calendar.title')} description={t('posts.intro')} />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <NativeSelect
            label={t('posts.filterStatus')}
            value={status ?? ''}
            onChange={(e) => setStatus((e.currentTarget.value || null) as PostStatus | null)}
            data={[{ value: '', label: t('posts.allStatuses') }, ...POST_STATUSES.map((s) => ({ value: s, label: t(`posts.status.${s}`) }))]}
            maw={240}
          />
          {canWrite && (
            <Button component={Link} to={wsPath(ws.id, 'posts/new')} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('posts.new')}
            </Button>
          )}
        </Group>
        {posts.isPending && <Loading />}
        {posts.error && <ErrorAlert error={posts.error} />}
        {posts.data?.length === 0 && <Text c="dimmed">{t('posts.empty')}</Text>}
        {posts.data && posts.data.length > 0 && (
          <DataTable
            minWidth={860}
            verticalSpacing="sm"
            striped
            data-testid="posts-table"
            aria-label={t('posts.title')}
            columns={[t('posts.colText'), t('posts.colStatus'), t('posts.colChannels'), t('posts.colPlanned'), t('posts.colAuthor')]}
          >
            {posts.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={wsPath(ws.id, `posts/${p.id}`)}>
                    {excerpt(p.text)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={p.status} />
                </Table.Td>
                <Table.Td>{p.variants.map((v) => channelName(v.channelId)).join(', ')}</Table.Td>
                <Table.Td>{p.scheduledAt ? formatDateTime(p.scheduledAt) : t('posts.notPlanned')}</Table.Td>
                <Table.Td>{authorName(p.authorId)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </Stack>
    </>
  );
}
