import { Alert, Code, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OAUTH_ERRORS } from '../../../../../shared/contracts/channels';
import { useWorkspace } from '../../../session/workspace';
import { notifySuccess } from '../../../ui/notify';
import { channelsKey, useNetworks } from '../../posts/api';
import { networkLabel } from './networks';

type Outcome = { error: string; network: string; detail: string | null } | null;

/**
 * Back from a network's sign-in page: the server put the outcome in the address (`connected`, or
 * `oauthError` with the network and what it said). Shown once, then the address is cleaned.
 */
export function OAuthOutcome() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const networks = useNetworks();
  const [params, setParams] = useSearchParams();
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    const connected = params.get('connected');
    const error = params.get('oauthError');
    if (!connected && !error) return;
    if (connected) {
      notifySuccess(t('settings.channels.oauth.connected'));
      void qc.invalidateQueries({ queryKey: channelsKey(ws.id) });
    }
    if (error) setOutcome({ error, network: params.get('network') ?? '', detail: params.get('detail') });
    setParams({}, { replace: true });
  }, [params, setParams, qc, ws.id, t]);

  if (!outcome) return null;
  const known = (OAUTH_ERRORS as readonly string[]).includes(outcome.error) ? outcome.error : 'refused';
  const name = networkLabel(t, outcome.network, networks.data?.find((n) => n.network === outcome.network)?.displayName);
  return (
    <Alert color="red" variant="light" role="alert" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setOutcome(null)} title={t('settings.channels.oauth.failedTitle', { network: name })} maw={720}>
      <Text size="sm">{t(`settings.channels.oauth.errors.${known}` as 'settings.channels.oauth.errors.refused', { network: name })}</Text>
      {outcome.detail && (
        <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
          {t('settings.channels.oauth.networkSaid')} <Code>{outcome.detail}</Code>
        </Text>
      )}
    </Alert>
  );
}
