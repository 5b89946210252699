import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { PersonaInput, UpdatePersonaBody } from '../../../../shared/contracts/communityAccount';
import type { Actor, AppContext } from '../../../context';
import { communityPersonas } from '../../../db/schema';
import { conflict, notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import { presentPersona } from '../presenters';
import { findCommunity } from '../queries/findCommunity';
import { isUniqueViolation } from '../uniqueViolation';

const taken = (name: string) => conflict(`A persona named "${name}" already exists in this community. Choose another name.`);

export async function createPersona({ ctx, actor, input }: { ctx: AppContext; actor: Actor; input: z.infer<typeof PersonaInput> }) {
  await findCommunity(ctx.db, actor.workspaceId);
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx.insert(communityPersonas).values({ workspaceId: actor.workspaceId, name: input.name, avatarUrl: input.avatarUrl ?? null, createdBy: actor.userId }).returning();
      await recordAudit({ db: tx, action: 'community.personaCreated', workspaceId: actor.workspaceId, actor, target: { type: 'community_persona', id: row!.id }, ip: actor.ip, data: { name: row!.name } });
      return presentPersona(row!);
    });
  } catch (e) {
    throw isUniqueViolation(e) ? taken(input.name) : e;
  }
}

export async function updatePersona({ ctx, actor, personaId, input }: { ctx: AppContext; actor: Actor; personaId: string; input: z.infer<typeof UpdatePersonaBody> }) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(communityPersonas)
        .set({ ...(input.name !== undefined && { name: input.name }), ...(input.avatarUrl !== undefined && { avatarUrl: input.avatarUrl }) })
        .where(and(eq(communityPersonas.workspaceId, actor.workspaceId), eq(communityPersonas.id, personaId), isNull(communityPersonas.archivedAt)))
        .returning();
      if (!row) throw notFound('That persona');
      await recordAudit({ db: tx, action: 'community.personaUpdated', workspaceId: actor.workspaceId, actor, target: { type: 'community_persona', id: row.id }, ip: actor.ip, data: { ...input } });
      return presentPersona(row);
    });
  } catch (e) {
    throw isUniqueViolation(e) ? taken(input.name ?? '') : e;
  }
}

/** Retires a persona: its posts keep its name, but nobody posts as it any more (its name becomes free). */
export async function archivePersona({ ctx, actor, personaId }: { ctx: AppContext; actor: Actor; personaId: string }) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(communityPersonas)
      .set({ archivedAt: new Date() })
      .where(and(eq(communityPersonas.workspaceId, actor.workspaceId), eq(communityPersonas.id, personaId), isNull(communityPersonas.archivedAt)))
      .returning();
    if (!row) throw notFound('That persona');
    await recordAudit({ db: tx, action: 'community.personaArchived', workspaceId: actor.workspaceId, actor, target: { type: 'community_persona', id: row.id }, ip: actor.ip, data: { name: row.name } });
    return presentPersona(row);
  });
}
