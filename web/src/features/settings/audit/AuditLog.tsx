import { Alert, Button, Code, Stack, Table, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, qs } from '../../../api/client';
import type { AuditEntry, AuditPage } from '../../../api/types';
import { useWorkspace } from '../../../session/workspace';
import { DataTable } from '../../../ui/DataTable';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { SectionTitle } from '../SectionTitle';

const PAGE = 50;

function target(e: AuditEntry): string {
  if (!e.targetType && !e.targetId) return '';
  const id = e.targetId && e.targetId.length > 12 ? `${e.targetId.slice(0, 8)}…` : (e.targetId ?? '');
  return [e.targetType, id].filter(Boolean).join(' ');
}

/** GET /api/workspaces/:id/audit, newest first, "load more" with the `before` cursor. Owners only. */
export default function AuditLog() {
  const { t, i18n } = useTranslation();
  const ws = useWorkspace();
  const allowed = ws.can('audit.read');
  const audit = useInfiniteQuery({
    queryKey: ['workspaces', ws.id, 'audit'],
    queryFn: ({ pageParam }) => get<AuditPage>(`/api/workspaces/${ws.id}/audit${qs({ before: pageParam, limit: PAGE })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled: allowed,
  });
  const actionLabel = (action: string): string => {
    const key = `settings.auditActions.${action.replace(/[^a-zA-Z0-9]/g, '_')}`;
    return i18n.exists(key) ? t(key as 'settings.auditActions.auth_signIn') : action;
  };
  const entries = audit.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <SectionTitle>{t('settings.audit.title')}</SectionTitle>
        <Text c="dimmed" maw={720}>
          {t('settings.audit.intro')}
        </Text>
      </Stack>
      {!allowed ? (
        <Alert icon={<IconLock aria-hidden />} color="gray">
          {t('settings.audit.ownersOnly')}
        </Alert>
      ) : (
        <>
          {audit.isPending && <Loading />}
          {audit.error && <ErrorAlert error={audit.error} />}
          {audit.data && entries.length === 0 && <Text c="dimmed">{t('settings.audit.empty')}</Text>}
          {entries.length > 0 && (
            <DataTable
              minWidth={720}
              verticalSpacing="xs"
              striped
              columns={[
                t('settings.audit.colWhen'),
                t('settings.audit.colActor'),
                t('settings.audit.colAction'),
                t('settings.audit.colTarget'),
                t('settings.audit.colIp'),
              ]}
            >
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.createdAt)}</Table.Td>
                  <Table.Td>{e.actorName ?? t('settings.audit.system')}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{actionLabel(e.action)}</Text>
                    <Code fz="xs">{e.action}</Code>
                  </Table.Td>
                  <Table.Td>{target(e) || t('common.noValue')}</Table.Td>
                  <Table.Td>{e.ip ?? t('common.noValue')}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
          {audit.hasNextPage ? (
            <Button variant="default" onClick={() => void audit.fetchNextPage()} loading={audit.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
              {t('settings.audit.loadMore')}
            </Button>
          ) : (
            entries.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('settings.audit.end')}
              </Text>
            )
          )}
        </>
      )}
    </Stack>
  );
}
