import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { randomToken, sha256 } from '../../../crypto';
import { calendarFeeds } from '../../../db/schema';
import { recordAudit } from '../../audit';

/** The secret address of a feed; the token is the credential, so it is shown once and stored as its hash. */
export const feedUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/$/, '')}/api/calendar/${token}.ics`;

/** Creates the caller's feed of this workspace, or rotates it: the previous URL stops working at once. */
export async function createCalendarFeed({ ctx, actor }: { ctx: AppContext; actor: Actor }) {
  const token = `tdc_${randomToken(32)}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ workspaceId: actor.workspaceId, userId: actor.userId, tokenHash: sha256(token) })
      .onConflictDoUpdate({ target: [calendarFeeds.workspaceId, calendarFeeds.userId], set: { tokenHash: sha256(token), createdAt: new Date() } })
      .returning();
    await recordAudit({ db: tx, action: 'calendarFeed.created', workspaceId: actor.workspaceId, actor, target: { type: 'calendarFeed', id: row!.id }, ip: actor.ip });
    return { url: feedUrl(ctx.publicUrl, token), createdAt: row!.createdAt.toISOString() };
  });
}

export async function revokeCalendarFeed({ ctx, actor }: { ctx: AppContext; actor: Actor }) {
  await ctx.db.transaction(async (tx) => {
    const gone = await tx.delete(calendarFeeds).where(and(eq(calendarFeeds.workspaceId, actor.workspaceId), eq(calendarFeeds.userId, actor.userId))).returning({ id: calendarFeeds.id });
    if (gone[0]) await recordAudit({ db: tx, action: 'calendarFeed.revoked', workspaceId: actor.workspaceId, actor, target: { type: 'calendarFeed', id: gone[0].id }, ip: actor.ip });
  });
}
