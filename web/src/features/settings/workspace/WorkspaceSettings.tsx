import { Alert, Paper, Stack, TextInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch } from '../../../api/client';
import type { Workspace } from '../../../api/types';
import { useUpdateMembership } from '../../../session/me';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldError } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';
import { notifySuccess } from '../../../ui/notify';
import { SubmitForm } from '../../../ui/SubmitForm';
import { useClientErrors } from '../../../ui/useClientErrors';
import { TimeZoneSelect } from '../../workspaces/TimeZoneSelect';
import { SectionTitle } from '../SectionTitle';

export default function WorkspaceSettings() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const updateMembership = useUpdateMembership();
  const canEdit = ws.can('workspace.update');
  const key = ['workspaces', ws.id, 'detail'];
  const workspace = useQuery({ queryKey: key, queryFn: () => get<Workspace>(`/api/workspaces/${ws.id}`) });
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState('UTC');
  const [clientErrors, check] = useClientErrors<'name'>();
  useEffect(() => {
    if (workspace.data) {
      setName(workspace.data.name);
      setTimeZone(workspace.data.timeZone);
    }
  }, [workspace.data]);

  const save = useMutation({
    mutationFn: (body: { name: string; timeZone: string }) => patch<Workspace>(`/api/workspaces/${ws.id}`, body),
    onSuccess: (w) => {
      qc.setQueryData(key, w);
      updateMembership(w.id, { workspaceName: w.name });
      notifySuccess(t('settings.workspace.saved'));
    },
  });

  const submit = () => {
    if (check({ name: !name.trim() && t('validation.required') })) save.mutate({ name: name.trim(), timeZone });
  };

  return (
    <Stack>
      <SectionTitle>{t('settings.workspace.title')}</SectionTitle>
      {!canEdit && (
        <Alert icon={<IconLock aria-hidden />} color="gray">
          {t('settings.workspace.readOnly')}
        </Alert>
      )}
      {workspace.isPending && <Loading />}
      {workspace.error && <ErrorAlert error={workspace.error} />}
      {workspace.data && (
        <Paper withBorder p="lg" maw={560}>
          <SubmitForm onSubmit={submit} submitLabel={t('common.save')} pending={save.isPending} readOnly={!canEdit}>
            {save.error && <ErrorAlert error={save.error} shownFields={['name', 'timeZone']} />}
            <TextInput
              label={t('workspaces.name')}
              required
              maxLength={80}
              value={name}
              readOnly={!canEdit}
              disabled={!canEdit}
              onChange={(e) => setName(e.currentTarget.value)}
              error={fieldError(save.error, 'name', clientErrors.name)}
            />
            <TimeZoneSelect value={timeZone} onChange={setTimeZone} disabled={!canEdit} error={fieldError(save.error, 'timeZone', null, t('workspaces.badTimeZone'))} />
          </SubmitForm>
        </Paper>
      )}
    </Stack>
  );
}
