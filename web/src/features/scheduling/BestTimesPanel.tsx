import type { TFunction } from 'i18next';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClockHour9 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { useWorkspace } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { formatNumber } from '../../ui/format';
import { formatInZone, useBestTimes, weekdayName, type BestTime } from './api';

interface Props {
  channelId: string;
  /** Called with the suggestion's next occurrence (an ISO instant) when the user picks it. */
  onPick: (isoInstant: string) => void;
  /** How many suggestions to show (default 5). */
  limit?: number;
}

/**
 * Best weekday × hour slots for one channel (GET …/channels/:id/best-times), each with why it is
 * suggested. Hours are the channel's own time zone; picking one hands its next date to `onPick`.
 */
export function BestTimesPanel({ channelId, onPick, limit = 5 }: Props) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const best = useBestTimes(ws.id, channelId, limit);
  const locale = currentLocale();
  return (
    <Paper withBorder p="md" component="section" aria-label={t('scheduling.bestTimes.title')} data-testid="best-times">
      <Stack gap="xs">
        <Group gap="xs">
          <IconClockHour9 size={18} aria-hidden />
          <Title order={4} size="h5">
            {t('scheduling.bestTimes.title')}
          </Title>
        </Group>
        {best.isPending && <Loading />}
        {best.error && <ErrorAlert error={best.error} />}
        {best.data && (
          <>
            <Text size="sm" c="dimmed">
              {t('scheduling.bestTimes.intro', { zone: best.data.timeZone, days: best.data.halfLifeDays })}
            </Text>
            {best.data.suggestions.length === 0 && <Text size="sm">{t('scheduling.bestTimes.none')}</Text>}
            {best.data.suggestions.map((s) => (
              <Group key={`${s.weekday}-${s.hour}`} justify="space-between" wrap="wrap" align="flex-start" gap="xs">
                <Stack gap={2} style={{ flex: '1 1 220px' }}>
                  <Text fw={500}>{t('scheduling.bestTimes.slot', { day: weekdayName(s.weekday, locale), hour: `${String(s.hour).padStart(2, '0')}:00` })}</Text>
                  <Text size="sm" c="dimmed">
                    {whyText(t, s)}
                  </Text>
                </Stack>
                <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                  <Badge variant="light" tt="none" title={t('scheduling.bestTimes.scoreHelp')}>
                    {t('scheduling.bestTimes.score', { score: formatNumber(s.score) })}
                  </Badge>
                  <Button size="xs" variant="light" onClick={() => onPick(s.nextAt)} aria-label={t('scheduling.bestTimes.pickOf', { when: formatInZone(s.nextAt, best.data.timeZone, locale) })}>
                    {formatInZone(s.nextAt, best.data.timeZone, locale)}
                  </Button>
                </Group>
              </Group>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}


/** The structured `why` in words. */
export function whyText(t: TFunction, s: BestTime): string {
  const { why } = s;
  if (why.basis === 'network' && why.totalPosts === 0) return t('scheduling.bestTimes.why.networkOnly');
  if (why.basis === 'network') return t('scheduling.bestTimes.why.network', { total: why.totalPosts });
  const own = t('scheduling.bestTimes.why.history', { count: why.slotPosts, ratio: formatNumber(why.ratio ?? 1) });
  if (why.basis === 'blend') return `${own} ${t('scheduling.bestTimes.why.blend', { share: Math.round(why.priorShare * 100) })}`;
  return own;
}
