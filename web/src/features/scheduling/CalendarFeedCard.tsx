import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarShare } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { del, post } from '../../api/client';
import type { Ok } from '../../api/types';
import { useWorkspace } from '../../session/workspace';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { notifySuccess } from '../../ui/notify';
import { SettingsCard } from '../settings/SettingsCard';
import { calendarFeedKey, useCalendarFeed, type CreatedCalendarFeed } from './api';

/**
 * The caller's secret iCalendar feed of this workspace: create or rotate it (the URL is shown once),
 * copy it into a calendar app, revoke it.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const status = useCalendarFeed(ws.id);
  const [url, setUrl] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'rotate' | 'revoke' | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: calendarFeedKey(ws.id) });
  const create = useMutation({
    mutationFn: () => post<CreatedCalendarFeed>(`/api/workspaces/${ws.id}/calendar-feed`),
    onSuccess: async (r) => {
      setConfirm(null);
      setUrl(r.url);
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => del<Ok>(`/api/workspaces/${ws.id}/calendar-feed`),
    onSuccess: async () => {
      setConfirm(null);
      setUrl(null);
      notifySuccess(t('scheduling.feed.revoked'));
      await refresh();
    },
  });
  const active = status.data?.active ?? false;

  return (
    <SettingsCard title={t('scheduling.feed.title')} maw={720} aside={<IconCalendarShare size={20} aria-hidden />}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('scheduling.feed.intro')}
        </Text>
        {status.isPending && <Loading />}
        {status.error && <ErrorAlert error={status.error} />}
        {(create.error || revoke.error) && <ErrorAlert error={create.error ?? revoke.error} />}
        {status.data && <Text size="sm">{active ? t('scheduling.feed.activeSince', { date: formatDateTime(status.data.createdAt) }) : t('scheduling.feed.none')}</Text>}
        {url && (
          <Alert color="teal" variant="light" title={t('scheduling.feed.createdTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('scheduling.feed.createdHelp')}</Text>
              <Group gap="xs" wrap="nowrap" align="flex-end">
                <TextInput label={t('scheduling.feed.url')} value={url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
                <CopyButton value={url}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? t('scheduling.feed.copied') : t('scheduling.feed.copy')}</Button>}</CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        {status.data && (
          <Group gap="sm">
            <Button loading={create.isPending && confirm === null} onClick={() => (active ? setConfirm('rotate') : create.mutate())}>
              {active ? t('scheduling.feed.rotate') : t('scheduling.feed.create')}
            </Button>
            {active && (
              <Button variant="subtle" color="red" onClick={() => setConfirm('revoke')}>
                {t('scheduling.feed.revoke')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        onConfirm={() => (confirm === 'rotate' ? create.mutate() : revoke.mutate())}
        loading={create.isPending || revoke.isPending}
        title={confirm === 'rotate' ? t('scheduling.feed.rotate') : t('scheduling.feed.revoke')}
        message={confirm === 'rotate' ? t('scheduling.feed.rotateConfirm') : t('scheduling.feed.revokeConfirm')}
        confirmLabel={confirm === 'rotate' ? t('scheduling.feed.rotate') : t('scheduling.feed.revoke')}
      />
    </SettingsCard>
  );
}
