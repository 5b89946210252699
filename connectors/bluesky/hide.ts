import { AtUri, XRPCError, type Agent } from '@atproto/api';
import { PublishError, type ConnectorContext, type InboundRef } from '../types';
import { isAuthError } from './errors';
import { parsePostUri } from './records';
import { withSession } from './session';

const THREADGATE = 'app.bsky.feed.threadgate';
const POSTGATE = 'app.bsky.feed.postgate';
/** Lexicon limits (@atproto/api 0.19.19): threadgate.hiddenReplies ≤ 300, postgate.detachedEmbeddingUris ≤ 50. */
const MAX_HIDDEN = 300;
const MAX_DETACHED = 50;
const ATTEMPTS = 3;

/**
 * Hides an item under one of our posts, the way the Bluesky app does:
 * - a reply: its URI joins `hiddenReplies` of the threadgate on the thread's root post (threadgate rkey =
 *   the root post's rkey; only the root's author can write it). Readers then find it behind "hidden
 *   replies"; the AppView still returns it in getPostThread v1, marked through the threadgate.
 * - a quote of our post: its URI joins `detachedEmbeddingUris` of the postgate on the quoted post, so
 *   the quote shows "removed by the author" instead of our post.
 * Everything else in the record (reply rules `allow`, embedding rules, the other hidden URIs) is kept.
 */
export async function hideComment(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  const ourPost = item.root?.id ?? item.meta?.rootUri;
  if (!ourPost) throw new PublishError('rejected', `${item.id} is not under one of our posts: Bluesky only lets a thread's author hide its replies`);
  const target = parsePostUri({ id: ourPost });
  await withSession(ctx, async (agent, did) => {
    if (target.host !== did) throw new PublishError('rejected', `${item.id} is in a thread the account did not start: Bluesky only lets the thread's author hide its replies`);
    if (item.kind === 'quote') {
      await addToGate(agent, did, POSTGATE, target, 'detachedEmbeddingUris', item.id, MAX_DETACHED);
    } else {
      await addToGate(agent, did, THREADGATE, target, 'hiddenReplies', item.id, MAX_HIDDEN);
    }
  });
}

/**
 * Read-modify-write of a gate record with compare-and-swap (putRecord `swapRecord`), so a concurrent
 * change (another hide, reply rules edited in the app) is re-read and kept rather than overwritten.
 */
async function addToGate(agent: Agent, did: string, collection: string, post: AtUri, field: string, uri: string, max: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const current = await getGate(agent, did, collection, post.rkey);
    const list = Array.isArray(current?.value[field]) ? (current.value[field] as string[]) : [];
    if (list.includes(uri)) return;
    if (list.length >= max) throw new PublishError('rejected', `Bluesky allows at most ${max} ${field} on one post; ${post.toString()} has reached it`);
    const record = { $type: collection, post: post.toString(), createdAt: new Date().toISOString(), ...current?.value, [field]: [...list, uri] };
    try {
      if (current) await agent.com.atproto.repo.putRecord({ repo: did, collection, rkey: post.rkey, record, swapRecord: current.cid });
      else await agent.com.atproto.repo.createRecord({ repo: did, collection, rkey: post.rkey, record });
      return;
    } catch (err) {
      // InvalidSwap, or a record created meanwhile (the PDS answers 500 for an existing key): read again.
      const raced = err instanceof XRPCError && !isAuthError(err) && (err.error === 'InvalidSwap' || err.status >= 500);
      if (!raced || attempt >= ATTEMPTS) throw err;
    }
  }
}

async function getGate(agent: Agent, did: string, collection: string, rkey: string): Promise<{ value: Record<string, unknown>; cid: string } | null> {
  try {
    const { data } = await agent.com.atproto.repo.getRecord({ repo: did, collection, rkey });
    return data.cid ? { value: data.value as Record<string, unknown>, cid: data.cid } : null;
  } catch (err) {
    if (err instanceof XRPCError && err.error === 'RecordNotFound') return null;
    throw err;
  }
}
