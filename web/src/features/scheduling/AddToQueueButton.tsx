import { Button, type ButtonProps } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { post } from '../../api/client';
import { currentLocale } from '../../i18n';
import { useWorkspace } from '../../session/workspace';
import { notifyError, notifySuccess } from '../../ui/notify';
import { postKey, postsKey, serverMessage } from '../posts/api';
import { formatInZone, type QueuedPost } from './api';

interface Props extends Omit<ButtonProps, 'onClick' | 'loading'> {
  postId: string;
  /** After the post was scheduled at the next free slot. */
  onQueued?: (result: QueuedPost) => void;
}

/**
 * "Add to queue" (POST …/posts/:id/queue): schedules the post at the earliest free weekly slot of
 * its channels. The server applies the same rules as scheduling by hand; its refusals are shown.
 */
export function AddToQueueButton({ postId, onQueued, ...buttonProps }: Props) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const queue = useMutation({
    mutationFn: () => post<QueuedPost>(`/api/workspaces/${ws.id}/posts/${postId}/queue`),
    onSuccess: async (r) => {
      notifySuccess(t('scheduling.queue.done', { when: formatInZone(r.slot.at, r.slot.timeZone, currentLocale()), zone: r.slot.timeZone }));
      qc.setQueryData(postKey(ws.id, postId), r.post);
      await qc.invalidateQueries({ queryKey: postsKey(ws.id) });
      onQueued?.(r);
    },
    onError: (e) => notifyError(e, serverMessage(e)),
  });
  if (!ws.can('posts.schedule')) return null;
  return (
    <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} {...buttonProps} loading={queue.isPending} onClick={() => queue.mutate()}>
      {t('scheduling.queue.add')}
    </Button>
  );
}
