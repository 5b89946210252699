import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del } from '../../../api/client';
import type { Member, Ok } from '../../../api/types';
import { meKey, useMe } from '../../../session/me';
import { useWorkspace } from '../../../session/workspace';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { DataTable } from '../../../ui/DataTable';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { formatDate } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { notifySuccess } from '../../../ui/notify';
import { RoleBadges } from '../../../ui/roles';
import { useConfirmedMutation } from '../../../ui/useConfirmedMutation';
import { membersKey, useMembers } from './api';
import { EditRolesModal } from './EditRolesModal';

export function MembersTable() {
  const { t } = useTranslation();
  const me = useMe();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const members = useMembers(ws.id);
  const [editing, setEditing] = useState<Member | null>(null);
  const canEdit = ws.can('members.updateRoles');
  const canRemove = ws.can('members.remove');

  const remove = useConfirmedMutation({
    mutationFn: (m: Member) => del<Ok>(`/api/workspaces/${ws.id}/members/${m.userId}`),
    onSuccess: async (m) => {
      notifySuccess(t('settings.team.removed', { name: m.name }));
      await qc.invalidateQueries({ queryKey: membersKey(ws.id) });
      if (m.userId === me.user.id) await qc.invalidateQueries({ queryKey: meKey });
    },
    errorOverrides: { CONFLICT: t('settings.team.lastOwner') },
  });
  const removing = remove.target;

  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('settings.team.membersTitle')}
      </Title>
      {members.isPending && <Loading />}
      {members.error && <ErrorAlert error={members.error} />}
      {members.data && (
        <DataTable
          minWidth={760}
          striped
          highlightOnHover
          verticalSpacing="sm"
          columns={[
            t('settings.team.colName'),
            t('settings.team.colEmail'),
            t('settings.team.colRoles'),
            t('settings.team.colJoined'),
            ...(canEdit || canRemove ? [t('common.actions')] : []),
          ]}
        >
          {members.data.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {m.name}
                  </Text>
                  {m.userId === me.user.id && (
                    <Badge size="sm" variant="outline" tt="none" style={{ flexShrink: 0 }}>
                      {t('settings.team.you')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{m.email}</Table.Td>
              <Table.Td miw={170}>
                <RoleBadges roles={m.roles} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(m.joinedAt)}</Table.Td>
              {(canEdit || canRemove) && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {canEdit && (
                      <Button size="xs" variant="default" onClick={() => setEditing(m)} aria-label={t('settings.team.changeRolesOf', { name: m.name })}>
                        {t('settings.team.changeRoles')}
                      </Button>
                    )}
                    {canRemove && m.userId !== me.user.id && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => remove.ask(m)} aria-label={t('settings.team.removeOf', { name: m.name })}>
                        {t('settings.team.remove')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <EditRolesModal member={editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        {...remove.dialog}
        title={removing ? t('settings.team.removeOf', { name: removing.name }) : ''}
        message={removing ? t('settings.team.removeConfirm', { name: removing.name, workspace: ws.membership.workspaceName }) : ''}
        confirmLabel={t('settings.team.remove')}
      />
    </Stack>
  );
}
