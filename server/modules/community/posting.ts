import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { JobQueue } from '../../jobs/runtime';
import { communityFollows, communityImages, communityMembers, communityPostRevisions, communityPosts, type communitySpaces } from '../../db/schema';
import { AppError } from '../../errors';
import { imagePath, mentionedImageIds, ownImagePath } from './images';
import { fetchCommunityLinkPreviews } from './jobs/fetchLinkPreviews';
import { standaloneLinks } from './linkPreviews';
import { mentionedHandles, renderMarkdown } from './markdown';
import { postSearchColumns } from './search/searchVector';
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

export const authorColumns = (writer: Writer) =>
  writer.kind === 'member' ? { authorMemberId: writer.member.id, authorUserId: null, personaId: null } : { authorMemberId: null, authorUserId: writer.userId, personaId: writer.personaId ?? null };
export const editorColumns = (writer: Writer) => (writer.kind === 'member' ? { editedByMemberId: writer.member.id, editedByUserId: null } : { editedByMemberId: null, editedByUserId: writer.userId });

/**
 * A post's Markdown as HTML: `@handle` of a member of this community links to their profile;
 * `![alt](…)` becomes an image only for an upload of this community (by its
 * absolute address on PUBLIC_URL or its root-relative path), shown at its stored size; the HTML keeps
 * the root-relative path, so it survives a change of PUBLIC_URL.
 */
export async function renderPostHtml(db: Db, workspaceId: string, body: string, publicUrl?: string): Promise<string> {
  const handles = mentionedHandles(body);
  const members = handles.length
    ? await db
        .select({ id: communityMembers.id, handle: communityMembers.handle })
        .from(communityMembers)
        .where(and(eq(communityMembers.workspaceId, workspaceId), inArray(communityMembers.handle, handles)))
    : [];
  const ids = mentionedImageIds(body, workspaceId);
  const rows = ids.length
    ? await db.select({ id: communityImages.id, width: communityImages.width, height: communityImages.height }).from(communityImages).where(and(eq(communityImages.workspaceId, workspaceId), inArray(communityImages.id, ids)))
    : [];
  const sizes = new Map(rows.map((r) => [r.id, r]));
  return renderMarkdown(body, {
    communityId: workspaceId,
    members: new Map(members.map((r) => [r.handle, r.id])),
    ownImage: (src) => {
      const own = ownImagePath(src, publicUrl);
      const size = own && own.workspaceId === workspaceId ? sizes.get(own.imageId) : undefined;
      return size ? { src: imagePath(workspaceId, size.id), width: size.width, height: size.height } : null;
    },
  });
}

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
  /** To recognise absolute addresses of our images (rituals post without it: root-relative ones still work). */
  publicUrl?: string;
  /** To fetch link cards after the transaction (rituals pass their job's queue). */
  jobs?: JobQueue;
  /** The key Tandem's publisher or inbox wrote the post under (unique per workspace). */
  idempotencyKey?: string;
}

/** Writes a post and its version-1 revision; the HTML is rendered and sanitized here, once; the search document too. */
export async function insertPost({ tx, writer, space, threadId, body, state, isOpening, replyToId, title, publicUrl, jobs, idempotencyKey }: InsertPostOptions) {
  const [post] = await tx
    .insert(communityPosts)
    .values({
      workspaceId: writer.workspaceId,
      spaceId: space.id,
      threadId,
      isOpening,
      replyToId: replyToId ?? null,
      ...authorColumns(writer),
      bodySource: body,
      bodyHtml: await renderPostHtml(tx, writer.workspaceId, body, publicUrl),
      state,
      idempotencyKey: idempotencyKey ?? null,
      ...postSearchColumns(isOpening ? (title ?? null) : null, body, space.defaultLanguage),
    })
    .returning();
  await enqueueLinkPreviews(tx, jobs, post!.id, 1, body);
  await tx.insert(communityPostRevisions).values({ workspaceId: writer.workspaceId, postId: post!.id, version: 1, title: isOpening ? (title ?? null) : null, bodySource: body, ...editorColumns(writer) });
  return post!;
}

/** Asks for the cards of the post's standalone links, in the writer's transaction (nothing is fetched while they wait). */
export async function enqueueLinkPreviews(tx: Db, jobs: JobQueue | undefined, postId: string, version: number, body: string): Promise<void> {
  if (jobs && standaloneLinks(body).length) await jobs.enqueue(tx, fetchCommunityLinkPreviews, { postId, version });
}

/** Members follow the threads they start or reply to (as on Discourse), so later notifications reach them. */
export async function followAsWriter(tx: Db, writer: Writer, threadId: string): Promise<void> {
  if (writer.kind !== 'member') return;
  await tx.insert(communityFollows).values({ workspaceId: writer.workspaceId, threadId, memberId: writer.member.id }).onConflictDoNothing();
}
