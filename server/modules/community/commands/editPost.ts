import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityPostRevisions, communityPosts, communityThreads } from '../../../db/schema';
import { AppError } from '../../../errors';
import { assertCanEdit, type Writer } from '../policies';
import { assertNotSilenced } from '../guardrails';
import { keepPreviews } from '../linkPreviews';
import { editorColumns, enqueueLinkPreviews, renderPostHtml } from '../posting';
import { emitPostEvent } from '../liveEvents';
import { notifyAboutPost } from './notifyAboutPost';
import { presentPost } from '../presenters';
import { findReadablePost } from '../queries/findPost';
import { postSearchColumns } from '../search/searchVector';
import { loadAuthors } from '../queries/loadAuthors';

export interface EditPostOptions {
  ctx: AppContext;
  writer: Writer;
  postId: string;
  body: string;
  /** Opening posts only. */
  title?: string;
}

/** The author rewrites a post: a new version, the old ones kept as revisions. An unchanged text makes no version. */
export async function editPost({ ctx, writer, postId, body, title }: EditPostOptions) {
  return ctx.db.transaction(async (tx) => {
    const { post, thread, space } = await findReadablePost(tx, writer, postId);
    assertCanEdit(writer, post);
    await assertNotSilenced(tx, writer);
    if (title !== undefined && !post.isOpening) throw new AppError('BAD_REQUEST', 'Only the opening post of a thread carries its title.');
    const newTitle = post.isOpening ? (title ?? thread.title) : null;
    if (body === post.bodySource && (!post.isOpening || newTitle === thread.title)) return presentPost(post, await loadAuthors(tx, writer, [post]));
    const version = post.version + 1;
    const [row] = await tx
      .update(communityPosts)
      .set({ bodySource: body, bodyHtml: await renderPostHtml(tx, writer.workspaceId, body, ctx.publicUrl), linkPreviews: keepPreviews(post.linkPreviews, body), version, editedAt: sql`now()`, ...postSearchColumns(newTitle, body, space.defaultLanguage) })
      .where(and(eq(communityPosts.workspaceId, writer.workspaceId), eq(communityPosts.id, post.id), eq(communityPosts.version, post.version)))
      .returning();
    if (!row) throw new AppError('CONFLICT', 'This post was changed meanwhile; reload it and edit again.');
    if (post.isOpening && newTitle !== thread.title) await tx.update(communityThreads).set({ title: newTitle! }).where(eq(communityThreads.id, thread.id));
    await enqueueLinkPreviews(tx, ctx.jobs, post.id, version, body);
    await tx.insert(communityPostRevisions).values({ workspaceId: writer.workspaceId, postId: post.id, version, title: newTitle, bodySource: body, ...editorColumns(writer) });
    if (row.state === 'published') {
      // Members mentioned for the first time by this version hear of it; the others already did.
      await notifyAboutPost(tx, { post: row, thread: { ...thread, title: newTitle ?? thread.title }, space, mentionsOnly: true });
      await emitPostEvent(tx, 'post.updated', row);
    }
    return presentPost(row, await loadAuthors(tx, writer, [row]));
  });
}
