import { Button, Group, Modal, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, isApiError, qs } from '../../../api/client';
import type { Ok } from '../../../api/types';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { notifySuccess } from '../../../ui/notify';
import { channelsKey, postsKey, type Channel } from '../../posts/api';

interface Props {
  wid: string;
  channel: Channel | null;
  others: Channel[];
  onClose: () => void;
}

type Choice = 'cancel' | 'move';

/**
 * Disconnecting asks first; when posts are still planned on the channel the server says how many,
 * and the user chooses to cancel them there or move them to another channel — nothing is dropped silently.
 */
export function DisconnectChannelDialog({ wid, channel, others, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [planned, setPlanned] = useState<{ plannedPosts: number; scheduledPosts: number } | null>(null);
  const [choice, setChoice] = useState<Choice>('cancel');
  const movable = others.filter((o) => o.status === 'connected');
  const [moveTo, setMoveTo] = useState('');
  useEffect(() => {
    setPlanned(null);
    setChoice('cancel');
    setMoveTo('');
  }, [channel?.id]);

  const remove = useMutation({
    mutationFn: () => del<Ok>(`/api/workspaces/${wid}/channels/${channel!.id}${planned ? qs({ scheduledPosts: choice, moveTo: choice === 'move' ? moveTo : undefined }) : ''}`),
    onSuccess: async () => {
      notifySuccess(t('settings.channels.deleted', { name: channel!.name }));
      onClose();
      await qc.invalidateQueries({ queryKey: channelsKey(wid) });
      await qc.invalidateQueries({ queryKey: postsKey(wid) });
    },
    onError: (e) => {
      const d = isApiError(e) && e.code === 'CONFLICT' ? (e.details as { plannedPosts?: number; scheduledPosts?: number } | undefined) : undefined;
      if (d?.plannedPosts) setPlanned({ plannedPosts: d.plannedPosts, scheduledPosts: d.scheduledPosts ?? 0 });
    },
  });
  // The 409 that names the planned posts became the choice above; any other refusal is shown.
  const showError = remove.error && !(isApiError(remove.error) && (remove.error.details as { plannedPosts?: number } | undefined)?.plannedPosts);

  return (
    <Modal opened={channel !== null} onClose={onClose} title={channel ? t('settings.channels.deleteOf', { name: channel.name }) : ''} centered>
      <Stack>
        {!planned && <Text>{t('settings.channels.deleteConfirm')}</Text>}
        {planned && (
          <>
            <Text>{t('settings.channels.plannedPosts', { count: planned.plannedPosts, scheduled: planned.scheduledPosts })}</Text>
            <Radio.Group value={choice} onChange={(v) => setChoice(v as Choice)} label={t('settings.channels.plannedChoice')}>
              <Stack gap="xs" mt={6}>
                <Radio value="cancel" label={t('settings.channels.plannedCancel')} />
                <Radio value="move" label={t('settings.channels.plannedMove')} disabled={movable.length === 0} />
              </Stack>
            </Radio.Group>
            {choice === 'move' && (
              <NativeSelect
                label={t('settings.channels.moveTo')}
                value={moveTo}
                onChange={(e) => setMoveTo(e.currentTarget.value)}
                data={[{ value: '', label: t('settings.channels.pickChannel') }, ...movable.map((c) => ({ value: c.id, label: `${c.name} (${c.network})` }))]}
              />
            )}
          </>
        )}
        {showError && <ErrorAlert error={remove.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={remove.isPending} disabled={planned !== null && choice === 'move' && !moveTo} onClick={() => remove.mutate()}>
            {t('settings.channels.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
