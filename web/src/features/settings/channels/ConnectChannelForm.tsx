import { NativeSelect, PasswordInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../api/client';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { SubmitForm } from '../../../ui/SubmitForm';
import { useClientErrors } from '../../../ui/useClientErrors';
import { notifySuccess } from '../../../ui/notify';
import { channelsKey, serverMessage, type Channel } from '../../posts/api';
import { SettingsCard } from '../SettingsCard';
import { NETWORKS, NETWORK_IDS } from './networks';

/** POST /api/workspaces/:id/channels {network, credentials, name?} */
export function ConnectChannelForm() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const [network, setNetwork] = useState(NETWORK_IDS[0]!);
  const [name, setName] = useState('');
  const [creds, setCreds] = useState<Record<string, string>>({});
  const [clientErrors, check] = useClientErrors<string>();
  const fields = NETWORKS[network] ?? [];
  const connect = useMutation({
    mutationFn: (body: { network: string; credentials: Record<string, string>; name?: string }) => post<Channel>(`/api/workspaces/${ws.id}/channels`, body),
    onSuccess: async (c) => {
      notifySuccess(t('settings.channels.connected', { name: c.name }));
      setCreds({});
      setName('');
      await qc.invalidateQueries({ queryKey: channelsKey(ws.id) });
    },
  });

  const submit = () => {
    const ok = check(Object.fromEntries(fields.map((f) => [f.key, f.required && !creds[f.key]?.trim() && t('validation.required')])));
    if (!ok) return;
    const credentials = Object.fromEntries(fields.filter((f) => creds[f.key]?.trim()).map((f) => [f.key, creds[f.key]!.trim()]));
    connect.mutate({ network, credentials, ...(name.trim() ? { name: name.trim() } : {}) });
  };

  return (
    <SettingsCard title={t('settings.channels.connectTitle')} maw={720}>
      <SubmitForm onSubmit={submit} submitLabel={t('settings.channels.connect')} pending={connect.isPending}>
        {connect.error && <ErrorAlert error={connect.error} overrides={serverMessage(connect.error)} />}
        <NativeSelect
          label={t('settings.channels.network')}
          value={network}
          onChange={(e) => {
            setNetwork(e.currentTarget.value);
            setCreds({});
          }}
          data={NETWORK_IDS.map((n) => ({ value: n, label: t(`settings.channels.networks.${n}` as 'settings.channels.networks.bluesky') }))}
          maw={320}
        />
        {fields.map((f) => {
          const props = {
            label: t(`settings.channels.fields.${f.key}` as 'settings.channels.fields.identifier'),
            description: t(`settings.channels.fieldHelp.${f.key}` as 'settings.channels.fieldHelp.identifier'),
            required: f.required,
            value: creds[f.key] ?? '',
            onChange: (e: ChangeEvent<HTMLInputElement>) => {
              const v = e.currentTarget.value;
              setCreds((c) => ({ ...c, [f.key]: v }));
            },
            error: clientErrors[f.key],
          };
          const k = `${network}-${f.key}`;
          return f.kind === 'password' ? <PasswordInput key={k} {...props} /> : <TextInput key={k} {...props} type={f.kind === 'url' ? 'url' : 'text'} />;
        })}
        <TextInput label={t('settings.channels.name')} description={t('settings.channels.nameHelp')} maxLength={80} value={name} onChange={(e) => setName(e.currentTarget.value)} />
      </SubmitForm>
    </SettingsCard>
  );
}
