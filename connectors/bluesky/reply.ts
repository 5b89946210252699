import type { Agent, AppBskyFeedPost } from '@atproto/api';
import { PublishError, type ConnectorContext, type InboundRef, type RemoteRef } from '../types';
import { replyOf } from './inboundItem';
import { createPostOnce, parsePostUri, POST_COLLECTION } from './records';
import { recordKeyFor, tidTime } from './recordKey';
import { detectFacets } from './richText';
import { withSession } from './session';

/** Keys of items whose record key is not a TID take their time from here (any fixed time works). */
const FALLBACK_TIME = new Date('2023-01-01T00:00:00Z');

/**
 * The record key of our answer: from the idempotency key and the answered post's own time (its TID),
 * so the same key always targets the same record and the answer sorts next to what it answers.
 */
export function replyRecordKey(idempotencyKey: string, to: RemoteRef): string {
  const time = tidTime(parsePostUri(to).rkey) ?? FALLBACK_TIME;
  return recordKeyFor(`reply:${idempotencyKey}`, new Date(Math.floor(time.getTime() / 1000) * 1000));
}

/**
 * Answers a reply, mention or quote as the account, exactly once per idempotency key (see
 * `createPostOnce`). The answer's root is the thread's root (the item's `meta.rootUri`/`rootCid`, or
 * looked up), never our post by assumption: a mention may sit in someone else's thread.
 */
export async function replyToItem(ctx: ConnectorContext, to: InboundRef, input: { text: string; idempotencyKey: string }): Promise<RemoteRef> {
  if (to.kind === 'message') throw new PublishError('rejected', 'Bluesky direct messages are not supported by this connector');
  if (input.text.trim() === '') throw new PublishError('rejected', 'a reply needs text');
  const rkey = replyRecordKey(input.idempotencyKey, to);
  return withSession(ctx, async (agent, did) => {
    const reply = await threadRefs(agent, to);
    const { text, facets } = await detectFacets(agent, input.text);
    const record: AppBskyFeedPost.Record = { $type: POST_COLLECTION, text, createdAt: new Date().toISOString(), reply };
    if (facets) record.facets = facets;
    return createPostOnce(agent, did, rkey, record);
  });
}

/** Parent = the item; root = its thread's root. The AppView is asked only for what the item lacks. */
async function threadRefs(agent: Agent, to: InboundRef): Promise<AppBskyFeedPost.ReplyRef> {
  const cid = to.meta?.cid;
  const { rootUri, rootCid } = to.meta ?? {};
  if (cid && rootUri && rootCid) return { parent: { uri: to.id, cid }, root: { uri: rootUri, cid: rootCid } };
  const { data } = await agent.app.bsky.feed.getPosts({ uris: [to.id] });
  const post = data.posts[0];
  if (!post) throw new PublishError('rejected', `the post to answer no longer exists: ${to.id}`);
  const parent = { uri: post.uri, cid: post.cid };
  const root = replyOf(post.record)?.root;
  return { parent, root: root ? { uri: root.uri, cid: root.cid } : parent };
}
