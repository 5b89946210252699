import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { DataTable } from '../../ui/DataTable';
import { EmptyNote } from '../../ui/EmptyNote';
import { formatDateTime } from '../../ui/format';
import type { ThreadSummary } from './api';
import { AuthorLine } from './AuthorLine';
import { PendingBadge } from './PendingBadge';

/** The latest threads of a space, pending ones included (staff see them). */
export function SpaceThreads({ spaceId, threads }: { spaceId: string; threads: ThreadSummary[] }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('community.threads.title')}
      </Title>
      {threads.length === 0 ? (
        <EmptyNote icon={<IconMessages />} order={4} title={t('community.threads.empty')} />
      ) : (
        <DataTable minWidth={680} verticalSpacing="sm" columns={[t('community.threads.colTitle'), t('community.threads.colAuthor'), t('community.threads.colReplies'), t('community.threads.colLast')]} aria-label={t('community.threads.title')}>
          {threads.map((th) => (
            <Table.Tr key={th.id} data-testid="community-thread-row">
              <Table.Td>
                <Group gap="xs">
                  <Anchor component={Link} to={wsPath(ws.id, `community/spaces/${spaceId}/threads/${th.id}`)}>
                    {th.title}
                  </Anchor>
                  {th.state === 'pending' && <PendingBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <AuthorLine author={th.author} />
              </Table.Td>
              <Table.Td>{th.replyCount}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatDateTime(th.lastPostedAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
