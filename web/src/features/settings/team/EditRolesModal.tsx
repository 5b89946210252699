import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../../shared/roles';
import { patch } from '../../../api/client';
import type { Member } from '../../../api/types';
import { meKey, useMe } from '../../../session/me';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldError } from '../../../ui/errors';
import { notifySuccess } from '../../../ui/notify';
import { RolesPicker, isRole } from '../../../ui/roles';
import { membersKey } from './api';

/** PATCH /api/workspaces/:id/members/:userId {roles} */
export function EditRolesModal({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const [roles, setRoles] = useState<Role[]>([]);
  const [clientError, setClientError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { userId: string; roles: Role[] }) => patch<Member>(`/api/workspaces/${ws.id}/members/${body.userId}`, { roles: body.roles }),
    onSuccess: async (m) => {
      notifySuccess(t('settings.team.rolesUpdated', { name: m.name }));
      onClose();
      await qc.invalidateQueries({ queryKey: membersKey(ws.id) });
      if (m.userId === me.user.id) await qc.invalidateQueries({ queryKey: meKey });
    },
  });
  const { reset } = save;
  useEffect(() => {
    setRoles(member ? member.roles.filter(isRole) : []);
    setClientError(null);
    reset();
  }, [member, reset]);

  const submit = () => {
    if (!member) return;
    if (roles.length === 0) {
      setClientError(t('validation.rolesRequired'));
      return;
    }
    save.mutate({ userId: member.userId, roles });
  };

  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={member ? t('settings.team.changeRolesOf', { name: member.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        {save.error && <ErrorAlert error={save.error} shownFields={['roles']} overrides={{ CONFLICT: t('settings.team.lastOwner') }} />}
        <RolesPicker label={t('settings.team.colRoles')} value={roles} onChange={setRoles} error={fieldError(save.error, 'roles', clientError)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
