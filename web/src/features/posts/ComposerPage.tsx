import { Alert, Anchor, Checkbox, Grid, Group, NativeSelect, Paper, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { patch, post as postReq } from '../../api/client';
import { useWorkspace, wsPath } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/PageHeader';
import { useClientErrors } from '../../ui/useClientErrors';
import { useCampaigns } from '../calendar/api';
import { PostComments } from '../comments';
import { AddToQueueButton, BestTimesPanel } from '../scheduling';
import { useMembers } from '../settings/team/api';
import { postKey, postsKey, serverMessage, useChannels, useNetworks, usePost, usePublishingSettings, type Post } from './api';
import { AttemptLog } from './AttemptLog';
import { ChannelCounter } from './ChannelCounter';
import { bodyOf, draftOf, effectiveFirstComment, effectiveParts, emptyDraft, sameDraft, type Draft, type PartDraft } from './composer/draft';
import { HistoryDrawer } from './composer/HistoryDrawer';
import { NetworkPreview } from './composer/NetworkPreview';
import { useAutosave } from './composer/useAutosave';
import { VariantEditor } from './composer/VariantEditor';
import { Warnings } from './composer/Warnings';
import { warningsFor } from './composer/warnings';
import { MediaField, useAssetInfo } from './composer/MediaField';
import { PostActions, type PostAction } from './PostActions';
import { StatusBadge } from './StatusBadge';

const EDITABLE = ['draft', 'in_review', 'approved'];
const LOGGED = ['publishing', 'published', 'failed', 'unknown'];

/** A Date as the value of a datetime-local field, in the viewer's zone. */
const localInput = (iso: string | null | undefined) => (iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '');

/**
 * /posts/new and /posts/:postId: one base message, a version per channel where needed, live
 * counters and previews per network, autosaved drafts, history, team comments, and the actions the
 * post's state and the user's roles allow.
 */
export default function ComposerPage() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { postId } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const existing = usePost(ws.id, postId);
  const channels = useChannels(ws.id);
  const networks = useNetworks();
  const campaigns = useCampaigns(ws.id);
  const members = useMembers(ws.id);
  const settings = usePublishingSettings(ws.id);
  const current = existing.data;
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [baseline, setBaseline] = useState<Draft>(emptyDraft);
  const [at, setAt] = useState(localInput(search.get('at')));
  const [historyOpen, setHistoryOpen] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [clientErrors, check] = useClientErrors<'channelIds'>();
  // The version this page itself saved last: a different one on the server means someone else (or a restore) changed it.
  const ownVersion = useRef<number | null>(null);

  useEffect(() => {
    if (!current || current.version === ownVersion.current) return;
    ownVersion.current = current.version;
    setDraft(draftOf(current));
    setBaseline(draftOf(current));
    if (current.scheduledAt) setAt(localInput(current.scheduledAt));
  }, [current]);

  const dirty = !sameDraft(draft, baseline);
  const editable = (current ? EDITABLE.includes(current.status) : true) && ws.can('posts.write');
  const base = `/api/workspaces/${ws.id}/posts`;
  const assets = useAssetInfo(ws.id, draft);

  const remember = useCallback(
    (p: Post, sent: Draft) => {
      ownVersion.current = p.version;
      setBaseline(sent);
      setSavedAt(p.updatedAt);
      qc.setQueryData(postKey(ws.id, p.id), p);
    },
    [qc, ws.id],
  );

  const act = useMutation({
    mutationFn: async ({ action, arg }: { action: PostAction; arg?: string }): Promise<Post> => {
      const sent = draft;
      if (!current) {
        const created = await postReq<Post>(base, { ...bodyOf(sent, 'create'), ...(at && { scheduledAt: new Date(at).toISOString() }) });
        remember(created, sent);
        return created;
      }
      let p = current;
      if (editable && dirty && action !== 'cancel' && action !== 'request-changes') {
        p = await patch<Post>(`${base}/${p.id}`, { version: p.version, ...bodyOf(sent, 'update') });
        remember(p, sent);
      }
      if (action === 'save') return p;
      return postReq<Post>(`${base}/${p.id}/${action}`, action === 'schedule' ? { scheduledAt: arg } : action === 'request-changes' ? { reason: arg } : {});
    },
    onSuccess: async (p, { action }) => {
      notifySuccess(t(`posts.done.${action}`));
      qc.setQueryData(postKey(ws.id, p.id), p);
      await qc.invalidateQueries({ queryKey: postsKey(ws.id) });
      if (!current) void navigate(wsPath(ws.id, `posts/${p.id}`), { replace: true });
    },
  });

  const autosave = useMutation({
    mutationFn: async () => {
      if (!current) return;
      const sent = draft;
      const p = await patch<Post>(`${base}/${current.id}`, { version: current.version, ...bodyOf(sent, 'update') });
      remember(p, sent);
    },
  });
  // Drafts save themselves; a post in review or approved is saved on purpose (an edit sends it back to review).
  useAutosave({ enabled: current?.status === 'draft' && editable && draft.channelIds.length > 0 && !act.isPending, dirty, save: autosave.mutateAsync, stamp: JSON.stringify(draft) });

  const onAction = (action: PostAction, arg?: string) => {
    if (check({ channelIds: draft.channelIds.length === 0 && t('posts.pickChannel') })) act.mutate({ action, arg });
  };

  if (postId && existing.isPending) return <Loading />;
  if (existing.error) return <ErrorAlert error={existing.error} />;
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.name ?? t('common.noValue');
  const memberName = (id: string | null) => members.data?.find((m) => m.userId === id)?.name ?? t('common.noValue');
  const selected = (channels.data ?? []).filter((c) => draft.channelIds.includes(c.id));
  const networkOf = (network: string) => networks.data?.find((n) => n.network === network);
  const anyFirstComment = selected.some((c) => networkOf(c.network)?.firstComment);
  // The strictest selected network decides how many items the picker takes.
  // Each channel's own limit (an account's server may allow fewer than its network).
  const maxMedia = Math.min(...selected.map((c) => c.media?.maxItems ?? networkOf(c.network)?.media.maxItems ?? 10), 10);
  const mediaField = (value: PartDraft['media'], onChange: (m: PartDraft['media']) => void) => <MediaField value={value} onChange={onChange} readOnly={!editable} max={maxMedia} />;
  const warnings = selected.flatMap((c) =>
    warningsFor({ network: networkOf(c.network), parts: effectiveParts(draft, c.id), firstComment: effectiveFirstComment(draft, c.id), altTextOf: assets.altTextOf, saved: current }).map((warning) => ({ channel: c.name, warning })),
  );
  const canSchedule = current && ws.can('posts.schedule');

  return (
    <>
      <PageHeader
        title={current ? t('posts.editTitle') : t('posts.newTitle')}
        aside={current && <StatusBadge status={current.status} ml="sm" />}
        description={
          <Group gap="md">
            <Anchor component={Link} to={wsPath(ws.id, 'calendar')}>
              {t('posts.backToList')}
            </Anchor>
            {current && (
              <Anchor component="button" type="button" onClick={() => setHistoryOpen(true)}>
                {t('composer.history.open', { version: current.version })}
              </Anchor>
            )}
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="autosave-state">
              {autosave.isPending ? t('composer.saving') : dirty ? t('composer.unsaved') : savedAt ? t('composer.savedAt', { when: formatDateTime(savedAt) }) : ''}
            </Text>
          </Group>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {current?.scheduledAt && <Text>{t('posts.plannedFor', { when: formatDateTime(current.scheduledAt) })}</Text>}
            {act.error && <ErrorAlert error={act.error} shownFields={['channelIds']} overrides={serverMessage(act.error)} />}
            {autosave.error && <ErrorAlert error={autosave.error} overrides={serverMessage(autosave.error)} />}
            <Paper withBorder p="lg">
              <Stack>
                {channels.error && <ErrorAlert error={channels.error} />}
                {channels.data?.length === 0 && <Alert color="gray">{t('posts.noChannels')}</Alert>}
                {channels.data && channels.data.length > 0 && (
                  <Checkbox.Group label={t('posts.channels')} withAsterisk value={draft.channelIds} onChange={(channelIds) => setDraft({ ...draft, channelIds })} error={fieldError(act.error, 'channelIds', clientErrors.channelIds)}>
                    <Group mt={6}>
                      {channels.data.map((c) => (
                        <Checkbox key={c.id} value={c.id} disabled={!editable} label={`${c.name} (${c.network})`} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                )}
                <Tabs defaultValue="base" keepMounted={false}>
                  <Tabs.List>
                    <Tabs.Tab value="base">{t('composer.allChannels')}</Tabs.Tab>
                    {selected.map((c) => (
                      <Tabs.Tab key={c.id} value={c.id}>
                        {c.name}
                      </Tabs.Tab>
                    ))}
                  </Tabs.List>
                  <Tabs.Panel value="base" pt="md">
                    <Stack>
                      <Textarea label={t('posts.text')} autosize minRows={5} maxLength={10_000} value={draft.text} readOnly={!editable} onChange={(e) => setDraft({ ...draft, text: e.currentTarget.value })} />
                      {mediaField(draft.media, (media) => setDraft({ ...draft, media }))}
                      {anyFirstComment && <Textarea label={t('composer.firstComment')} description={t('composer.firstCommentHelp')} autosize minRows={2} maxLength={10_000} value={draft.firstComment} readOnly={!editable} onChange={(e) => setDraft({ ...draft, firstComment: e.currentTarget.value })} />}
                      {campaigns.data && campaigns.data.length > 0 && (
                        <NativeSelect
                          label={t('composer.campaign')}
                          disabled={!editable}
                          value={draft.campaignId ?? ''}
                          onChange={(e) => setDraft({ ...draft, campaignId: e.currentTarget.value || null })}
                          data={[{ value: '', label: t('composer.noCampaign') }, ...campaigns.data.map((c) => ({ value: c.id, label: c.name }))]}
                        />
                      )}
                      {selected.length > 0 && (
                        <Stack gap={4} aria-label={t('posts.counters')} role="group">
                          {selected
                            .filter((c) => !draft.variants[c.id]?.custom)
                            .map((c) => (
                              <ChannelCounter key={c.id} channel={c} text={draft.text} />
                            ))}
                        </Stack>
                      )}
                    </Stack>
                  </Tabs.Panel>
                  {selected.map((c) => (
                    <Tabs.Panel key={c.id} value={c.id} pt="md">
                      <VariantEditor draft={draft} channel={c} network={networkOf(c.network)} readOnly={!editable} mediaField={mediaField} onChange={(v) => setDraft({ ...draft, variants: { ...draft.variants, [c.id]: v } })} />
                    </Tabs.Panel>
                  ))}
                </Tabs>
              </Stack>
            </Paper>
            <Warnings items={warnings} />
            <PostActions
              post={current}
              settings={settings.data}
              pending={act.isPending ? (act.variables?.action ?? null) : null}
              onAction={onAction}
              at={at}
              onAtChange={setAt}
              extra={canSchedule && <AddToQueueButton postId={current.id} disabled={act.isPending} />}
            />
            {current && LOGGED.includes(current.status) && <AttemptLog wid={ws.id} post={current} channelName={channelName} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            {selected.map((c) => (
              <NetworkPreview key={c.id} channel={c} parts={effectiveParts(draft, c.id)} firstComment={effectiveFirstComment(draft, c.id)} linkPreview={current?.linkPreview ?? null} thumbUrl={assets.thumbUrl} />
            ))}
            {selected[0] && editable && (
              <Paper withBorder p="md">
                <BestTimesPanel channelId={selected[0].id} onPick={(iso) => setAt(localInput(iso))} />
              </Paper>
            )}
            {current && (
              <Paper withBorder p="md">
                <PostComments workspaceId={ws.id} postId={current.id} />
              </Paper>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {current && <HistoryDrawer wid={ws.id} post={current} opened={historyOpen} canRestore={editable} memberName={memberName} onClose={() => setHistoryOpen(false)} />}
    </>
  );
}
