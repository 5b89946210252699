import { NativeSelect, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../../shared/contracts/common';
import { patch } from '../../../api/client';
import type { Me } from '../../../api/types';
import i18n, { SUPPORTED_LOCALES, toLocale } from '../../../i18n';
import { useMe, useSetMe } from '../../../session/me';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { fieldError } from '../../../ui/errors';
import { notifySuccess } from '../../../ui/notify';
import { SubmitForm } from '../../../ui/SubmitForm';
import { useClientErrors } from '../../../ui/useClientErrors';
import { SettingsCard } from '../SettingsCard';

/** PATCH /api/me {name, locale} */
export function ProfileForm() {
  const { t } = useTranslation();
  const me = useMe();
  const setMe = useSetMe();
  const [name, setName] = useState(me.user.name);
  const [locale, setLocale] = useState<Locale>(me.user.locale);
  const [clientErrors, check] = useClientErrors<'name'>();
  const save = useMutation({
    mutationFn: (body: { name: string; locale: Locale }) => patch<Me>('/api/me', body),
    onSuccess: async (m) => {
      setMe(m);
      await i18n.changeLanguage(m.user.locale);
      notifySuccess(t('settings.profile.saved'));
    },
  });

  const submit = () => {
    if (check({ name: !name.trim() && t('validation.required') })) save.mutate({ name: name.trim(), locale });
  };

  return (
    <SettingsCard title={t('settings.profile.title')} maw={560}>
      <SubmitForm onSubmit={submit} submitLabel={t('common.save')} pending={save.isPending}>
        {save.error && <ErrorAlert error={save.error} shownFields={['name', 'locale']} />}
        <TextInput label={t('settings.profile.email')} value={me.user.email} readOnly variant="filled" />
        <TextInput
          label={t('auth.name')}
          required
          autoComplete="name"
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(save.error, 'name', clientErrors.name)}
        />
        <NativeSelect
          label={t('language.label')}
          value={locale}
          onChange={(e) => setLocale(toLocale(e.currentTarget.value))}
          data={SUPPORTED_LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          error={fieldError(save.error, 'locale')}
        />
      </SubmitForm>
    </SettingsCard>
  );
}
