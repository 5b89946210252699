import { AtUri, XRPCError, type Agent, type AppBskyFeedPost } from '@atproto/api';
import { PublishError, type RemoteRef } from '../types';
import { isAuthError } from './errors';

export const POST_COLLECTION = 'app.bsky.feed.post';

export function toRemoteRef(uri: string, cid: string): RemoteRef {
  const at = new AtUri(uri);
  return { id: uri, url: `https://bsky.app/profile/${at.host}/post/${at.rkey}`, meta: { cid } };
}

/** The post at `did`/`rkey`, or null when there is none. */
export async function getPost(agent: Agent, did: string, rkey: string): Promise<RemoteRef | null> {
  try {
    const { data } = await agent.com.atproto.repo.getRecord({ repo: did, collection: POST_COLLECTION, rkey });
    if (!data.cid) return null;
    return toRemoteRef(data.uri, data.cid);
  } catch (err) {
    if (err instanceof XRPCError && err.error === 'RecordNotFound') return null;
    throw err;
  }
}

/**
 * Creates the post at a fixed record key, exactly once. On the PDS (0.4.x, measured on the local
 * network) creating a record whose key exists fails with HTTP 500 `InternalServerError` ("There is
 * already a value at key" inside the repo); whatever the error, when the record is there afterwards
 * we return it instead of failing.
 */
export async function createPostOnce(agent: Agent, did: string, rkey: string, record: AppBskyFeedPost.Record): Promise<RemoteRef> {
  try {
    const { data } = await agent.com.atproto.repo.createRecord({ repo: did, collection: POST_COLLECTION, rkey, record });
    return toRemoteRef(data.uri, data.cid);
  } catch (err) {
    if (isAuthError(err)) throw err;
    const existing = await getPost(agent, did, rkey).catch(() => null);
    if (existing) return existing;
    throw err;
  }
}

export function parsePostUri(ref: RemoteRef): AtUri {
  let at: AtUri;
  try {
    at = new AtUri(ref.id);
  } catch {
    throw new PublishError('rejected', `not a Bluesky post URI: ${ref.id}`);
  }
  if (at.collection !== POST_COLLECTION || !at.rkey) throw new PublishError('rejected', `not a Bluesky post URI: ${ref.id}`);
  return at;
}

/** A strong reference (uri + cid); the CID is looked up when the ref does not carry it. */
async function strongRef(agent: Agent, ref: RemoteRef): Promise<{ uri: string; cid: string }> {
  const cid = ref.meta?.cid;
  if (cid) return { uri: ref.id, cid };
  const at = parsePostUri(ref);
  const found = await getPost(agent, at.host, at.rkey);
  if (!found?.meta?.cid) throw new PublishError('rejected', `the post to reply to no longer exists: ${ref.id}`);
  return { uri: found.id, cid: found.meta.cid };
}

export async function replyRefs(agent: Agent, replyTo: { parent: RemoteRef; root: RemoteRef }): Promise<AppBskyFeedPost.ReplyRef> {
  const [root, parent] = await Promise.all([strongRef(agent, replyTo.root), strongRef(agent, replyTo.parent)]);
  return { root, parent };
}

export async function deletePost(agent: Agent, did: string, ref: RemoteRef): Promise<void> {
  const at = parsePostUri(ref);
  if (at.host !== did) throw new PublishError('rejected', `post ${ref.id} belongs to another account`);
  await agent.com.atproto.repo.deleteRecord({ repo: did, collection: POST_COLLECTION, rkey: at.rkey });
}
