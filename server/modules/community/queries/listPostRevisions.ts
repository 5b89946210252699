import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityPostRevisions } from '../../../db/schema';
import { notFound } from '../../../errors';
import { canSeeHidden, type Viewer } from '../policies';
import { presentRevision } from '../presenters';
import { findReadablePost } from './findPost';

/** Every version of a post the viewer can see, oldest first; a hidden post's versions only for its author and staff. */
export async function listPostRevisions(db: Db, viewer: Viewer, postId: string) {
  const { post } = await findReadablePost(db, viewer, postId);
  if (post.hiddenAt && !canSeeHidden(viewer, post)) throw notFound('That post');
  const rows = await db
    .select()
    .from(communityPostRevisions)
    .where(and(eq(communityPostRevisions.workspaceId, viewer.workspaceId), eq(communityPostRevisions.postId, post.id)))
    .orderBy(asc(communityPostRevisions.version));
  return { revisions: rows.map(presentRevision) };
}
