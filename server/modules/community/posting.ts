import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { communityFollows, communityMembers, communityPostRevisions, communityPosts, type communitySpaces } from '../../db/schema';
import { AppError } from '../../errors';
import { renderMarkdown } from './markdown';
import type { Writer } from './policies';

type SpaceRow = typeof communitySpaces.$inferSelect;

/**
 * Slow mode: a member waits `slowModeSeconds` between two posts in a space (threads and replies,
 * deleted ones included so deleting does not reset the clock). Staff are exempt. The member's row
 * is locked first so two posts sent at once cannot both pass.
 */
export async function assertSlowMode(tx: Db, writer: Writer, space: SpaceRow): Promise<void> {
  if (writer.kind !== 'member' || space.slowModeSeconds <= 0) return;
  await tx.execute(sql`select 1 from ${communityMembers} where ${communityMembers.id} = ${writer.member.id} for update`);
  const [last] = await tx
    .select({ ago: sql<number>`extract(epoch from (now() - max(${communityPosts.createdAt})))::float8` })
    .from(communityPosts)
    .where(and(eq(communityPosts.workspaceId, writer.workspaceId), eq(communityPosts.spaceId, space.id), eq(communityPosts.authorMemberId, writer.member.id)));
  if (last?.ago === null || last?.ago === undefined) return;
  const wait = Math.ceil(space.slowModeSeconds - Number(last.ago));
  if (wait > 0) {
    throw new AppError('RATE_LIMITED', `Slow mode is on in "${space.name}": wait ${wait} more second${wait === 1 ? '' : 's'} before posting again.`, { retryAfterSeconds: wait });
  }
}

export const authorColumns = (writer: Writer) => (writer.kind === 'member' ? { authorMemberId: writer.member.id, authorUserId: null } : { authorMemberId: null, authorUserId: writer.userId });
export const editorColumns = (writer: Writer) => (writer.kind === 'member' ? { editedByMemberId: writer.member.id, editedByUserId: null } : { editedByMemberId: null, editedByUserId: writer.userId });

export interface InsertPostOptions {
  tx: Db;
  writer: Writer;
  space: SpaceRow;
  threadId: string;
  body: string;
  state: 'published' | 'pending';
  isOpening: boolean;
  replyToId?: string | null;
  title?: string;
  /** The key Tandem's publisher or inbox wrote the post under (unique per workspace). */
  idempotencyKey?: string;
}

/** Writes a post and its version-1 revision; the HTML is rendered and sanitized here, once. */
export async function insertPost({ tx, writer, space, threadId, body, state, isOpening, replyToId, title, idempotencyKey }: InsertPostOptions) {
  const [post] = await tx
    .insert(communityPosts)
    .values({ workspaceId: writer.workspaceId, spaceId: space.id, threadId, isOpening, replyToId: replyToId ?? null, ...authorColumns(writer), bodySource: body, bodyHtml: renderMarkdown(body), state, idempotencyKey: idempotencyKey ?? null })
    .returning();
  await tx.insert(communityPostRevisions).values({ workspaceId: writer.workspaceId, postId: post!.id, version: 1, title: isOpening ? (title ?? null) : null, bodySource: body, ...editorColumns(writer) });
  return post!;
}

/** Members follow the threads they start or reply to (as on Discourse), so later notifications reach them. */
export async function followAsWriter(tx: Db, writer: Writer, threadId: string): Promise<void> {
  if (writer.kind !== 'member') return;
  await tx.insert(communityFollows).values({ workspaceId: writer.workspaceId, threadId, memberId: writer.member.id }).onConflictDoNothing();
}
