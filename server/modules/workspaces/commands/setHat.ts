import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../../shared/roles';
import type { Actor, AppContext } from '../../../context';
import { workspaceMembers } from '../../../db/schema';
import { AppError } from '../../../errors';
import { getWorkspace } from '../queries/getWorkspace';

/** A member switches to another role they hold; the home page and later time tracking follow it. */
export async function setHat({ ctx, actor, hat }: { ctx: AppContext; actor: Actor; hat: Role }) {
  if (!actor.roles.includes(hat)) throw new AppError('FORBIDDEN', 'You can only wear a hat for a role you hold in this workspace.');
  await ctx.db.update(workspaceMembers).set({ hat }).where(and(eq(workspaceMembers.workspaceId, actor.workspaceId), eq(workspaceMembers.userId, actor.userId)));
  return getWorkspace(ctx.db, { ...actor, hat });
}
