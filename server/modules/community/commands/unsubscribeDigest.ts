import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityMembers } from '../../../db/schema';
import { AppError } from '../../../errors';
import { memberOfUnsubscribeToken } from '../digestToken';

/** One click from the digest email, without signing in: the member's digest turns off. Idempotent. */
export async function unsubscribeDigest({ ctx, workspaceId, token }: { ctx: AppContext; workspaceId: string; token: string }) {
  const memberId = memberOfUnsubscribeToken(ctx.secrets, workspaceId, token);
  const invalid = () => new AppError('BAD_REQUEST', 'This unsubscribe link is not valid. Open it again from the email, or turn the digest off in your profile.');
  if (!memberId) throw invalid();
  const [row] = await ctx.db
    .update(communityMembers)
    .set({ notificationPrefs: sql`${communityMembers.notificationPrefs} || '{"digest":"off"}'::jsonb` })
    .where(and(eq(communityMembers.workspaceId, workspaceId), eq(communityMembers.id, memberId)))
    .returning({ id: communityMembers.id });
  if (!row) throw invalid();
  return { ok: true as const };
}
