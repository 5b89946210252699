import type { youtube_v3 } from '@googleapis/youtube';
import { PublishError, type ConnectorContext, type InboundItem, type InboundRef, type RemoteRef } from '../types';
import { withYoutube } from './client';

const MAX_VIDEOS = 20;

function commentUrl(videoId: string, commentId: string) {
  return `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}&lc=${encodeURIComponent(commentId)}`;
}

function toItem(c: youtube_v3.Schema$Comment, videoId: string, topLevelId: string, kind: 'comment' | 'reply'): InboundItem | null {
  const s = c.snippet;
  const authorId = s?.authorChannelId?.value;
  if (!c.id || !s || !authorId) return null;
  return {
    networkId: c.id,
    kind,
    author: { id: authorId, handle: s.authorDisplayName ?? authorId, displayName: s.authorDisplayName ?? undefined, avatarUrl: s.authorProfileImageUrl ?? undefined, url: s.authorChannelUrl ?? undefined },
    text: s.textOriginal ?? s.textDisplay ?? '',
    parentId: kind === 'comment' ? videoId : (s.parentId ?? topLevelId),
    rootId: videoId,
    url: commentUrl(videoId, c.id),
    createdAt: new Date(s.publishedAt ?? 0),
    meta: { authorChannelId: authorId, topLevelId, videoId },
  };
}

/**
 * Comments under our videos: commentThreads.list per video, newest first, with the replies YouTube
 * includes in the thread (up to five; a busy thread's older replies are not fetched). Our own
 * channel's comments are not inbound. The cursor is the newest publishedAt seen.
 */
export async function pullYoutubeComments(ctx: ConnectorContext, opts: { cursor?: string; ourPosts?: RemoteRef[] }): Promise<{ items: InboundItem[]; cursor?: string }> {
  const videos = (opts.ourPosts ?? []).map((p) => p.id).filter((id) => /^[\w-]{6,}$/.test(id)).slice(0, MAX_VIDEOS);
  const since = opts.cursor ? Date.parse(opts.cursor) : 0;
  const me = ctx.auth.channelId;
  return withYoutube(ctx, async (yt) => {
    const items: InboundItem[] = [];
    let newest = since;
    for (const videoId of videos) {
      const { data } = await yt.commentThreads.list({ part: ['snippet,replies'], videoId, order: 'time', maxResults: 100, textFormat: 'plainText' });
      for (const thread of data.items ?? []) {
        const top = thread.snippet?.topLevelComment;
        if (!top?.id) continue;
        const all = [toItem(top, videoId, top.id, 'comment'), ...(thread.replies?.comments ?? []).map((r) => toItem(r, videoId, top.id!, 'reply'))];
        for (const item of all) {
          if (!item) continue;
          newest = Math.max(newest, item.createdAt.getTime());
          if (item.createdAt.getTime() > since && item.author.id !== me) items.push(item);
        }
      }
    }
    return { items, cursor: newest > 0 ? new Date(newest).toISOString() : opts.cursor };
  });
}

/** comments.insert: YouTube threads one level deep, so an answer to a reply goes under its top-level comment. */
export async function replyOnYoutube(ctx: ConnectorContext, to: InboundRef, input: { text: string }): Promise<RemoteRef> {
  if (!input.text.trim()) throw new PublishError('rejected', 'a YouTube reply needs text');
  const parentId = to.meta?.topLevelId ?? to.id;
  return withYoutube(ctx, async (yt) => {
    const { data } = await yt.comments.insert({ part: ['snippet'], requestBody: { snippet: { parentId, textOriginal: input.text } } });
    if (!data.id) throw new PublishError('transient', 'YouTube accepted the reply but did not return it');
    const videoId = to.meta?.videoId ?? to.root?.id;
    return { id: data.id, url: videoId ? commentUrl(videoId, data.id) : undefined };
  });
}

/** Held for review: the comment leaves public view until the channel approves it in YouTube Studio. */
export async function hideYoutubeComment(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  await withYoutube(ctx, (yt) => yt.comments.setModerationStatus({ id: [item.id], moderationStatus: 'heldForReview' }));
}

/**
 * comments.delete removes only comments the channel wrote itself; someone else's comment is
 * rejected instead (setModerationStatus), which hides it from the public for good.
 */
export async function deleteYoutubeComment(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  const own = item.meta?.authorChannelId !== undefined && item.meta.authorChannelId === ctx.auth.channelId;
  await withYoutube(ctx, (yt) => (own ? yt.comments.delete({ id: item.id }) : yt.comments.setModerationStatus({ id: [item.id], moderationStatus: 'rejected' })));
}
