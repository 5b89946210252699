import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { post as postReq } from '../../api/client';
import { useWorkspace } from '../../session/workspace';
import { DataTable } from '../../ui/DataTable';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { notifySuccess } from '../../ui/notify';
import { postKey, postsKey, serverMessage, useAttempts, type Attempt, type Post } from './api';

const OUTCOME_COLOR: Record<Attempt['outcome'], string> = { success: 'teal', reconciled: 'cyan', error: 'red', unknown: 'orange' };

/** The request summary the publisher records with each attempt (sizes and shape, never the text). */
function requestText(t: TFunction, r: Attempt['request']): string {
  if (!r) return t('common.noValue');
  const parts = Number(r.parts ?? 1);
  return [
    parts > 1 ? t('attemptLog.partOf', { part: r.part, parts }) : null,
    typeof r.textLength === 'number' ? t('attemptLog.chars', { count: r.textLength }) : null,
    Number(r.mediaCount ?? 0) > 0 ? t('attemptLog.media', { count: Number(r.mediaCount) }) : null,
    r.reply === true ? t('attemptLog.reply') : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Every publish attempt of a post, oldest first, with the network's answer; failed or unknown channels can be retried. */
export function AttemptLog({ wid, post, channelName }: { wid: string; post: Post; channelName: (id: string) => string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const attempts = useAttempts(wid, post.id, `${post.status}:${post.updatedAt}:${post.targets.map((tg) => tg.state).join()}`);
  const channelOf = (targetId: string) => channelName(post.targets.find((tg) => tg.id === targetId)?.channelId ?? '');
  const retry = useMutation({
    mutationFn: (targetId: string) => postReq<Post>(`/api/workspaces/${wid}/posts/${post.id}/targets/${targetId}/retry`),
    onSuccess: async (p) => {
      notifySuccess(t('attemptLog.retried'));
      qc.setQueryData(postKey(wid, p.id), p);
      await qc.invalidateQueries({ queryKey: postsKey(wid) });
    },
  });
  const canRetry = ws.can('posts.schedule');
  const stuck = post.targets.filter((tg) => tg.state === 'failed' || tg.state === 'unknown');
  return (
    <Stack gap="sm" component="section" aria-label={t('posts.attempts.title')}>
      <Title order={2} size="h4">
        {t('posts.attempts.title')}
      </Title>
      {stuck.map((tg) => (
        <Alert key={tg.id} color={tg.state === 'failed' ? 'red' : 'orange'} variant="light" data-testid={`target-${tg.state}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t(tg.state === 'failed' ? 'attemptLog.failed' : 'attemptLog.unknown', { channel: channelName(tg.channelId) })}
              </Text>
              {tg.lastError && <Text size="sm">{tg.lastError}</Text>}
              {tg.state === 'unknown' && (
                <Text size="xs" c="dimmed">
                  {t('attemptLog.unknownHint')}
                </Text>
              )}
            </Stack>
            {canRetry && (
              <Button size="xs" variant="default" loading={retry.isPending && retry.variables === tg.id} disabled={retry.isPending} onClick={() => retry.mutate(tg.id)}>
                {t(tg.state === 'failed' ? 'attemptLog.retry' : 'attemptLog.checkAndRetry')}
              </Button>
            )}
          </Group>
        </Alert>
      ))}
      {retry.error && <ErrorAlert error={retry.error} overrides={serverMessage(retry.error)} />}
      {attempts.isPending && <Loading />}
      {attempts.error && <ErrorAlert error={attempts.error} />}
      {attempts.data && (
        <DataTable
          minWidth={820}
          data-testid="attempt-log"
          columns={[t('posts.attempts.when'), t('posts.attempts.channel'), t('posts.attempts.part'), t('attemptLog.request'), t('posts.attempts.outcome'), t('posts.attempts.message')]}
        >
          {attempts.data.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{formatDateTime(a.attemptedAt)}</Table.Td>
              <Table.Td>{channelOf(a.targetId)}</Table.Td>
              <Table.Td>{a.partIndex + 1}</Table.Td>
              <Table.Td>{requestText(t, a.request)}</Table.Td>
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
