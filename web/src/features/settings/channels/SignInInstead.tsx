import { Button, Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { serverMessage, type Network } from '../../posts/api';
import { networkLabel } from './networks';
import { useOAuthStart } from './oauth';

/**
 * Networks that connect with typed credentials but can also sign in on the account's own server
 * (Mastodon: Tandem registers itself on the instance the first time): "or sign in on the server",
 * with the server typed in the form above and no secret to paste.
 */
export function SignInInstead({ network, values, onMissingServer }: { network: Network; values: Record<string, string>; onMissingServer: (key: string) => void }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const start = useOAuthStart(ws.id);
  const name = networkLabel(t, network.network, network.displayName);
  const server = network.connectFields.find((f) => f.kind === 'url');
  const go = () => {
    const value = server ? values[server.key]?.trim() : undefined;
    if (server && !value) return onMissingServer(server.key);
    start.mutate({ network: network.network, fields: server && value ? { [server.key]: value } : {} });
  };
  return (
    <Stack gap="sm" mt="md">
      <Divider label={t('settings.channels.oauth.or')} labelPosition="center" />
      {start.error && <ErrorAlert error={start.error} overrides={serverMessage(start.error)} />}
      <Text size="sm" c="dimmed">
        {t('settings.channels.oauth.signInInstead', { network: name })}
      </Text>
      <Button variant="light" onClick={go} loading={start.isPending} w="fit-content">
        {t('settings.channels.oauth.connectWith', { network: name })}
      </Button>
    </Stack>
  );
}
