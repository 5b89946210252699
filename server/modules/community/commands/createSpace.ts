import type { Actor, AppContext } from '../../../context';
import { communitySpaces } from '../../../db/schema';
import type { CreateSpaceBody } from '../../../../shared/contracts/community';
import { recordAudit } from '../../audit';
import { conflict } from '../../../errors';
import { renderMarkdown } from '../markdown';
import { presentSpace } from '../presenters';
import { isUniqueViolation } from '../uniqueViolation';
import { assertSlugFree } from '../queries/findSpace';

export async function createSpace({ ctx, actor, input }: { ctx: AppContext; actor: Actor; input: CreateSpaceBody }) {
  const { workspaceId } = actor;
  try {
    return await ctx.db.transaction(async (tx) => {
      await assertSlugFree(tx, workspaceId, input.slug);
      const [row] = await tx
        .insert(communitySpaces)
        .values({ workspaceId, ...input, guidelinesHtml: renderMarkdown(input.guidelines ?? ''), createdBy: actor.userId })
        .returning();
      await recordAudit({ db: tx, action: 'community.spaceCreated', workspaceId, actor, target: { type: 'community_space', id: row!.id }, ip: actor.ip, data: { slug: row!.slug, visibility: row!.visibility } });
      return presentSpace(row!);
    });
  } catch (e) {
    // Two requests for the same slug at once: the second loses on the unique index.
    if (isUniqueViolation(e) && input.slug) throw conflict(`Another space already uses the address "${input.slug}"; pick another slug.`);
    throw e;
  }
}
