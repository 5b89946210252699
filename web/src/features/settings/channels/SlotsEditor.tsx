import { ActionIcon, Alert, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from '../../../api/client';
import { currentLocale } from '../../../i18n';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';
import { notifySuccess } from '../../../ui/notify';
import { serverMessage, type Channel } from '../../posts/api';
import { minuteLabel, slotsKey, useSlots, weekdayName, type ChannelSlots } from '../../scheduling/api';
import { BestTimesPanel } from '../../scheduling/BestTimesPanel';

interface Row {
  weekday: number;
  time: string;
}

const toMinutes = (time: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

/** The channel's weekly queue slots (GET/PUT …/channels/:id/slots), edited as a list and saved as a whole. */
export function SlotsEditor({ channel, canManage }: { channel: Channel; canManage: boolean }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const slots = useSlots(ws.id, channel.id);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (slots.data && rows === null) setRows(slots.data.slots.map((s) => ({ weekday: s.weekday, time: minuteLabel(s.minuteOfDay) })));
  }, [slots.data, rows]);
  const save = useMutation({
    mutationFn: (body: { slots: { weekday: number; minuteOfDay: number }[] }) => put<ChannelSlots>(`/api/workspaces/${ws.id}/channels/${channel.id}/slots`, body),
    onSuccess: (r) => {
      qc.setQueryData(slotsKey(ws.id, channel.id), r);
      setRows(r.slots.map((s) => ({ weekday: s.weekday, time: minuteLabel(s.minuteOfDay) })));
      notifySuccess(t('scheduling.slots.saved', { name: channel.name }));
    },
  });
  const locale = currentLocale();
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayName(d, locale) }));
  const update = (i: number, patch: Partial<Row>) => setRows((rs) => (rs ?? []).map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = () => {
    const list = rows ?? [];
    const parsed = list.map((r) => ({ weekday: r.weekday, minuteOfDay: toMinutes(r.time) }));
    if (parsed.some((p) => p.minuteOfDay === null)) return setProblem(t('scheduling.slots.badTime'));
    const keys = parsed.map((p) => `${p.weekday}:${p.minuteOfDay}`);
    if (new Set(keys).size !== keys.length) return setProblem(t('scheduling.slots.duplicate'));
    setProblem(null);
    save.mutate({ slots: parsed as { weekday: number; minuteOfDay: number }[] });
  };

  return (
    <Stack gap="sm" component="section" aria-label={t('scheduling.slots.title')}>
      <Title order={4} size="h5">
        {t('scheduling.slots.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('scheduling.slots.intro', { zone: channel.timeZone })}
      </Text>
      {slots.isPending && <Loading />}
      {slots.error && <ErrorAlert error={slots.error} />}
      {rows && rows.length === 0 && <Text size="sm">{t('scheduling.slots.empty')}</Text>}
      {rows?.map((r, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <NativeSelect aria-label={t('scheduling.slots.weekdayOf', { n: i + 1 })} data={days} value={String(r.weekday)} onChange={(e) => update(i, { weekday: Number(e.currentTarget.value) })} disabled={!canManage} />
          <TextInput type="time" aria-label={t('scheduling.slots.timeOf', { n: i + 1 })} value={r.time} onChange={(e) => update(i, { time: e.currentTarget.value })} disabled={!canManage} />
          {canManage && (
            <ActionIcon variant="subtle" color="red" size="lg" onClick={() => setRows((rs) => (rs ?? []).filter((_, j) => j !== i))} aria-label={t('scheduling.slots.removeOf', { n: i + 1 })}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      {save.error && <ErrorAlert error={save.error} overrides={serverMessage(save.error)} />}
      {canManage && rows && (
        <Group gap="sm">
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setRows([...rows, { weekday: 1, time: '09:00' }])}>
            {t('scheduling.slots.add')}
          </Button>
          <Button onClick={submit} loading={save.isPending}>
            {t('scheduling.slots.save')}
          </Button>
        </Group>
      )}
      {canManage && rows && (
        <BestTimesPanel
          channelId={channel.id}
          limit={3}
          onPick={(iso) => {
            // A suggestion becomes a slot at its weekday and hour, in the channel's zone.
            const at = DateTime.fromISO(iso, { zone: channel.timeZone });
            setRows([...rows, { weekday: at.weekday, time: at.toFormat('HH:mm') }]);
          }}
        />
      )}
    </Stack>
  );
}
