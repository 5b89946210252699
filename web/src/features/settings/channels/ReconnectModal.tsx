import { Modal } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../api/client';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { notifySuccess } from '../../../ui/notify';
import { SubmitForm } from '../../../ui/SubmitForm';
import { useClientErrors } from '../../../ui/useClientErrors';
import { channelsKey, serverMessage, type Channel } from '../../posts/api';
import { CredentialFields, credentialChecks } from './CredentialFields';
import { useNetworkFields, useNetworks } from './networks';
import { OAuthConnect } from './OAuthConnect';
import { isOAuth } from './oauth';

/**
 * POST …/channels/:id/reconnect {credentials}: sign in again (same account) after the network expired the
 * session; OAuth networks go through their sign-in page again.
 */
export function ReconnectModal({ channel, onClose }: { channel: Channel | null; onClose: () => void }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const [creds, setCreds] = useState<Record<string, string>>({});
  const [clientErrors, check] = useClientErrors<string>();
  const fields = useNetworkFields(channel?.network ?? '');
  const network = useNetworks().data?.find((n) => n.network === channel?.network);
  const reconnect = useMutation({
    mutationFn: (body: { id: string; credentials: Record<string, string> }) => post<Channel>(`/api/workspaces/${ws.id}/channels/${body.id}/reconnect`, { credentials: body.credentials }),
    onSuccess: async (c) => {
      notifySuccess(t('settings.channels.reconnected', { name: c.name }));
      setCreds({});
      onClose();
      await qc.invalidateQueries({ queryKey: channelsKey(ws.id) });
    },
  });
  const close = () => {
    setCreds({});
    reconnect.reset();
    onClose();
  };
  const submit = () => {
    if (!channel) return;
    const { checks, credentials } = credentialChecks(fields, creds, t('validation.required'));
    if (check(checks)) reconnect.mutate({ id: channel.id, credentials });
  };
  return (
    <Modal opened={channel !== null} onClose={close} title={channel ? t('settings.channels.reconnectOf', { name: channel.name }) : ''} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {channel && network && isOAuth(network) && <OAuthConnect network={network} channelId={channel.id} />}
      {channel && !isOAuth(network) && (
        <SubmitForm onSubmit={submit} submitLabel={t('settings.channels.reconnect')} pending={reconnect.isPending}>
          {reconnect.error && <ErrorAlert error={reconnect.error} overrides={serverMessage(reconnect.error)} />}
          <CredentialFields network={channel.network} values={creds} onChange={setCreds} errors={clientErrors} />
        </SubmitForm>
      )}
    </Modal>
  );
}
