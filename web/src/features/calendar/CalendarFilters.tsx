import { Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/types';
import { browserTimeZone } from '../workspaces/TimeZoneSelect';
import { POST_STATUSES, type Channel, type PostStatus } from '../posts/api';
import type { Campaign, CalendarFilters as Filters } from './api';
import type { ColorBy } from './events';

interface Props {
  filters: Filters;
  onFilters: (f: Filters) => void;
  channels: Channel[];
  campaigns: Campaign[];
  members: Member[];
  colorBy: ColorBy;
  onColorBy: (c: ColorBy) => void;
  zone: string;
  onZone: (z: string) => void;
  workspaceZone: string | undefined;
}

function allZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** Server-side filters, the colour toggle and the zone the calendar shows. */
export function CalendarFilters({ filters, onFilters, channels, campaigns, members, colorBy, onColorBy, zone, onZone, workspaceZone }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<Filters>) => onFilters({ ...filters, ...patch });
  const zoneData = useMemo(() => {
    const mine = browserTimeZone();
    const suggested = [{ value: mine, label: t('calendar.zoneMine', { zone: mine }) }];
    if (workspaceZone && workspaceZone !== mine) suggested.push({ value: workspaceZone, label: t('calendar.zoneWorkspace', { zone: workspaceZone }) });
    const taken = new Set(suggested.map((s) => s.value));
    const others = [...new Set(['UTC', zone, ...allZones()])].filter((z) => !taken.has(z)).sort();
    return [
      { group: t('calendar.zoneSuggested'), items: suggested },
      { group: t('calendar.zoneAll'), items: others },
    ];
  }, [t, workspaceZone, zone]);

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('calendar.filterChannel')}
          value={filters.channelId ?? ''}
          onChange={(e) => set({ channelId: e.currentTarget.value || null })}
          data={[{ value: '', label: t('calendar.allChannels') }, ...channels.map((c) => ({ value: c.id, label: c.name }))]}
          w={180}
        />
        <NativeSelect
          label={t('calendar.filterCampaign')}
          value={filters.campaignId ?? ''}
          onChange={(e) => set({ campaignId: e.currentTarget.value || null })}
          data={[{ value: '', label: t('calendar.allCampaigns') }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))]}
          w={180}
        />
        <NativeSelect
          label={t('calendar.filterStatus')}
          value={filters.status ?? ''}
          onChange={(e) => set({ status: (e.currentTarget.value || null) as PostStatus | null })}
          data={[{ value: '', label: t('calendar.allStatuses') }, ...POST_STATUSES.map((s) => ({ value: s, label: t(`posts.status.${s}`) }))]}
          w={160}
        />
        <NativeSelect
          label={t('calendar.filterAuthor')}
          value={filters.authorId ?? ''}
          onChange={(e) => set({ authorId: e.currentTarget.value || null })}
          data={[{ value: '', label: t('calendar.allAuthors') }, ...members.map((m) => ({ value: m.userId, label: m.name }))]}
          w={180}
        />
        <NativeSelect label={t('calendar.zone')} value={zone} onChange={(e) => onZone(e.currentTarget.value)} data={zoneData} w={260} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="calendar-color-by">
            {t('calendar.colorBy')}
          </Text>
          <SegmentedControl
            aria-labelledby="calendar-color-by"
            value={colorBy}
            onChange={(v) => onColorBy(v as ColorBy)}
            data={[
              { value: 'channel', label: t('calendar.colorByChannel') },
              { value: 'status', label: t('calendar.colorByStatus') },
            ]}
          />
        </Stack>
      </Group>
    </Stack>
  );
}
