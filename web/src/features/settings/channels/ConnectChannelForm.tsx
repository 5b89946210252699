import { NativeSelect, Stack, TextInput } from '@mantine/core';
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
import { networkLabel, useNetworkFields, useNetworks } from './networks';
import { OAuthConnect } from './OAuthConnect';
import { isOAuth } from './oauth';
import { SignInInstead } from './SignInInstead';

/** POST /api/workspaces/:id/channels {network, credentials, name?}; OAuth networks sign in on their own page instead. */
export function ConnectChannelForm() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const networks = useNetworks();
  const [picked, setNetwork] = useState('');
  const network = picked || networks.data?.[0]?.network || '';
  const fields = useNetworkFields(network);
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
    const { checks, credentials } = credentialChecks(fields, creds, t('validation.required'));
    if (network && check(checks)) connect.mutate({ network, credentials, ...(name.trim() ? { name: name.trim() } : {}) });
  };

  const picker = (
    <NativeSelect
      label={t('settings.channels.network')}
      value={network}
      onChange={(e) => {
        setNetwork(e.currentTarget.value);
        setCreds({});
      }}
      disabled={!networks.data}
      data={(networks.data ?? []).map((n) => ({ value: n.network, label: networkLabel(t, n.network, n.displayName) }))}
      maw={320}
    />
  );
  const chosen = networks.data?.find((n) => n.network === network);

  return (
    <SettingsCard title={t('settings.channels.connectTitle')} maw={720}>
      {chosen && isOAuth(chosen) ? (
        <Stack gap="md">
          {picker}
          <OAuthConnect key={chosen.network} network={chosen} />
        </Stack>
      ) : (
        <>
          <SubmitForm onSubmit={submit} submitLabel={t('settings.channels.connect')} pending={connect.isPending}>
            {networks.error && <ErrorAlert error={networks.error} />}
            {connect.error && <ErrorAlert error={connect.error} overrides={serverMessage(connect.error)} />}
            {picker}
            <CredentialFields network={network} values={creds} onChange={setCreds} errors={clientErrors} />
            <TextInput label={t('settings.channels.name')} description={t('settings.channels.nameHelp')} maxLength={80} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          </SubmitForm>
          {chosen?.oauth?.configured && <SignInInstead key={chosen.network} network={chosen} values={creds} onMissingServer={(key) => check({ [key]: t('validation.required') })} />}
        </>
      )}
    </SettingsCard>
  );
}
