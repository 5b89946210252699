import { Alert, Button, Code, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { serverMessage, type Network } from '../../posts/api';
import { networkLabel } from './networks';
import { serverField, useOAuthStart } from './oauth';

/**
 * "Connect with <network>": the account signs in on the network's own page. When the operator has not
 * registered Tandem with the network, says which settings are missing instead.
 */
export function OAuthConnect({ network, channelId }: { network: Network; channelId?: string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const start = useOAuthStart(ws.id);
  const field = serverField(network);
  const [server, setServer] = useState('');
  const [missingServer, setMissingServer] = useState(false);
  const name = networkLabel(t, network.network, network.displayName);

  if (network.oauth && !network.oauth.configured) {
    return (
      <Alert color="yellow" variant="light" title={t('settings.channels.oauth.notConfiguredTitle', { network: name })}>
        <Text size="sm">{t('settings.channels.oauth.notConfigured', { network: name })}</Text>
        <Text size="sm" mt={4}>
          {network.oauth.missing.map((v) => (
            <Code key={v} mr={6}>
              {v}
            </Code>
          ))}
        </Text>
      </Alert>
    );
  }
  const go = () => {
    if (field?.required && !server.trim()) {
      setMissingServer(true);
      return;
    }
    start.mutate({ network: network.network, channelId, baseUrl: server.trim() || undefined });
  };
  return (
    <Stack gap="sm">
      {start.error && <ErrorAlert error={start.error} overrides={serverMessage(start.error)} />}
      <Text size="sm" c="dimmed">
        {t('settings.channels.oauth.intro', { network: name })}
      </Text>
      {field && (
        <TextInput
          type="url"
          label={t('settings.channels.oauth.server')}
          description={t('settings.channels.oauth.serverHelp')}
          required={field.required}
          value={server}
          onChange={(e) => {
            setServer(e.currentTarget.value);
            setMissingServer(false);
          }}
          error={missingServer ? t('validation.required') : undefined}
          maw={420}
        />
      )}
      <Button onClick={go} loading={start.isPending} w="fit-content">
        {channelId ? t('settings.channels.oauth.reconnectWith', { network: name }) : t('settings.channels.oauth.connectWith', { network: name })}
      </Button>
    </Stack>
  );
}
