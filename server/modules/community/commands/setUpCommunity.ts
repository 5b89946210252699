import { sql } from 'drizzle-orm';
import type { NewMemberLimitsInput } from '../../../../shared/contracts/communityGuardrails';
import type { Actor, AppContext } from '../../../context';
import { communities } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { renderMarkdown } from '../markdown';
import { presentCommunity } from '../presenters';

export interface SetUpCommunityOptions {
  ctx: AppContext;
  actor: Actor;
  name: string;
  description?: string;
  guidelines?: string;
  signupOpen?: boolean;
  /** Markdown each new member receives as their welcome notification; empty sends none. */
  welcomeMessage?: string;
  /** Some of the trust-level-0 limits; the others keep their values. */
  newMemberLimits?: NewMemberLimitsInput;
}

/** Creates the workspace's community (its public API starts answering) or updates its settings. */
export async function setUpCommunity({ ctx, actor, name, description, guidelines, signupOpen, welcomeMessage, newMemberLimits: limits = {} }: SetUpCommunityOptions) {
  const { workspaceId } = actor;
  return ctx.db.transaction(async (tx) => {
    const values = {
      name,
      ...(description !== undefined && { description }),
      ...(guidelines !== undefined && { guidelines, guidelinesHtml: renderMarkdown(guidelines) }),
      ...(signupOpen !== undefined && { signupOpen }),
      ...(welcomeMessage !== undefined && { welcomeMessage, welcomeMessageHtml: renderMarkdown(welcomeMessage) }),
      ...(limits.threadsPerDay !== undefined && { newMemberThreadsPerDay: limits.threadsPerDay }),
      ...(limits.repliesPerDay !== undefined && { newMemberRepliesPerDay: limits.repliesPerDay }),
      ...(limits.secondsBetweenThreads !== undefined && { newMemberSecondsBetweenThreads: limits.secondsBetweenThreads }),
      ...(limits.secondsBetweenReplies !== undefined && { newMemberSecondsBetweenReplies: limits.secondsBetweenReplies }),
    };
    const [row] = await tx
      .insert(communities)
      .values({ workspaceId, ...values })
      .onConflictDoUpdate({ target: communities.workspaceId, set: { ...values, updatedAt: sql`now()` } })
      .returning();
    await recordAudit({ db: tx, action: 'community.configured', workspaceId, actor, target: { type: 'community', id: workspaceId }, ip: actor.ip, data: { fields: Object.keys(values) } });
    return presentCommunity(row!);
  });
}
