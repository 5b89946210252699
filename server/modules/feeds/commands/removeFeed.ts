import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { feeds } from '../../../db/schema';
import { notFound } from '../../../errors';
import { recordAudit } from '../../audit';

/** The feed and its record of seen items go; the drafts it made stay, as ordinary drafts. */
export async function removeFeed({ ctx, actor, feedId }: { ctx: AppContext; actor: Actor; feedId: string }) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(feeds).where(and(eq(feeds.id, feedId), eq(feeds.workspaceId, actor.workspaceId))).returning();
    if (!row) throw notFound('That feed');
    await recordAudit({ db: tx, action: 'feed.removed', workspaceId: actor.workspaceId, actor, target: { type: 'feed', id: row.id }, ip: actor.ip, data: { url: row.url } });
  });
}
