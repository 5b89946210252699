import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { LOCALES, type Locale } from '../../../shared/contracts/common';
import type { Db } from '../../db/client';
import { communityMemberTokens, type MemberTokenPurpose } from '../../db/schema';
import { randomToken, sha256 } from '../../crypto';

export const RESET_MINUTES = 60;
export const MAGIC_MINUTES = 15;
/** At most this many links go to one address of a community per hour, whatever asks for them (no mail bombing). */
export const LINKS_PER_EMAIL_PER_HOUR = 5;

/** Whether this address already got its share of links this hour; checked before writing a new one. */
export async function linkQuotaUsed(db: Db, workspaceId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(communityMemberTokens)
    .where(and(eq(communityMemberTokens.workspaceId, workspaceId), eq(communityMemberTokens.email, email), gt(communityMemberTokens.createdAt, sql`now() - interval '1 hour'`)));
  return (row?.n ?? 0) >= LINKS_PER_EMAIL_PER_HOUR;
}

/** A new single-use token; only its sha256 is stored. Returns the token for the email. */
export async function issueMemberToken(
  db: Db,
  v: { workspaceId: string; memberId: string | null; email: string; displayName?: string | null; purpose: MemberTokenPurpose; minutes: number; ip: string | null },
): Promise<string> {
  const token = randomToken();
  await db.insert(communityMemberTokens).values({
    workspaceId: v.workspaceId,
    memberId: v.memberId,
    email: v.email,
    displayName: v.displayName ?? null,
    purpose: v.purpose,
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + v.minutes * 60_000),
    ip: v.ip,
  });
  return token;
}

/** Uses a token up: one conditional update, so two requests with the same link cannot both pass. */
export async function consumeMemberToken(db: Db, workspaceId: string, token: string, purposes: MemberTokenPurpose[]) {
  const [row] = await db
    .update(communityMemberTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(communityMemberTokens.workspaceId, workspaceId),
        eq(communityMemberTokens.tokenHash, sha256(token)),
        inArray(communityMemberTokens.purpose, purposes),
        isNull(communityMemberTokens.usedAt),
        gt(communityMemberTokens.expiresAt, new Date()),
      ),
    )
    .returning();
  return row ?? null;
}

/** Every other unused link of the same kinds sent to this address is void once one is used. */
export async function voidOtherTokens(db: Db, workspaceId: string, email: string, purposes: MemberTokenPurpose[]): Promise<void> {
  await db
    .update(communityMemberTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(communityMemberTokens.workspaceId, workspaceId), eq(communityMemberTokens.email, email), inArray(communityMemberTokens.purpose, purposes), isNull(communityMemberTokens.usedAt)));
}

/** The email's language: the one asked for, else the member's first language we write in, else English. */
export function emailLocale(asked: Locale | undefined, languages: string[] = []): Locale {
  return asked ?? (languages.find((l): l is Locale => (LOCALES as readonly string[]).includes(l)) ?? 'en');
}

export const memberLink = (publicUrl: string, workspaceId: string, page: 'reset' | 'magic', token: string) => `${publicUrl}/c/${workspaceId}/${page}?token=${token}`;
