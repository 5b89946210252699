import type { ChannelMetrics, ConnectorContext, PostMetrics, RemoteRef } from '../types';
import { tiktokCall } from './http';
import { fetchStatus, isPublishId } from './status';

/** /v2/video/query/ takes at most 20 ids. */
const BATCH = 20;
const FIELDS = ['like_count', 'comment_count', 'share_count', 'view_count'] as const;

interface VideoQuery {
  videos?: ({ id: string } & Partial<Record<(typeof FIELDS)[number], number>>)[];
}

/**
 * Counters from /v2/video/query/. A post we still know by its publish id (published while TikTok was
 * processing, or sent to the inbox) is looked up first (status/fetch); one without a public post id yet
 * is left out. Answers carry the id asked for.
 */
export async function fetchTiktokMetrics(ctx: ConnectorContext, refs: RemoteRef[]): Promise<PostMetrics[]> {
  const asked = new Map<string, string>();
  for (const ref of refs) {
    if (/^\d+$/.test(ref.id)) asked.set(ref.id, ref.id);
    else if (isPublishId(ref.id)) {
      const postId = (await fetchStatus(ctx, ref.id)).publicaly_available_post_id?.[0];
      if (postId) asked.set(postId, ref.id);
    }
  }
  const ids = [...asked.keys()];
  const out: PostMetrics[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const data = await tiktokCall<VideoQuery>(ctx, 'POST', `/v2/video/query/?fields=id,${FIELDS.join(',')}`, { filters: { video_ids: ids.slice(i, i + BATCH) } });
    for (const v of data.videos ?? []) {
      const raw: Record<string, number> = {};
      for (const f of FIELDS) if (typeof v[f] === 'number') raw[f] = v[f]!;
      out.push({ id: asked.get(v.id) ?? v.id, likes: raw.like_count ?? 0, reposts: raw.share_count ?? 0, replies: raw.comment_count ?? 0, quotes: 0, videoViews: raw.view_count, raw });
    }
  }
  return out;
}

interface UserInfo {
  user?: { open_id?: string; follower_count?: number; following_count?: number; likes_count?: number; video_count?: number };
}

/** GET /v2/user/info/ with the stats fields (scope user.info.stats). */
export async function fetchTiktokChannelMetrics(ctx: ConnectorContext): Promise<ChannelMetrics> {
  const { user = {} } = await tiktokCall<UserInfo>(ctx, 'GET', '/v2/user/info/?fields=open_id,follower_count,following_count,likes_count,video_count');
  const raw: Record<string, number> = {};
  for (const k of ['follower_count', 'following_count', 'likes_count', 'video_count'] as const) if (typeof user[k] === 'number') raw[k] = user[k]!;
  return { followers: user.follower_count ?? 0, following: user.following_count, posts: user.video_count, raw };
}
