import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del } from '../../../api/client';
import type { Invitation, Ok } from '../../../api/types';
import { useWorkspace } from '../../../session/workspace';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { DataTable } from '../../../ui/DataTable';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { notifySuccess } from '../../../ui/notify';
import { RoleBadges } from '../../../ui/roles';
import { useConfirmedMutation } from '../../../ui/useConfirmedMutation';
import { invitationsKey, useInvitations } from './api';

/** Pending invitations (not accepted, not expired) with revoke. */
export function InvitationsList() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const invitations = useInvitations(ws.id, true);
  const revoke = useConfirmedMutation({
    mutationFn: (inv: Invitation) => del<Ok>(`/api/workspaces/${ws.id}/invitations/${inv.id}`),
    onSuccess: async (inv) => {
      notifySuccess(t('settings.team.revoked', { email: inv.email }));
      await qc.invalidateQueries({ queryKey: invitationsKey(ws.id) });
    },
  });
  const now = Date.now();
  const pending = invitations.data?.filter((i) => !i.acceptedAt && new Date(i.expiresAt).getTime() > now) ?? [];
  const revoking = revoke.target;

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('settings.team.invitationsTitle')}
      </Title>
      {invitations.isPending && <Loading />}
      {invitations.error && <ErrorAlert error={invitations.error} />}
      {invitations.data && pending.length === 0 && <Text c="dimmed">{t('settings.team.invitationsEmpty')}</Text>}
      {pending.length > 0 && (
        <DataTable
          minWidth={560}
          verticalSpacing="sm"
          columns={[t('settings.team.colEmail'), t('settings.team.colRoles'), t('settings.team.colExpires'), t('common.actions')]}
        >
          {pending.map((inv) => (
            <Table.Tr key={inv.id}>
              <Table.Td>{inv.email}</Table.Td>
              <Table.Td miw={170}>
                <RoleBadges roles={inv.roles} />
              </Table.Td>
              <Table.Td>{formatDateTime(inv.expiresAt)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" color="red" onClick={() => revoke.ask(inv)} aria-label={t('settings.team.revokeOf', { email: inv.email })}>
                  {t('settings.team.revoke')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <ConfirmDialog
        {...revoke.dialog}
        title={revoking ? t('settings.team.revokeOf', { email: revoking.email }) : ''}
        message={revoking ? t('settings.team.revokeConfirm', { email: revoking.email }) : ''}
        confirmLabel={t('settings.team.revoke')}
      />
    </Stack>
  );
}
