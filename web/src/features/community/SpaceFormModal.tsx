import { Checkbox, Group, Modal, NativeSelect, NumberInput, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch, post } from '../../api/client';
import { COMMUNITY_LANGUAGES, SLOW_MODE_MAX_SECONDS, SPACE_KINDS, SPACE_VISIBILITIES, WHO_CAN_START } from '../../../../shared/contracts/community';
import { useWorkspace } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldError } from '../../ui/errors';
import { notifySuccess } from '../../ui/notify';
import { SubmitForm } from '../../ui/SubmitForm';
import { communityKey, communityPath, type Space, type SpaceInput } from './api';
import { slugify } from './slug';

const FIELDS = ['name', 'slug', 'kind', 'description', 'guidelines', 'defaultLanguage', 'visibility', 'whoCanStart', 'requireThreadApproval', 'requireReplyApproval', 'slowModeSeconds', 'nudgeAfterHours', 'position'];

const initial = (s: Space | null, position: number): Required<SpaceInput> => ({
  name: s?.name ?? '',
  slug: s?.slug ?? '',
  kind: s?.kind ?? 'discussion',
  description: s?.description ?? '',
  guidelines: s?.guidelines ?? '',
  defaultLanguage: (s?.defaultLanguage as Required<SpaceInput>['defaultLanguage'] | undefined) ?? 'en',
  visibility: s?.visibility ?? 'public',
  whoCanStart: s?.whoCanStart ?? 'members',
  requireThreadApproval: s?.requireThreadApproval ?? false,
  requireReplyApproval: s?.requireReplyApproval ?? false,
  slowModeSeconds: s?.slowModeSeconds ?? 0,
  nudgeAfterHours: s?.nudgeAfterHours ?? null,
  position: s?.position ?? position,
});

interface Props {
  /** The space to edit; null creates one. */
  space: Space | null;
  /** Where a new space goes in the list. */
  nextPosition?: number;
  onClose: () => void;
}

/** Every setting of a space, in a dialog: create or edit. */
export function SpaceFormModal({ space, nextPosition = 0, onClose }: Props) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const [v, setV] = useState(() => initial(space, nextPosition));
  const [slugTouched, setSlugTouched] = useState(space !== null);
  const [missing, setMissing] = useState<{ name?: string; slug?: string }>({});
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((cur) => ({ ...cur, [k]: value }));

  const save = useMutation({
    mutationFn: () => {
      const body = { ...v, name: v.name.trim(), slug: v.slug.trim() };
      return space ? patch<Space>(communityPath(ws.id, `/spaces/${space.id}`), body) : post<Space>(communityPath(ws.id, '/spaces'), body);
    },
    onSuccess: async (s) => {
      notifySuccess(space ? t('community.spaces.saved', { name: s.name }) : t('community.spaces.created', { name: s.name }));
      await qc.invalidateQueries({ queryKey: communityKey(ws.id) });
      onClose();
    },
  });

  const submit = () => {
    const problems = { name: v.name.trim() ? undefined : t('community.spaces.nameRequired'), slug: v.slug.trim() ? undefined : t('community.spaces.slugRequired') };
    setMissing(problems);
    if (!problems.name && !problems.slug) save.mutate();
  };

  return (
    <Modal opened onClose={onClose} size="lg" title={space ? t('community.spaces.editTitle', { name: space.name }) : t('community.spaces.newTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <SubmitForm onSubmit={submit} submitLabel={space ? t('common.save') : t('community.spaces.create')} pending={save.isPending}>
        <TextInput
          label={t('community.spaces.name')}
          value={v.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setV((cur) => ({ ...cur, name, slug: slugTouched ? cur.slug : slugify(name) }));
          }}
          error={fieldError(save.error, 'name', missing.name)}
          withAsterisk
          maxLength={80}
          data-autofocus
        />
        <TextInput
          label={t('community.spaces.slug')}
          description={t('community.spaces.slugHelp')}
          value={v.slug}
          onChange={(e) => {
            setSlugTouched(true);
            set('slug', e.currentTarget.value);
          }}
          error={fieldError(save.error, 'slug', missing.slug)}
          withAsterisk
          maxLength={60}
        />
        <Textarea label={t('community.spaces.description')} value={v.description} onChange={(e) => set('description', e.currentTarget.value)} error={fieldError(save.error, 'description')} autosize minRows={2} maxLength={2000} />
        <Textarea label={t('community.spaces.guidelines')} description={t('community.markdownHelp')} value={v.guidelines} onChange={(e) => set('guidelines', e.currentTarget.value)} error={fieldError(save.error, 'guidelines')} autosize minRows={3} maxRows={12} />
        <NativeSelect
          label={t('community.spaces.defaultLanguage')}
          value={v.defaultLanguage}
          onChange={(e) => set('defaultLanguage', e.currentTarget.value as typeof v.defaultLanguage)}
          data={COMMUNITY_LANGUAGES.map((l) => ({ value: l, label: t(`community.languages.${l}`) }))}
          error={fieldError(save.error, 'defaultLanguage')}
        />
        <Radio.Group label={t('community.spaces.visibility')} value={v.visibility} onChange={(x) => set('visibility', x as typeof v.visibility)} error={fieldError(save.error, 'visibility')}>
          <Stack gap="xs" mt={6}>
            {SPACE_VISIBILITIES.map((x) => (
              <Radio key={x} value={x} label={t(`community.visibility.${x}`)} description={t(`community.visibilityHelp.${x}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group label={t('community.spaces.kind')} value={v.kind} onChange={(x) => set('kind', x as typeof v.kind)} error={fieldError(save.error, 'kind')}>
          <Stack gap="xs" mt={6}>
            {SPACE_KINDS.map((x) => (
              <Radio key={x} value={x} label={t(`community.kinds.${x}`)} description={t(`community.kindsHelp.${x}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Radio.Group label={t('community.spaces.whoCanStart')} value={v.whoCanStart} onChange={(x) => set('whoCanStart', x as typeof v.whoCanStart)} error={fieldError(save.error, 'whoCanStart')}>
          <Group gap="lg" mt={6}>
            {WHO_CAN_START.map((x) => (
              <Radio key={x} value={x} label={t(`community.whoCanStart.${x}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox label={t('community.spaces.requireThreadApproval')} checked={v.requireThreadApproval} onChange={(e) => set('requireThreadApproval', e.currentTarget.checked)} />
        <Checkbox label={t('community.spaces.requireReplyApproval')} checked={v.requireReplyApproval} onChange={(e) => set('requireReplyApproval', e.currentTarget.checked)} />
        <Group grow align="flex-start">
          <NumberInput
            label={t('community.spaces.slowMode')}
            description={t('community.spaces.slowModeHelp')}
            value={v.slowModeSeconds}
            onChange={(x) => set('slowModeSeconds', typeof x === 'number' ? x : 0)}
            min={0}
            max={SLOW_MODE_MAX_SECONDS}
            allowDecimal={false}
            allowNegative={false}
            error={fieldError(save.error, 'slowModeSeconds')}
          />
          <NumberInput
            label={t('community.spaces.nudge')}
            description={t('community.spaces.nudgeHelp')}
            value={v.nudgeAfterHours ?? ''}
            onChange={(x) => set('nudgeAfterHours', typeof x === 'number' && x > 0 ? x : null)}
            min={1}
            max={720}
            allowDecimal={false}
            allowNegative={false}
            error={fieldError(save.error, 'nudgeAfterHours')}
          />
          <NumberInput
            label={t('community.spaces.position')}
            description={t('community.spaces.positionHelp')}
            value={v.position}
            onChange={(x) => set('position', typeof x === 'number' ? x : 0)}
            min={0}
            max={10000}
            allowDecimal={false}
            allowNegative={false}
            error={fieldError(save.error, 'position')}
          />
        </Group>
        {save.error && <ErrorAlert error={save.error} shownFields={FIELDS} overrides={{ CONFLICT: t('community.spaces.slugTaken') }} />}
      </SubmitForm>
    </Modal>
  );
}
