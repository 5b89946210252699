import { Switch, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../api/client';
import { useWorkspace } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldError } from '../../ui/errors';
import { notifySuccess } from '../../ui/notify';
import { SubmitForm } from '../../ui/SubmitForm';
import { communityKey, communityPath, type Community } from './api';

const FIELDS = ['name', 'description', 'guidelines', 'signupOpen'];

/** Name, description, guidelines (Markdown) and the sign-up switch; the same form sets a new community up. */
export function CommunitySettingsForm({ community }: { community: Community | null }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const readOnly = !ws.can('community.manage');
  const [name, setName] = useState(community?.name ?? '');
  const [description, setDescription] = useState(community?.description ?? '');
  const [guidelines, setGuidelines] = useState(community?.guidelines ?? '');
  const [signupOpen, setSignupOpen] = useState(community?.signupOpen ?? true);
  const [missingName, setMissingName] = useState(false);

  const save = useMutation({
    mutationFn: () => put<Community>(communityPath(ws.id), { name: name.trim(), description, guidelines, signupOpen }),
    onSuccess: async (c) => {
      notifySuccess(community ? t('community.settings.saved') : t('community.settings.created', { name: c.name }));
      qc.setQueryData(communityKey(ws.id), c);
      await qc.invalidateQueries({ queryKey: communityKey(ws.id) });
    },
  });

  const submit = () => {
    const empty = !name.trim();
    setMissingName(empty);
    if (!empty) save.mutate();
  };

  return (
    <SubmitForm onSubmit={submit} submitLabel={community ? t('common.save') : t('community.settings.create')} pending={save.isPending} readOnly={readOnly}>
      <TextInput
        label={t('community.settings.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fieldError(save.error, 'name', missingName ? t('community.settings.nameRequired') : null)}
        withAsterisk={!readOnly}
        readOnly={readOnly}
        maxLength={120}
      />
      <Textarea
        label={t('community.settings.description')}
        description={t('community.settings.descriptionHelp')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        error={fieldError(save.error, 'description')}
        readOnly={readOnly}
        autosize
        minRows={2}
        maxLength={2000}
      />
      <Textarea
        label={t('community.settings.guidelines')}
        description={t('community.markdownHelp')}
        value={guidelines}
        onChange={(e) => setGuidelines(e.currentTarget.value)}
        error={fieldError(save.error, 'guidelines')}
        readOnly={readOnly}
        autosize
        minRows={5}
        maxRows={20}
      />
      <Switch
        label={t('community.settings.signupOpen')}
        description={t('community.settings.signupOpenHelp')}
        checked={signupOpen}
        onChange={(e) => setSignupOpen(e.currentTarget.checked)}
        disabled={readOnly}
      />
      {save.error && <ErrorAlert error={save.error} shownFields={FIELDS} />}
    </SubmitForm>
  );
}
