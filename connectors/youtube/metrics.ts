import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { withYoutube } from './client';

/** videos.list takes at most 50 ids per call. */
const BATCH = 50;
const count = (v: string | null | undefined) => (v == null ? undefined : Number(v));

/** Statistics come as decimal strings; a counter the owner hid (likes) is absent and reads 0. */
export async function fetchYoutubeMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const ids = [...new Set(refs.map((r) => r.id).filter((id) => /^[\w-]{6,}$/.test(id)))];
  if (ids.length === 0) return [];
  return withYoutube(ctx, async (yt) => {
    const out: PostMetrics[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      const { data } = await yt.videos.list({ part: ['statistics'], id: [ids.slice(i, i + BATCH).join(',')], maxResults: BATCH });
      for (const v of data.items ?? []) {
        const s = v.statistics ?? {};
        const raw: Record<string, number> = {};
        for (const [k, val] of Object.entries(s)) if (typeof val === 'string' && Number.isFinite(Number(val))) raw[k] = Number(val);
        out.push({ id: v.id!, likes: count(s.likeCount) ?? 0, reposts: 0, replies: count(s.commentCount) ?? 0, quotes: 0, videoViews: count(s.viewCount), raw });
      }
    }
    return out;
  });
}

/** channels.list mine=true: subscribers (rounded by YouTube to three significant figures), videos, views. */
export async function fetchYoutubeChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  return withYoutube(ctx, async (yt) => {
    const { data } = await yt.channels.list({ part: ['statistics'], mine: true });
    const s = data.items?.[0]?.statistics ?? {};
    const raw: Record<string, number> = {};
    for (const [k, val] of Object.entries(s)) if (typeof val === 'string' && Number.isFinite(Number(val))) raw[k] = Number(val);
    if (typeof s.hiddenSubscriberCount === 'boolean') raw.hiddenSubscriberCount = s.hiddenSubscriberCount ? 1 : 0;
    return { followers: count(s.subscriberCount) ?? 0, posts: count(s.videoCount), raw };
  });
}
