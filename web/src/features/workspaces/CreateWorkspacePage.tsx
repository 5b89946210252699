import { Anchor, Button, Paper, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { post } from '../../api/client';
import type { Workspace } from '../../api/types';
import { meKey, rememberWorkspace, useMe } from '../../session/me';
import { wsPath } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldError } from '../../ui/errors';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { PublicLayout } from '../../ui/PublicLayout';
import { UserMenu } from '../shell/UserMenu';
import { TimeZoneSelect, browserTimeZone } from './TimeZoneSelect';

/** Shown after sign-in when the user belongs to no workspace yet (and from the workspace switcher). */
export function CreateWorkspacePage() {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [clientError, setClientError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (body: { name: string; timeZone: string }) => post<Workspace>('/api/workspaces', body),
    onSuccess: async (w) => {
      rememberWorkspace(w.id);
      await qc.invalidateQueries({ queryKey: meKey });
      notifySuccess(t('workspaces.created', { name: w.name }));
      await navigate(wsPath(w.id, 'home'), { replace: true });
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = !name.trim();
    setClientError(bad ? t('validation.required') : null);
    if (!bad) create.mutate({ name: name.trim(), timeZone });
  };

  const back = me.memberships[0];
  return (
    <PublicLayout size="sm" headerExtra={<UserMenu settingsPath={back ? wsPath(back.workspaceId, 'settings/profile') : undefined} />}>
      <PageHeader title={t('workspaces.createTitle')} description={t('workspaces.createIntro')} />
      <Paper withBorder shadow="sm" p="lg">
        <form onSubmit={submit} noValidate>
          <Stack>
            {create.error && <ErrorAlert error={create.error} shownFields={['name', 'timeZone']} />}
            <TextInput
              label={t('workspaces.name')}
              placeholder={t('workspaces.namePlaceholder')}
              required
              data-autofocus
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(create.error, 'name', clientError)}
              maxLength={80}
            />
            <TimeZoneSelect value={timeZone} onChange={setTimeZone} error={fieldError(create.error, 'timeZone', null, t('workspaces.badTimeZone'))} />
            <Button type="submit" loading={create.isPending}>
              {t('workspaces.create')}
            </Button>
          </Stack>
        </form>
      </Paper>
      {back && (
        <Anchor component={Link} to={wsPath(back.workspaceId, 'home')} mt="md" display="inline-block">
          {t('common.back')}
        </Anchor>
      )}
    </PublicLayout>
  );
}
