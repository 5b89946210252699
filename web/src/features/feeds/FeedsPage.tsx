import { Divider, Paper, Stack } from '@mantine/core';
import { IconRss } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { del } from '../../api/client';
import { useWorkspace } from '../../session/workspace';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { notifySuccess } from '../../ui/notify';
import { useConfirmedMutation } from '../../ui/useConfirmedMutation';
import { useChannels } from '../posts/api';
import { AddFeedForm } from './AddFeedForm';
import { FeedCard } from './FeedCard';
import { feedsKey, feedsPath, useFeeds, type Feed } from './api';

/** /w/:workspaceId/feeds — RSS/Atom feeds whose new items arrive as drafts (curation). */
export default function FeedsPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const feeds = useFeeds(ws.id);
  const channels = useChannels(ws.id);
  const byId = useMemo(() => new Map((channels.data ?? []).map((c) => [c.id, c])), [channels.data]);
  const canManage = ws.can('channels.manage');

  const remove = useConfirmedMutation<Feed>({
    mutationFn: (f) => del(feedsPath(ws.id, `/${f.id}`)),
    onSuccess: async (f) => {
      notifySuccess(t('feeds.removed', { title: f.title }));
      await qc.invalidateQueries({ queryKey: feedsKey(ws.id) });
    },
  });

  return (
    <>
      <PageHeader title={t('feeds.title')} description={t('feeds.intro')} />
      <Stack gap="lg" maw={960}>
        {canManage && (
          <Paper withBorder p="md" radius="md">
            <AddFeedForm />
          </Paper>
        )}
        {canManage && <Divider />}
        {feeds.isPending && <Loading />}
        {feeds.error && <ErrorAlert error={feeds.error} />}
        {feeds.data?.length === 0 && <EmptyNote icon={<IconRss />} order={2} title={t('feeds.emptyTitle')} description={canManage ? t('feeds.emptyDescription') : t('feeds.emptyReadOnly')} />}
        {feeds.data?.map((f) => <FeedCard key={f.id} feed={f} channels={byId} canManage={canManage} onRemove={remove.ask} />)}
      </Stack>
      <ConfirmDialog {...remove.dialog} title={t('feeds.removeOf', { title: remove.target?.title ?? '' })} message={t('feeds.removeConfirm')} confirmLabel={t('feeds.remove')} />
    </>
  );
}
