import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del } from '../../../api/client';
import type { Invitation, Ok } from '../../../api/types';
import { useWorkspace } from '../../../session/workspace';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDateTime } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { RoleBadges } from '../../../ui/roles';
import { invitationsKey, useInvitations } from './api';

/** Pending invitations (not accepted, not expired) with revoke. */
export function InvitationsList() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const invitations = useInvitations(ws.id, true);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const revoke = useMutation({
    mutationFn: (inv: Invitation) => del<Ok>(`/api/workspaces/${ws.id}/invitations/${inv.id}`),
    onSuccess: async (_r, inv) => {
      setRevoking(null);
      notifySuccess(t('settings.team.revoked', { email: inv.email }));
      await qc.invalidateQueries({ queryKey: invitationsKey(ws.id) });
    },
    onError: (e) => notifyError(e),
  });
  const now = Date.now();
  const pending = invitations.data?.filter((i) => !i.acceptedAt && new Date(i.expiresAt).getTime() > now) ?? [];

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('settings.team.invitationsTitle')}
      </Title>
      {invitations.isPending && <Loading />}
      {invitations.error && <ErrorAlert error={invitations.error} />}
      {invitations.data && pending.length === 0 && <Text c="dimmed">{t('settings.team.invitationsEmpty')}</Text>}
      {pending.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('settings.team.colEmail')}</Table.Th>
                <Table.Th scope="col">{t('settings.team.colRoles')}</Table.Th>
                <Table.Th scope="col">{t('settings.team.colExpires')}</Table.Th>
                <Table.Th scope="col">{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td>{inv.email}</Table.Td>
                  <Table.Td miw={170}>
                    <RoleBadges roles={inv.roles} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(inv.expiresAt)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(inv)} aria-label={t('settings.team.revokeOf', { email: inv.email })}>
                      {t('settings.team.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={revoking ? t('settings.team.revokeOf', { email: revoking.email }) : ''}
        message={revoking ? t('settings.team.revokeConfirm', { email: revoking.email }) : ''}
        confirmLabel={t('settings.team.revoke')}
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}
