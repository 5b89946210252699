import { Alert, Anchor, Checkbox, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { patch, post as postReq } from '../../api/client';
import { useWorkspace, wsPath } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { useClientErrors } from '../../ui/useClientErrors';
import { postKey, postsKey, serverMessage, useChannels, usePost, usePublishingSettings, type Post } from './api';
import { AttemptLog } from './AttemptLog';
import { ChannelCounter } from './ChannelCounter';
import { PostActions, type PostAction } from './PostActions';
import { StatusBadge } from './StatusBadge';

const EDITABLE = ['draft', 'in_review', 'approved'];
const LOGGED = ['publishing', 'published', 'failed', 'unknown'];

/** /posts/new and /posts/:postId: one base text for every selected channel, with live counters. */
export default function ComposerPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { postId } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const existing = usePost(ws.id, postId);
  const channels = useChannels(ws.id);
  const settings = usePublishingSettings(ws.id);
  const current = existing.data;
  const [text, setText] = useState('');
  const [channelIds, setChannelIds] = useState<string[]>([]);
  const [clientErrors, check] = useClientErrors<'channelIds'>();

  useEffect(() => {
    if (!current) return;
    setText(current.text);
    setChannelIds(current.variants.map((v) => v.channelId));
  }, [current]);

  const dirty = !current || text !== current.text || channelIds.join() !== current.variants.map((v) => v.channelId).join();
  const editable = (current ? EDITABLE.includes(current.status) : true) && ws.can('posts.write');
  const base = `/api/workspaces/${ws.id}/posts`;

  const act = useMutation({
    mutationFn: async ({ action, scheduledAt }: { action: PostAction; scheduledAt?: string }): Promise<Post> => {
      if (!current) return postReq<Post>(base, { text, channelIds });
      let p = current;
      if (editable && dirty && action !== 'cancel') p = await patch<Post>(`${base}/${p.id}`, { version: p.version, text, channelIds });
      if (action === 'save') return p;
      return postReq<Post>(`${base}/${p.id}/${action}`, action === 'schedule' ? { scheduledAt } : {});
    },
    onSuccess: async (p, { action }) => {
      notifySuccess(t(`posts.done.${action}`));
      qc.setQueryData(postKey(ws.id, p.id), p);
      await qc.invalidateQueries({ queryKey: postsKey(ws.id) });
      if (!current) void navigate(wsPath(ws.id, `posts/${p.id}`), { replace: true });
    },
  });

  const onAction = (action: PostAction, scheduledAt?: string) => {
    if (check({ channelIds: channelIds.length === 0 && t('posts.pickChannel') })) act.mutate({ action, scheduledAt });
  };

  if (postId && existing.isPending) return <Loading />;
  if (existing.error) return <ErrorAlert error={existing.error} />;
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.name ?? t('common.noValue');
  const selected = (channels.data ?? []).filter((c) => channelIds.includes(c.id));

  return (
    <>
      <PageHeader
        title={current ? t('posts.editTitle') : t('posts.newTitle')}
        aside={current && <StatusBadge status={current.status} ml="sm" />}
        description={
          <Anchor component={Link} to={wsPath(ws.id, 'calendar')}>
            {t('posts.backToList')}
          </Anchor>
        }
      />
      <Stack gap="lg" maw={820}>
        {current?.scheduledAt && <Text>{t('posts.plannedFor', { when: formatDateTime(current.scheduledAt) })}</Text>}
        {act.error && <ErrorAlert error={act.error} shownFields={['channelIds']} overrides={serverMessage(act.error)} />}
        <Paper withBorder p="lg">
          <Stack>
            <Textarea label={t('posts.text')} autosize minRows={5} maxLength={10_000} value={text} readOnly={!editable} onChange={(e) => setText(e.currentTarget.value)} />
            {channels.error && <ErrorAlert error={channels.error} />}
            {channels.data?.length === 0 && <Alert color="gray">{t('posts.noChannels')}</Alert>}
            {channels.data && channels.data.length > 0 && (
              <Checkbox.Group label={t('posts.channels')} withAsterisk value={channelIds} onChange={setChannelIds} error={fieldError(act.error, 'channelIds', clientErrors.channelIds)}>
                <Group mt={6}>
                  {channels.data.map((c) => (
                    <Checkbox key={c.id} value={c.id} disabled={!editable} label={`${c.name} (${c.network})`} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            {selected.length > 0 && (
              <Stack gap={4} aria-label={t('posts.counters')} role="group">
                {selected.map((c) => (
                  <ChannelCounter key={c.id} channel={c} text={text} />
                ))}
              </Stack>
            )}
          </Stack>
        </Paper>
        <PostActions post={current} settings={settings.data} pending={act.isPending ? (act.variables?.action ?? null) : null} onAction={onAction} />
        {current && LOGGED.includes(current.status) && <AttemptLog wid={ws.id} post={current} channelName={channelName} />}
      </Stack>
    </>
  );
}
