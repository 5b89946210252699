import { sql } from 'drizzle-orm';
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
}

/** Creates the workspace's community (its public API starts answering) or updates its settings. */
export async function setUpCommunity({ ctx, actor, name, description, guidelines, signupOpen, welcomeMessage }: SetUpCommunityOptions) {
  const { workspaceId } = actor;
  return ctx.db.transaction(async (tx) => {
    const values = {
      name,
      ...(description !== undefined && { description }),
      ...(guidelines !== undefined && { guidelines, guidelinesHtml: renderMarkdown(guidelines) }),
      ...(signupOpen !== undefined && { signupOpen }),
      ...(welcomeMessage !== undefined && { welcomeMessage, welcomeMessageHtml: renderMarkdown(welcomeMessage) }),
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
