import { and, eq } from 'drizzle-orm';
import type { Locale } from '../../../../shared/contracts/common';
import type { AppContext, RequestMeta } from '../../../context';
import { communityMembers } from '../../../db/schema';
import { communityMemberEmail } from '../../../mail/templates';
import { sendEmail } from '../../system';
import { emailLocale, issueMemberToken, linkQuotaUsed, MAGIC_MINUTES, memberLink } from '../memberTokens';
import { findCommunity } from '../queries/findCommunity';

export interface RequestMagicLinkOptions {
  ctx: AppContext;
  workspaceId: string;
  email: string;
  displayName?: string;
  locale?: Locale;
  meta: RequestMeta;
}

/**
 * Emails a single-use sign-in link (15 minutes). An address that is not a member gets a link that
 * signs them up, when the community takes sign-ups; otherwise nothing is sent. The answer is the same.
 */
export async function requestMagicLink({ ctx, workspaceId, email, displayName, locale, meta }: RequestMagicLinkOptions): Promise<void> {
  const community = await findCommunity(ctx.db, workspaceId);
  await ctx.db.transaction(async (tx) => {
    const [member] = await tx.select().from(communityMembers).where(and(eq(communityMembers.workspaceId, workspaceId), eq(communityMembers.email, email)));
    if (!member && !community.signupOpen) return;
    if (await linkQuotaUsed(tx, workspaceId, email)) return;
    const name = member?.displayName ?? displayName ?? email.split('@')[0]!.slice(0, 60);
    const token = await issueMemberToken(tx, { workspaceId, memberId: member?.id ?? null, email, displayName: member ? null : name, purpose: member ? 'magic' : 'join', minutes: MAGIC_MINUTES, ip: meta.ip });
    const link = memberLink(ctx.publicUrl, workspaceId, 'magic', token);
    await ctx.jobs.enqueue(tx, sendEmail, communityMemberEmail(emailLocale(locale, member?.languages), email, member ? 'magicLink' : 'join', { name, community: community.name, link }));
  });
}
