import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../../shared/contracts/common';
import type { AppContext, RequestMeta } from '../../../context';
import { communityMembers } from '../../../db/schema';
import { communityMemberEmail } from '../../../mail/templates';
import { sendEmail } from '../../system';
import { emailLocale, issueMemberToken, linkQuotaUsed, memberLink, RESET_MINUTES } from '../memberTokens';
import { findCommunity } from '../queries/findCommunity';

export interface RequestMemberPasswordResetOptions {
  ctx: AppContext;
  workspaceId: string;
  email: string;
  locale?: Locale;
  meta: RequestMeta;
}

/** Emails a reset link to a member. Silent when the email is not a member: the answer must not reveal who is. */
export async function requestMemberPasswordReset({ ctx, workspaceId, email, locale, meta }: RequestMemberPasswordResetOptions): Promise<void> {
  const community = await findCommunity(ctx.db, workspaceId);
  await ctx.db.transaction(async (tx) => {
    const [member] = await tx.select().from(communityMembers).where(and(eq(communityMembers.workspaceId, workspaceId), eq(communityMembers.email, email)));
    if (!member || (await linkQuotaUsed(tx, workspaceId, email))) return;
    const token = await issueMemberToken(tx, { workspaceId, memberId: member.id, email, purpose: 'reset', minutes: RESET_MINUTES, ip: meta.ip });
    const link = memberLink(ctx.publicUrl, workspaceId, 'reset', token);
    await ctx.jobs.enqueue(tx, sendEmail, communityMemberEmail(emailLocale(locale, member.languages), email, 'passwordReset', { name: member.displayName, community: community.name, link }));
  });
}
