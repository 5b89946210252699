import { Button, Group, Modal, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../session/workspace';
import type { Post, PublishingSettings } from './api';

export type PostAction = 'save' | 'submit' | 'approve' | 'request-changes' | 'schedule' | 'publish' | 'unschedule' | 'cancel';

interface Props {
  post: Post | undefined;
  settings: PublishingSettings | undefined;
  pending: PostAction | null;
  /** `arg`: the ISO time for schedule, the reason for request-changes. */
  onAction: (action: PostAction, arg?: string) => void;
  /** The time field's value (datetime-local, the viewer's zone), owned by the page so suggestions can fill it. */
  at: string;
  onAtChange: (value: string) => void;
  /** More buttons beside the schedule button (add to queue). */
  extra?: ReactNode;
}

const EDITABLE = ['draft', 'in_review', 'approved'];
const CANCELLABLE = ['draft', 'in_review', 'approved', 'scheduled'];

/** The buttons the post's state and the user's roles allow. */
export function PostActions({ post, settings, pending, onAction, at, onAtChange, extra }: Props) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const [pastAsked, setPastAsked] = useState(false);
  const [reason, setReason] = useState<string | null>(null);
  const schedule = () => {
    const when = new Date(at);
    // A time that has passed is a question, not an error: publish now instead?
    if (when.getTime() <= Date.now()) setPastAsked(true);
    else onAction('schedule', when.toISOString());
  };
  const status = post?.status ?? 'draft';
  const approvalRequired = settings?.approvalRequired ?? true;
  const schedulable = approvalRequired ? ['approved', 'scheduled'] : ['draft', 'in_review', 'approved', 'scheduled'];
  const canWrite = ws.can('posts.write') && EDITABLE.includes(status);
  const canSchedule = post !== undefined && ws.can('posts.schedule') && schedulable.includes(status);
  const isScheduled = status === 'scheduled';
  const buttons: Array<{ action: PostAction; label: string; variant: string; color?: string; show: boolean }> = [
    { action: 'save', label: post ? t('posts.actions.save') : t('posts.actions.saveDraft'), variant: 'filled', show: canWrite },
    { action: 'submit', label: t('posts.actions.submit'), variant: 'default', show: post !== undefined && status === 'draft' && ws.can('posts.write') },
    { action: 'approve', label: t('posts.actions.approve'), variant: 'filled', color: 'teal', show: post !== undefined && status === 'in_review' && ws.can('posts.approve') },
    { action: 'request-changes', label: t('posts.actions.requestChanges'), variant: 'default', show: post !== undefined && status === 'in_review' && ws.can('posts.approve') },
    { action: 'publish', label: t('posts.actions.publishNow'), variant: 'default', show: canSchedule },
    { action: 'unschedule', label: t('posts.actions.unschedule'), variant: 'default', show: isScheduled && ws.can('posts.schedule') },
    { action: 'cancel', label: t('posts.actions.cancel'), variant: 'subtle', color: 'red', show: post !== undefined && CANCELLABLE.includes(status) && ws.can('posts.schedule') },
  ];
  const busy = (action: PostAction) => pending !== null && pending !== action;

  return (
    <Group align="flex-end" gap="sm">
      {canSchedule && (
        <>
          <TextInput type="datetime-local" label={t('posts.actions.scheduleAt')} value={at} onChange={(e) => onAtChange(e.currentTarget.value)} />
          <Button variant="default" loading={pending === 'schedule'} disabled={!at || busy('schedule')} onClick={schedule}>
            {t('posts.actions.schedule')}
          </Button>
          {extra}
        </>
      )}
      <Modal opened={reason !== null} onClose={() => setReason(null)} title={t('posts.actions.requestChanges')} centered>
        <Textarea label={t('posts.changesReason')} autosize minRows={3} maxLength={2000} value={reason ?? ''} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setReason(null)}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!reason?.trim()}
            onClick={() => {
              onAction('request-changes', reason ?? '');
              setReason(null);
            }}
          >
            {t('posts.actions.requestChanges')}
          </Button>
        </Group>
      </Modal>
      <Modal opened={pastAsked} onClose={() => setPastAsked(false)} title={t('posts.past.title')} centered>
        <Text mb="lg">{t('posts.past.message')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setPastAsked(false)}>
            {t('posts.past.pickAnother')}
          </Button>
          <Button
            onClick={() => {
              setPastAsked(false);
              onAction('publish');
            }}
          >
            {t('posts.actions.publishNow')}
          </Button>
        </Group>
      </Modal>
      {buttons
        .filter((b) => b.show)
        .map((b) => (
          <Button key={b.action} variant={b.variant} color={b.color} loading={pending === b.action} disabled={busy(b.action)} onClick={() => (b.action === 'request-changes' ? setReason('') : onAction(b.action))}>
            {b.label}
          </Button>
        ))}
    </Group>
  );
}
