import { Badge, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { useAttempts, type Attempt, type Post } from './api';

const OUTCOME_COLOR: Record<Attempt['outcome'], string> = { success: 'teal', reconciled: 'cyan', error: 'red', unknown: 'orange' };

/** Every publish attempt of a post, oldest first, with the network's answer. */
export function AttemptLog({ wid, post, channelName }: { wid: string; post: Post; channelName: (id: string) => string }) {
  const { t } = useTranslation();
  const attempts = useAttempts(wid, post.id, `${post.status}:${post.updatedAt}:${post.targets.map((tg) => tg.state).join()}`);
  const channelOf = (targetId: string) => channelName(post.targets.find((tg) => tg.id === targetId)?.channelId ?? '');
  return (
    <Stack gap="sm" component="section" aria-label={t('posts.attempts.title')}>
      <Title order={2} size="h4">
        {t('posts.attempts.title')}
      </Title>
      {attempts.isPending && <Loading />}
      {attempts.error && <ErrorAlert error={attempts.error} />}
      {attempts.data && (
        <DataTable
          minWidth={720}
          data-testid="attempt-log"
          columns={[t('posts.attempts.when'), t('posts.attempts.channel'), t('posts.attempts.part'), t('posts.attempts.outcome'), t('posts.attempts.message')]}
        >
          {attempts.data.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{formatDateTime(a.attemptedAt)}</Table.Td>
              <Table.Td>{channelOf(a.targetId)}</Table.Td>
              <Table.Td>{a.partIndex + 1}</Table.Td>
              <Table.Td>
                <Badge color={OUTCOME_COLOR[a.outcome]} variant="light" tt="none">
                  {t(`posts.attempts.outcomes.${a.outcome}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{[a.errorKind, a.message].filter(Boolean).join(': ') || t('common.noValue')}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
    </Stack>
  );
}
