import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Role } from '../../../../shared/roles';
import type { Actor, AppContext } from '../../../context';
import type { Db } from '../../../db/client';
import { apiTokens, users, workspaceMembers } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import { presentMember } from '../presenters';

async function loadMember(db: Db, workspaceId: string, userId: string) {
  const [row] = await db
    .select({ m: workspaceMembers, name: users.name, email: users.email })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .for('update', { of: workspaceMembers });
  if (!row) throw notFound('That member');
  return row;
}

/** A workspace always keeps at least one owner. */
async function assertOwnerRemains(db: Db, workspaceId: string, losingUserId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), sql`'owner' = ANY(${workspaceMembers.roles})`, sql`${workspaceMembers.userId} <> ${losingUserId}`));
  if (Number(row?.n ?? 0) === 0) throw new AppError('CONFLICT', 'A workspace needs at least one owner: make someone else owner first.');
}

export async function updateMemberRoles({ ctx, actor, userId, roles }: { ctx: AppContext; actor: Actor; userId: string; roles: Role[] }) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadMember(tx, actor.workspaceId, userId);
    const before = row.m.roles as Role[];
    if (before.includes('owner') && !roles.includes('owner')) await assertOwnerRemains(tx, actor.workspaceId, userId);
    const hat = roles.includes(row.m.hat as Role) ? row.m.hat : roles[0]!;
    const [m] = await tx.update(workspaceMembers).set({ roles, hat }).where(and(eq(workspaceMembers.workspaceId, actor.workspaceId), eq(workspaceMembers.userId, userId))).returning();
    await recordAudit({ db: tx, action: 'member.rolesChanged', workspaceId: actor.workspaceId, actor, target: { type: 'user', id: userId }, ip: actor.ip, data: { from: before, to: roles } });
    return presentMember(m!, row);
  });
}

export async function removeMember({ ctx, actor, userId }: { ctx: AppContext; actor: Actor; userId: string }) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadMember(tx, actor.workspaceId, userId);
    if ((row.m.roles as Role[]).includes('owner')) await assertOwnerRemains(tx, actor.workspaceId, userId);
    await tx.delete(workspaceMembers).where(and(eq(workspaceMembers.workspaceId, actor.workspaceId), eq(workspaceMembers.userId, userId)));
    // Their API tokens for this workspace die with the membership.
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(and(eq(apiTokens.workspaceId, actor.workspaceId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
    await recordAudit({ db: tx, action: 'member.removed', workspaceId: actor.workspaceId, actor, target: { type: 'user', id: userId }, ip: actor.ip, data: { email: row.email, roles: row.m.roles } });
  });
}
