import { TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../../shared/roles';
import { post } from '../../../api/client';
import type { Invitation } from '../../../api/types';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { EMAIL_RE, fieldError } from '../../../ui/errors';
import { notifySuccess } from '../../../ui/notify';
import { RolesPicker } from '../../../ui/roles';
import { SubmitForm } from '../../../ui/SubmitForm';
import { useClientErrors } from '../../../ui/useClientErrors';
import { SettingsCard } from '../SettingsCard';
import { invitationsKey } from './api';

/** POST /api/workspaces/:id/invitations {email, roles} */
export function InviteForm() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const isOwner = ws.roles.includes('owner');
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [clientErrors, check] = useClientErrors<'email' | 'roles'>();
  const invite = useMutation({
    mutationFn: (body: { email: string; roles: Role[] }) => post<Invitation>(`/api/workspaces/${ws.id}/invitations`, body),
    onSuccess: async (inv) => {
      notifySuccess(t('settings.team.invited', { email: inv.email }));
      setEmail('');
      setRoles([]);
      await qc.invalidateQueries({ queryKey: invitationsKey(ws.id) });
    },
  });

  const submit = () => {
    const ok = check({
      email: !EMAIL_RE.test(email.trim()) && t('validation.email'),
      roles: roles.length === 0 && t('validation.rolesRequired'),
    });
    if (ok) invite.mutate({ email: email.trim(), roles });
  };

  return (
    <SettingsCard title={t('settings.team.inviteTitle')} maw={640}>
      <SubmitForm onSubmit={submit} submitLabel={t('settings.team.inviteSubmit')} pending={invite.isPending}>
        {invite.error && <ErrorAlert error={invite.error} shownFields={['email', 'roles']} overrides={{ CONFLICT: t('settings.team.inviteConflict'), FORBIDDEN: t('settings.team.inviteForbidden') }} />}
        <TextInput
          label={t('settings.team.inviteEmail')}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={fieldError(invite.error, 'email', clientErrors.email)}
        />
        <RolesPicker
          label={t('settings.team.inviteRoles')}
          value={roles}
          onChange={setRoles}
          error={fieldError(invite.error, 'roles', clientErrors.roles)}
          disabledRoles={isOwner ? [] : ['owner']}
          disabledHint={t('settings.team.ownerOnly')}
        />
      </SubmitForm>
    </SettingsCard>
  );
}
