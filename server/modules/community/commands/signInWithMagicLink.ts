import { and, eq } from 'drizzle-orm';
import type { AppContext, RequestMeta } from '../../../context';
import { communityMembers } from '../../../db/schema';
import { AppError } from '../../../errors';
import { consumeMemberToken, voidOtherTokens } from '../memberTokens';
import { createNotifications } from './createNotifications';
import { freeHandle } from '../handles';
import { findCommunity } from '../queries/findCommunity';
import { startMemberSession } from './startMemberSession';

export interface SignInWithMagicLinkOptions {
  ctx: AppContext;
  workspaceId: string;
  token: string;
  meta: RequestMeta;
}

/**
 * Uses an emailed link once: signs the member in, or, for a sign-up link, creates the member first
 * (without a password: they sign in by link, or set one with a password reset).
 */
export async function signInWithMagicLink({ ctx, workspaceId, token, meta }: SignInWithMagicLinkOptions) {
  const community = await findCommunity(ctx.db, workspaceId);
  return ctx.db.transaction(async (tx) => {
    const used = await consumeMemberToken(tx, workspaceId, token, ['magic', 'join']);
    if (!used) throw new AppError('BAD_REQUEST', 'This sign-in link is invalid, used or expired. Ask for a new one.', { reason: 'invalid_token' });
    // The address may have joined by another way since the link was sent: the link then signs that member in.
    let [member] = await tx.select().from(communityMembers).where(and(eq(communityMembers.workspaceId, workspaceId), eq(communityMembers.email, used.email)));
    let joined = false;
    if (!member) {
      if (used.purpose !== 'join') throw new AppError('BAD_REQUEST', 'This sign-in link is invalid, used or expired. Ask for a new one.', { reason: 'invalid_token' });
      if (!community.signupOpen) throw new AppError('FORBIDDEN', `${community.name} is not accepting new members right now.`);
      // An empty hash matches no password: this member signs in by link until they choose one.
      const displayName = used.displayName ?? used.email.split('@')[0]!;
      [member] = await tx.insert(communityMembers).values({ workspaceId, email: used.email, passwordHash: '', displayName, handle: await freeHandle(tx, workspaceId, displayName) }).onConflictDoNothing().returning();
      if (!member) throw new AppError('CONFLICT', 'This address joined a moment ago: ask for a new sign-in link.');
      joined = true;
      // Joining by link greets like joining with a password.
      if (community.welcomeMessageHtml) {
        await createNotifications(tx, workspaceId, [{ memberId: member.id, kind: 'welcome', dedupeKey: 'welcome', payload: { communityName: community.name, messageHtml: community.welcomeMessageHtml } }]);
      }
    }
    await voidOtherTokens(tx, workspaceId, used.email, ['magic', 'join']);
    const session = await startMemberSession(tx, workspaceId, member.id, meta);
    return { member, session, joined };
  });
}
