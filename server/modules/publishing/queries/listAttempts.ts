import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { postTargets, publishAttempts } from '../../../db/schema';
import { presentAttempt } from '../presenters';
import { loadPost } from './getPost';

/** Every network call made for a post, oldest first: the record of what happened. */
export async function listAttempts(db: Db, workspaceId: string, postId: string) {
  await loadPost(db, workspaceId, postId);
  const targets = db.select({ id: postTargets.id }).from(postTargets).where(and(eq(postTargets.postId, postId), eq(postTargets.workspaceId, workspaceId)));
  const rows = await db.select().from(publishAttempts).where(and(eq(publishAttempts.workspaceId, workspaceId), inArray(publishAttempts.targetId, targets))).orderBy(asc(publishAttempts.id));
  return rows.map(presentAttempt);
}
