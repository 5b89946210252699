import { eq } from 'drizzle-orm';
import type { Actor } from '../../../context';
import type { Db } from '../../../db/client';
import { workspaces } from '../../../db/schema';
import { notFound } from '../../../errors';
import { presentWorkspace } from '../presenters';

export async function getWorkspace(db: Db, actor: Actor) {
  const [w] = await db.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId));
  if (!w) throw notFound('That workspace');
  return presentWorkspace(w, actor.roles, actor.hat);
}
