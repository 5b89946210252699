import { PublishError, type ConnectorContext, type HostCommunityPost, type InboundItem, type InboundRef, type RemoteRef } from '../types';
import { hostOf, spaceOf } from './publish';

/** Posts read per pull; the cursor moves on, so a busy space is read over several pulls. */
const PAGE = 200;
/** Pending posts (waiting for a moderator) are looked at again until approved, deleted, or this old. */
const PENDING_DAYS = 14;
const PENDING_MAX = 200;

/** Where a pull stopped: the last post seen, and the pending posts to look at again. */
interface Cursor {
  seq: number;
  pending: string[];
}

function readCursor(raw: string | undefined): Cursor {
  if (!raw) return { seq: 0, pending: [] };
  try {
    const c = JSON.parse(raw) as Partial<Cursor>;
    return { seq: Number.isSafeInteger(c.seq) ? c.seq! : 0, pending: Array.isArray(c.pending) ? c.pending.filter((p): p is string => typeof p === 'string') : [] };
  } catch {
    return { seq: 0, pending: [] };
  }
}

/**
 * Members' posts in the space: a new thread is a mention (it addresses the brand in its own space),
 * a reply under one of the brand's threads a comment, a reply elsewhere a reply. Staff posts are the
 * brand's own and are not inbound. A post waiting for a moderator's approval is not shown yet: its id
 * stays in the cursor and it arrives once approved (a later pull), or is dropped when deleted.
 */
export async function pullSpace(ctx: ConnectorContext, opts: { cursor?: string }): Promise<{ items: InboundItem[]; cursor: string }> {
  const host = hostOf(ctx);
  const spaceId = spaceOf(ctx);
  const cursor = readCursor(opts.cursor);
  const fresh = await host.postsAfter(spaceId, cursor.seq, PAGE);
  const again = cursor.pending.length ? await host.postsByIds(spaceId, cursor.pending) : [];
  const cutoff = Date.now() - PENDING_DAYS * 86_400_000;
  const items: InboundItem[] = [];
  const pending: string[] = [];
  for (const p of [...again, ...fresh]) {
    if (p.author.kind !== 'member') continue;
    if (p.state === 'published') items.push(itemOf(p));
    else if (p.state === 'pending' && p.createdAt.getTime() > cutoff && !pending.includes(p.id)) pending.push(p.id);
  }
  const seq = fresh.length ? fresh[fresh.length - 1]!.seq : cursor.seq;
  return { items, cursor: JSON.stringify({ seq, pending: pending.slice(-PENDING_MAX) } satisfies Cursor) };
}

function itemOf(p: HostCommunityPost): InboundItem {
  return {
    networkId: p.id,
    kind: p.isOpening ? 'mention' : p.threadByStaff ? 'comment' : 'reply',
    author: { id: p.author.id, handle: p.author.displayName, displayName: p.author.displayName, ...(p.author.avatarUrl && { avatarUrl: p.author.avatarUrl }) },
    text: p.isOpening ? `${p.threadTitle}\n\n${p.text}` : p.text,
    ...(p.language && { language: p.language }),
    ...(!p.isOpening && { parentId: p.replyToId ?? p.openingPostId, rootId: p.openingPostId }),
    conversationId: p.threadId,
    createdAt: p.createdAt,
    meta: { threadId: p.threadId },
  };
}

/** A staff reply in the item's thread, answering the item; the same key twice answers once. */
export async function replyInSpace(ctx: ConnectorContext, to: InboundRef, input: { text: string; idempotencyKey: string }): Promise<RemoteRef> {
  const threadId = to.meta?.threadId ?? to.conversationId;
  if (!threadId) throw new PublishError('rejected', 'This item does not say which community thread it is in.');
  if (!ctx.actor) throw new PublishError('rejected', 'A community reply is signed by a team member: none was given.');
  const w = await hostOf(ctx).replyAsStaff({ spaceId: spaceOf(ctx), threadId, replyToPostId: to.id, authorUserId: ctx.actor.userId, body: input.text, idempotencyKey: input.idempotencyKey });
  return { id: w.postId, meta: { threadId: w.threadId } };
}

/** A moderator's delete of the member's post (its thread, for an opening post). */
export async function hideInSpace(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  if (!ctx.actor) throw new PublishError('rejected', 'Hiding in the community is done by a team member: none was given.');
  await hostOf(ctx).hidePost({ spaceId: spaceOf(ctx), postId: item.id, byUserId: ctx.actor.userId });
}

export async function deleteInSpace(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  if (!ctx.actor) throw new PublishError('rejected', 'Deleting in the community is done by a team member: none was given.');
  await hostOf(ctx).deletePost({ spaceId: spaceOf(ctx), postId: item.id, byUserId: ctx.actor.userId });
}
