import { and, eq, sql } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { communitySpaces } from '../../../db/schema';
import type { UpdateSpaceBody } from '../../../../shared/contracts/community';
import { recordAudit } from '../../audit';
import { conflict } from '../../../errors';
import { renderMarkdown } from '../markdown';
import { presentSpace } from '../presenters';
import { isUniqueViolation } from '../uniqueViolation';
import { assertSlugFree, findSpaceById } from '../queries/findSpace';

export async function updateSpace({ ctx, actor, spaceId, input }: { ctx: AppContext; actor: Actor; spaceId: string; input: UpdateSpaceBody }) {
  const { workspaceId } = actor;
  try {
    return await ctx.db.transaction(async (tx) => {
      const space = await findSpaceById(tx, workspaceId, spaceId);
      if (input.slug !== undefined && input.slug !== space.slug) await assertSlugFree(tx, workspaceId, input.slug);
      const [row] = await tx
        .update(communitySpaces)
        .set({ ...input, ...(input.guidelines !== undefined && { guidelinesHtml: renderMarkdown(input.guidelines) }), updatedAt: sql`now()` })
        .where(and(eq(communitySpaces.workspaceId, workspaceId), eq(communitySpaces.id, space.id)))
        .returning();
      await recordAudit({ db: tx, action: 'community.spaceUpdated', workspaceId, actor, target: { type: 'community_space', id: space.id }, ip: actor.ip, data: { fields: Object.keys(input) } });
      return presentSpace(row!);
    });
  } catch (e) {
    // Two requests for the same slug at once: the second loses on the unique index.
    if (isUniqueViolation(e) && input.slug) throw conflict(`Another space already uses the address "${input.slug}"; pick another slug.`);
    throw e;
  }
}
