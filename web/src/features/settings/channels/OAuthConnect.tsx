import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useClientErrors } from '../../../ui/useClientErrors';
import { serverMessage, type Network } from '../../posts/api';
import { CredentialFields, credentialChecks } from './CredentialFields';
import { networkLabel } from './networks';
import { useOAuthStart } from './oauth';

/**
 * "Connect with <network>": the account signs in on the network's own page; the network's other
 * connect fields (its server, a subreddit, a board…) are asked here first. When the operator has not
 * registered Tandem with the network, says which settings are missing instead.
 */
export function OAuthConnect({ network, channelId }: { network: Network; channelId?: string }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const start = useOAuthStart(ws.id);
  const [values, setValues] = useState<Record<string, string>>({});
  const [clientErrors, check] = useClientErrors<string>();
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
    const { checks, credentials } = credentialChecks(network.connectFields, values, t('validation.required'));
    if (check(checks)) start.mutate({ network: network.network, channelId, fields: credentials });
  };
  return (
    <Stack gap="sm">
      {start.error && <ErrorAlert error={start.error} overrides={serverMessage(start.error)} />}
      <Text size="sm" c="dimmed">
        {t('settings.channels.oauth.intro', { network: name })}
      </Text>
      <CredentialFields network={network.network} values={values} onChange={setValues} errors={clientErrors} />
      <Button onClick={go} loading={start.isPending} w="fit-content">
        {channelId ? t('settings.channels.oauth.reconnectWith', { network: name }) : t('settings.channels.oauth.connectWith', { network: name })}
      </Button>
    </Stack>
  );
}
