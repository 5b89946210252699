import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { POST_STATUSES, type Channel } from '../posts/api';
import { STATUS_COLORS, type ColorBy } from './events';

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap" component="li">
      <Box
        aria-hidden
        w={14}
        h={14}
        style={{ borderRadius: 3, background: `var(--mantine-color-${color}-light)`, border: `2px solid var(--mantine-color-${color}-filled)` }}
      />
      <Text size="sm">{label}</Text>
    </Group>
  );
}

/** What the event colours mean under the current colouring. */
export function Legend({ colorBy, channels }: { colorBy: ColorBy; channels: Channel[] }) {
  const { t } = useTranslation();
  const items = colorBy === 'status' ? POST_STATUSES.map((s) => ({ key: s, color: STATUS_COLORS[s], label: t(`posts.status.${s}`) })) : channels.map((c) => ({ key: c.id, color: c.color, label: c.name }));
  return (
    <Box component="section" aria-labelledby="calendar-legend">
      <Text size="sm" fw={500} id="calendar-legend" mb={4}>
        {colorBy === 'status' ? t('calendar.legendStatus') : t('calendar.legendChannel')}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('calendar.noChannels')}
        </Text>
      ) : (
        <Group gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="calendar-legend">
          {items.map((i) => (
            <Swatch key={i.key} color={i.color} label={i.label} />
          ))}
        </Group>
      )}
    </Box>
  );
}
