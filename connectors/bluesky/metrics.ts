import type { AppBskyActorDefs } from '@atproto/api';
import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { withSession } from './session';

/** app.bsky.feed.getPosts takes at most 25 URIs per call. */
const BATCH = 25;
const POST_COUNTERS = ['likeCount', 'repostCount', 'replyCount', 'quoteCount', 'bookmarkCount'] as const;

/** The numeric fields of `o` among `names`, under their own names (absent ones left out). */
function counters(o: object, names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) {
    const v = (o as Record<string, unknown>)[name];
    if (typeof v === 'number' && Number.isFinite(v)) out[name] = v;
  }
  return out;
}

/**
 * Engagement counts from the AppView (app.bsky.feed.getPosts, through the account's PDS).
 * Counts are eventually consistent: the AppView indexes likes shortly after they happen.
 * Deleted posts are absent from the answer, so they are absent from ours.
 */
export async function fetchPostMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const uris = [...new Set(refs.map((r) => r.id).filter((id) => id.startsWith('at://')))];
  if (uris.length === 0) return [];
  return withSession(ctx, async (agent) => {
    const out: PostMetrics[] = [];
    for (let i = 0; i < uris.length; i += BATCH) {
      const { data } = await agent.app.bsky.feed.getPosts({ uris: uris.slice(i, i + BATCH) });
      for (const p of data.posts) {
        out.push({ id: p.uri, likes: p.likeCount ?? 0, reposts: p.repostCount ?? 0, replies: p.replyCount ?? 0, quotes: p.quoteCount ?? 0, raw: counters(p, POST_COUNTERS) });
      }
    }
    return out;
  });
}

/**
 * The account's counters from app.bsky.actor.getProfile (AppView). `raw` keeps the network's names:
 * followersCount, followsCount, postsCount, and the `associated` counts as `associated.lists`,
 * `associated.feedgens`, `associated.starterPacks`.
 */
export async function fetchChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  return withSession(ctx, async (agent, did) => {
    const { data } = await agent.app.bsky.actor.getProfile({ actor: did });
    return channelMetricsOf(data);
  });
}

export function channelMetricsOf(profile: AppBskyActorDefs.ProfileViewDetailed): ChannelMetrics {
  const raw = counters(profile, ['followersCount', 'followsCount', 'postsCount']);
  for (const [k, v] of Object.entries(counters(profile.associated ?? {}, ['lists', 'feedgens', 'starterPacks']))) raw[`associated.${k}`] = v;
  const m: ChannelMetrics = { followers: profile.followersCount ?? 0, raw };
  if (profile.followsCount !== undefined) m.following = profile.followsCount;
  if (profile.postsCount !== undefined) m.posts = profile.postsCount;
  return m;
}
