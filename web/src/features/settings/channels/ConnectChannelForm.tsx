import { NativeSelect, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../api/client';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { SubmitForm } from '../../../ui/SubmitForm';
import { useClientErrors } from '../../../ui/useClientErrors';
import { notifySuccess } from '../../../ui/notify';
import { channelsKey, serverMessage, type Channel } from '../../posts/api';
import { SettingsCard } from '../SettingsCard';
import { CredentialFields, credentialChecks } from './CredentialFields';
import { NETWORK_IDS } from './networks';

/** POST /api/workspaces/:id/channels {network, credentials, name?} */
export function ConnectChannelForm() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const [network, setNetwork] = useState(NETWORK_IDS[0]!);
  const [name, setName] = useState('');
  const [creds, setCreds] = useState<Record<string, string>>({});
  const [clientErrors, check] = useClientErrors<string>();
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
    const { checks, credentials } = credentialChecks(network, creds, t('validation.required'));
    if (check(checks)) connect.mutate({ network, credentials, ...(name.trim() ? { name: name.trim() } : {}) });
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
        <CredentialFields network={network} values={creds} onChange={setCreds} errors={clientErrors} />
        <TextInput label={t('settings.channels.name')} description={t('settings.channels.nameHelp')} maxLength={80} value={name} onChange={(e) => setName(e.currentTarget.value)} />
      </SubmitForm>
    </SettingsCard>
  );
}
