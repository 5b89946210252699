import { Button, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../../shared/roles';
import { post } from '../../../api/client';
import type { Invitation } from '../../../api/types';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { EMAIL_RE, fieldError } from '../../../ui/errors';
import { notifySuccess } from '../../../ui/notify';
import { RolesPicker } from '../../../ui/roles';
import { invitationsKey } from './api';

/** POST /api/workspaces/:id/invitations {email, roles} */
export function InviteForm() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const isOwner = ws.roles.includes('owner');
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [clientErrors, setClientErrors] = useState<{ email?: string; roles?: string }>({});
  const invite = useMutation({
    mutationFn: (body: { email: string; roles: Role[] }) => post<Invitation>(`/api/workspaces/${ws.id}/invitations`, body),
    onSuccess: async (inv) => {
      notifySuccess(t('settings.team.invited', { email: inv.email }));
      setEmail('');
      setRoles([]);
      await qc.invalidateQueries({ queryKey: invitationsKey(ws.id) });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: { email?: string; roles?: string } = {};
    if (!EMAIL_RE.test(email.trim())) errs.email = t('validation.email');
    if (roles.length === 0) errs.roles = t('validation.rolesRequired');
    setClientErrors(errs);
    if (!errs.email && !errs.roles) invite.mutate({ email: email.trim(), roles });
  };

  return (
    <Paper withBorder p="lg" maw={640} component="section" aria-labelledby="invite-title">
      <Title order={3} size="h4" id="invite-title" mb="sm">
        {t('settings.team.inviteTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack>
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
          <Button type="submit" loading={invite.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('settings.team.inviteSubmit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
