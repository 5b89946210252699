import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../ui/errors';
import { notifySuccess } from '../../ui/notify';
import type { Post } from '../posts/api';
import { movePost } from './api';

/**
 * What a drop does: refuse the past, send the new instant, and on any refusal put the event back
 * and say why (the translated error, with the server's own sentence when it has one).
 */
export function useReschedule(wid: string, onMoved: () => void) {
  const { t } = useTranslation();
  return (post: Post, start: Date | null, revert: () => void) => {
    if (!start) return revert();
    if (start.getTime() <= Date.now()) {
      revert();
      notifications.show({ color: 'yellow', title: t('calendar.pastTitle'), message: t('calendar.pastDrop'), autoClose: 8000 });
      return;
    }
    movePost(wid, post, start.toISOString()).then(
      () => {
        notifySuccess(t('calendar.moved'));
        onMoved();
      },
      (error: unknown) => {
        revert();
        const detail = isApiError(error) && error.message && error.code !== 'INTERNAL' ? error.message : undefined;
        notifications.show({ color: 'red', title: errorMessage(t, error), message: detail ?? t('calendar.moveFailed'), autoClose: 10_000 });
        onMoved();
      },
    );
  };
}
