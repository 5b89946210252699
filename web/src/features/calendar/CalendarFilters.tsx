import { Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/types';
import { browserTimeZone } from '../workspaces/TimeZoneSelect';
import { POST_STATUSES, type Channel } from '../posts/api';
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

  const filterSelects: { key: keyof Filters; label: string; all: string; options: { value: string; label: string }[] }[] = [
    { key: 'channelId', label: t('calendar.filterChannel'), all: t('calendar.allChannels'), options: channels.map((c) => ({ value: c.id, label: c.name })) },
    { key: 'campaignId', label: t('calendar.filterCampaign'), all: t('calendar.allCampaigns'), options: campaigns.map((c) => ({ value: c.id, label: c.name })) },
    { key: 'status', label: t('calendar.filterStatus'), all: t('calendar.allStatuses'), options: POST_STATUSES.map((s) => ({ value: s, label: t(`posts.status.${s}`) })) },
    { key: 'authorId', label: t('calendar.filterAuthor'), all: t('calendar.allAuthors'), options: members.map((m) => ({ value: m.userId, label: m.name })) },
  ];

  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        {filterSelects.map((f) => (
          <NativeSelect
            key={f.key}
            label={f.label}
            value={filters[f.key] ?? ''}
            onChange={(e) => set({ [f.key]: e.currentTarget.value || null })}
            data={[{ value: '', label: f.all }, ...f.options]}
            w={f.key === 'status' ? 160 : 180}
          />
        ))}
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
