import { Badge, Button, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del, get } from '../../../api/client';
import type { ApiToken, Ok } from '../../../api/types';
import { useWorkspace } from '../../../session/workspace';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { DataTable } from '../../../ui/DataTable';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { notifySuccess } from '../../../ui/notify';
import { useConfirmedMutation } from '../../../ui/useConfirmedMutation';

export const tokensKey = (wid: string) => ['workspaces', wid, 'tokens'];

type Status = 'active' | 'revoked' | 'expired';

function statusOf(tok: ApiToken): Status {
  if (tok.revokedAt) return 'revoked';
  if (tok.expiresAt && new Date(tok.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

const STATUS_COLOR: Record<Status, string> = { active: 'teal', revoked: 'gray', expired: 'orange' };

export function TokensTable() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const tokens = useQuery({
    queryKey: tokensKey(ws.id),
    queryFn: () => get<{ tokens: ApiToken[] }>(`/api/workspaces/${ws.id}/tokens`).then((r) => r.tokens),
  });
  const revoke = useConfirmedMutation({
    mutationFn: (tok: ApiToken) => del<Ok>(`/api/workspaces/${ws.id}/tokens/${tok.id}`),
    onSuccess: async (tok) => {
      notifySuccess(t('settings.tokens.revoked', { name: tok.name }));
      await qc.invalidateQueries({ queryKey: tokensKey(ws.id) });
    },
  });
  const revoking = revoke.target;
  const statusLabel: Record<Status, string> = {
    active: t('settings.tokens.statusActive'),
    revoked: t('settings.tokens.statusRevoked'),
    expired: t('settings.tokens.statusExpired'),
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('settings.tokens.listTitle')}
      </Title>
      {tokens.isPending && <Loading />}
      {tokens.error && <ErrorAlert error={tokens.error} />}
      {tokens.data?.length === 0 && <Text c="dimmed">{t('settings.tokens.empty')}</Text>}
      {tokens.data && tokens.data.length > 0 && (
        <DataTable
          minWidth={860}
          verticalSpacing="sm"
          striped
          columns={[
            t('settings.tokens.colName'),
            t('settings.tokens.colScopes'),
            t('settings.tokens.colOwner'),
            t('settings.tokens.colCreated'),
            t('settings.tokens.colExpires'),
            t('settings.tokens.colLastUsed'),
            t('settings.tokens.colStatus'),
            t('common.actions'),
          ]}
        >
          {tokens.data.map((tok) => {
            const status = statusOf(tok);
            return (
              <Table.Tr key={tok.id}>
                <Table.Td fw={500}>{tok.name}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {tok.scopes.map((s) => (
                      <Code key={s}>{s}</Code>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{tok.ownerName}</Table.Td>
                <Table.Td>{formatDateTime(tok.createdAt)}</Table.Td>
                <Table.Td>{tok.expiresAt ? formatDateTime(tok.expiresAt) : t('common.never')}</Table.Td>
                <Table.Td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t('common.never')}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[status]} variant="light" tt="none">
                    {statusLabel[status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {status === 'active' && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => revoke.ask(tok)} aria-label={t('settings.tokens.revokeOf', { name: tok.name })}>
                      {t('settings.tokens.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      )}
      <ConfirmDialog
        {...revoke.dialog}
        title={revoking ? t('settings.tokens.revokeOf', { name: revoking.name }) : ''}
        message={t('settings.tokens.revokeConfirm')}
        confirmLabel={t('settings.tokens.revoke')}
      />
    </Stack>
  );
}
