import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { validateText } from '../../../../shared/text';
import type { Channel } from './api';

/** Live count of the text against each limit of one channel's network; red past a limit. */
export function ChannelCounter({ channel, text }: { channel: Channel; text: string }) {
  const { t } = useTranslation();
  const v = validateText(text, channel.textRules);
  return (
    <Group gap="xs" data-testid={`counter-${channel.id}`} data-ok={v.ok ? 'true' : 'false'} aria-live="polite">
      <Text size="sm" fw={500}>
        {channel.name}
      </Text>
      {v.results.map((r) => (
        <Text key={r.unit} size="sm" c={r.ok ? 'dimmed' : 'red'} fw={r.ok ? undefined : 700}>
          {t('posts.counter', { count: r.count, max: r.max, unit: t(`posts.units.${r.unit}`) })}
          {!r.ok && ` · ${r.reason === 'invalid_characters' ? t('posts.invalidCharacters') : t('posts.overBy', { n: -r.remaining })}`}
        </Text>
      ))}
      {v.results.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('posts.noLimits')}
        </Text>
      )}
    </Group>
  );
}
