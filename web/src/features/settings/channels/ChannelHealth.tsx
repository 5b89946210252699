import { Badge, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../ui/format';
import type { Channel } from '../../posts/api';

/**
 * A channel's health as the server records it from every call to the network: the state, our
 * explanation of it, the network's last error word for word, and when it last answered.
 */
export function ChannelHealth({ channel: c }: { channel: Channel }) {
  const { t } = useTranslation();
  const limited = c.rateLimitedUntil !== null && new Date(c.rateLimitedUntil).getTime() > Date.now();
  const recovered = c.lastError !== null && c.lastOkAt !== null && c.lastErrorAt !== null && new Date(c.lastOkAt) >= new Date(c.lastErrorAt);
  let color = 'teal';
  let label: string = t('settings.channels.health.connected');
  let explanation: string | null = c.lastError && !recovered ? t('settings.channels.health.explainError') : null;
  if (c.status === 'needs_reconnect') {
    color = 'red';
    label = t('settings.channels.health.needsReconnect');
    explanation = t('settings.channels.health.explainNeedsReconnect');
  } else if (limited) {
    color = 'yellow';
    label = t('settings.channels.health.rateLimited', { time: formatDateTime(c.rateLimitedUntil) });
    explanation = t('settings.channels.health.explainRateLimited');
  }
  return (
    <Stack gap={4} maw={360} data-testid={`health-${c.id}`}>
      <Badge color={color} variant="light" tt="none">
        {label}
      </Badge>
      {explanation && (
        <Text size="xs" c="dimmed">
          {explanation}
        </Text>
      )}
      {c.lastError && (
        <Text size="xs" c={recovered ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {t('settings.channels.health.lastError', { time: formatDateTime(c.lastErrorAt) })} <Code fz="xs">{c.lastError}</Code>
          {recovered && ` ${t('settings.channels.health.recovered')}`}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {c.lastOkAt ? t('settings.channels.health.lastOk', { time: formatDateTime(c.lastOkAt) }) : t('settings.channels.health.lastOkNever')}
        {c.authExpiresAt && c.status === 'connected' && ` · ${t('settings.channels.health.renewsBefore', { time: formatDateTime(c.authExpiresAt) })}`}
      </Text>
    </Stack>
  );
}
