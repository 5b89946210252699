import { Button, Group } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del, post } from '../../api/client';
import { useWorkspace } from '../../session/workspace';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useConfirmedMutation } from '../../ui/useConfirmedMutation';
import { communityKey, communityPath } from './api';

interface Props {
  postId: string;
  /** What the post is, for the buttons' accessible names ("the thread «Hello»", "Anna's reply"). */
  what: string;
  isOpening: boolean;
}

/** Approve or reject (delete) a pending post. Only shown to those who may moderate. */
export function ModerationButtons({ postId, what, isOpening }: Props) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: communityKey(ws.id) });

  const approve = useMutation({
    mutationFn: () => post(communityPath(ws.id, `/posts/${postId}/approve`)),
    onSuccess: async () => {
      notifySuccess(t('community.queue.approved'));
      await refresh();
    },
    onError: (e) => notifyError(e, { CONFLICT: t('community.queue.alreadyDone') }),
  });
  const reject = useConfirmedMutation<string>({
    mutationFn: (id) => del(communityPath(ws.id, `/posts/${id}`)),
    onSuccess: async () => {
      notifySuccess(t('community.queue.rejected'));
      await refresh();
    },
  });

  return (
    <>
      <Group gap="xs">
        <Button size="xs" color="teal" leftSection={<IconCheck size={14} aria-hidden />} loading={approve.isPending} onClick={() => approve.mutate()} aria-label={t('community.queue.approveOf', { what })}>
          {t('community.queue.approve')}
        </Button>
        <Button size="xs" variant="light" color="red" leftSection={<IconX size={14} aria-hidden />} onClick={() => reject.ask(postId)} aria-label={t('community.queue.rejectOf', { what })}>
          {t('community.queue.reject')}
        </Button>
      </Group>
      <ConfirmDialog
        {...reject.dialog}
        title={t('community.queue.rejectOf', { what })}
        message={isOpening ? t('community.queue.rejectThreadConfirm') : t('community.queue.rejectReplyConfirm')}
        confirmLabel={t('community.queue.reject')}
      />
    </>
  );
}
