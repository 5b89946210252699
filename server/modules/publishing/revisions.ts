import { desc, and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { postRevisions, type postVariants, type posts } from '../../db/schema';

type PostRow = typeof posts.$inferSelect;
type VariantRow = typeof postVariants.$inferSelect;

/** The editable content of a post at one version: what "restore" puts back. */
export function snapshotOf(post: PostRow, variants: VariantRow[]) {
  return {
    text: post.text,
    media: post.media,
    firstComment: post.firstComment,
    campaignId: post.campaignId,
    scheduledAt: post.scheduledAt?.toISOString() ?? null,
    status: post.status,
    variants: variants.map((v) => ({ channelId: v.channelId, inherit: v.inherit, parts: v.parts, firstComment: v.firstComment, options: v.options })),
  };
}
export type PostSnapshot = ReturnType<typeof snapshotOf>;

/** Written in the same transaction as every change that bumps the version; the row is never updated. */
export async function recordRevision(tx: Db, opts: { post: PostRow; variants: VariantRow[]; editedBy: string | null }) {
  await tx
    .insert(postRevisions)
    .values({ workspaceId: opts.post.workspaceId, postId: opts.post.id, version: opts.post.version, editedBy: opts.editedBy, snapshot: snapshotOf(opts.post, opts.variants) })
    .onConflictDoNothing();
}

export async function listRevisionRows(db: Db, workspaceId: string, postId: string) {
  return db.select().from(postRevisions).where(and(eq(postRevisions.workspaceId, workspaceId), eq(postRevisions.postId, postId))).orderBy(desc(postRevisions.version));
}
