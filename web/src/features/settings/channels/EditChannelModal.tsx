import { ColorSwatch, Divider, Group, Modal, NativeSelect, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { patch } from '../../../api/client';
import { useWorkspace } from '../../../session/workspace';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { notifySuccess } from '../../../ui/notify';
import { SubmitForm } from '../../../ui/SubmitForm';
import { TimeZoneSelect } from '../../workspaces/TimeZoneSelect';
import { channelsKey, serverMessage, type Channel } from '../../posts/api';
import { CHANNEL_COLORS } from '../../scheduling/api';
import { SlotsEditor } from './SlotsEditor';

/** PATCH …/channels/:id {name, timeZone, color}, and the channel's weekly queue slots. */
export function EditChannelModal({ channel, onClose }: { channel: Channel | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={channel !== null} onClose={onClose} size="lg" title={channel ? t('scheduling.channel.editOf', { name: channel.name }) : ''} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {channel && <EditChannelBody key={channel.id} channel={channel} />}
    </Modal>
  );
}

function EditChannelBody({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const canManage = ws.can('channels.manage');
  const [name, setName] = useState(channel.name);
  const [timeZone, setTimeZone] = useState(channel.timeZone);
  const [color, setColor] = useState(channel.color);
  const save = useMutation({
    mutationFn: (body: { name: string; timeZone: string; color: string }) => patch<Channel>(`/api/workspaces/${ws.id}/channels/${channel.id}`, body),
    onSuccess: async (c) => {
      notifySuccess(t('scheduling.channel.saved', { name: c.name }));
      await qc.invalidateQueries({ queryKey: channelsKey(ws.id) });
    },
  });
  return (
    <>
      <SubmitForm onSubmit={() => save.mutate({ name: name.trim(), timeZone, color })} submitLabel={t('common.save')} pending={save.isPending} readOnly={!canManage}>
        {save.error && <ErrorAlert error={save.error} overrides={serverMessage(save.error)} />}
        <TextInput label={t('scheduling.channel.name')} required maxLength={80} value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={!canManage} />
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} disabled={!canManage} />
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <NativeSelect
            label={t('scheduling.channel.color')}
            description={t('scheduling.channel.colorHelp')}
            data={CHANNEL_COLORS.map((c) => ({ value: c, label: t(`scheduling.colors.${c}`) }))}
            value={color}
            onChange={(e) => setColor(e.currentTarget.value)}
            disabled={!canManage}
          />
          <ColorSwatch color={`var(--mantine-color-${color}-6)`} size={28} mb={4} aria-hidden />
        </Group>
      </SubmitForm>
      <Divider my="lg" />
      <SlotsEditor channel={{ ...channel, timeZone: save.data?.timeZone ?? channel.timeZone }} canManage={canManage} />
    </>
  );
}
