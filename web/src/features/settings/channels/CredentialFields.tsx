import { PasswordInput, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNetworkFields, type NetworkField } from './networks';

interface Props {
  network: string;
  values: Record<string, string>;
  onChange: (values: Record<string, string>) => void;
  errors: Partial<Record<string, string>>;
}

/** The sign-in fields a network's connector reads (Bluesky: handle, app password, optional service). */
export function CredentialFields({ network, values, onChange, errors }: Props) {
  const { t } = useTranslation();
  const fields = useNetworkFields(network);
  return (
    <>
      {fields.map((f) => {
        const props = {
          label: t(`settings.channels.fields.${f.key}` as 'settings.channels.fields.identifier'),
          description: t(`settings.channels.fieldHelp.${f.key}` as 'settings.channels.fieldHelp.identifier'),
          required: f.required,
          value: values[f.key] ?? '',
          onChange: (e: ChangeEvent<HTMLInputElement>) => onChange({ ...values, [f.key]: e.currentTarget.value }),
          error: errors[f.key],
        };
        const k = `${network}-${f.key}`;
        return f.kind === 'password' ? <PasswordInput key={k} {...props} /> : <TextInput key={k} {...props} type={f.kind === 'url' ? 'url' : 'text'} />;
      })}
    </>
  );
}

/** Required-field checks, and the credentials to send (trimmed, empty ones left out). */
export function credentialChecks(fields: NetworkField[], values: Record<string, string>, required: string) {
  const checks = Object.fromEntries(fields.map((f) => [f.key, f.required && !values[f.key]?.trim() && required]));
  const credentials = Object.fromEntries(fields.filter((f) => values[f.key]?.trim()).map((f) => [f.key, values[f.key]!.trim()]));
  return { checks, credentials };
}
