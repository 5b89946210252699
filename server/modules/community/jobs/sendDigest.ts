import { and, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../../../shared/contracts/common';
import { defineJob } from '../../../jobs/defineJob';
import { communities, communityDigestSends, communityMembers, communityNotifications, communitySpaceInvites, communitySpaces, communityThreads } from '../../../db/schema';
import { communityDigestEmail } from '../../../mail/templates';
import { sendEmail } from '../../system';
import { digestKindOf, digestSpanMs } from '../digestPeriods';
import { unsubscribeToken } from '../digestToken';
import { threadPath, unsubscribePath } from '../paths';
import { replyCountSql } from '../queries/replyCount';

const n = communityNotifications;

/**
 * One member's digest for one period: their unread notifications and the most answered new threads
 * of the spaces they may read, over the last day or week. Sent at most once per period: the
 * (member, period) row is written in the same transaction that queues the email.
 */
export const sendDigest = defineJob({
  id: 'community.sendDigest',
  payload: z.object({ memberId: z.uuid(), period: z.string().max(40) }),
  retry: { limit: 5, delaySeconds: 60, backoff: true },
  async handler({ memberId, period }, { db, jobs, secrets, publicUrl, log }) {
    const kind = digestKindOf(period);
    const [member] = await db.select().from(communityMembers).where(eq(communityMembers.id, memberId));
    if (!kind || !member || member.notificationPrefs.digest !== kind) return;
    const [already] = await db.select({ p: communityDigestSends.period }).from(communityDigestSends).where(and(eq(communityDigestSends.memberId, member.id), eq(communityDigestSends.period, period)));
    if (already) return;
    const [community] = await db.select().from(communities).where(eq(communities.workspaceId, member.workspaceId));
    if (!community) return;
    if (!secrets) {
      log.warn('digest skipped: no secret key to sign the unsubscribe link');
      return;
    }
    const ws = member.workspaceId;
    const since = new Date(Date.now() - digestSpanMs(kind));
    const notes = await db
      .select({ kind: n.kind, payload: n.payload })
      .from(n)
      .where(
        and(
          eq(n.workspaceId, ws),
          eq(n.memberId, member.id),
          isNull(n.readAt),
          gte(n.createdAt, since),
          sql`not exists (select 1 from community_posts p where p.id = ${n.postId} and p.deleted_at is not null)`,
          sql`not exists (select 1 from community_threads t where t.id = ${n.threadId} and t.deleted_at is not null)`,
        ),
      )
      .orderBy(desc(n.createdAt))
      .limit(20);
    const invited = db.select({ id: communitySpaceInvites.spaceId }).from(communitySpaceInvites).where(and(eq(communitySpaceInvites.workspaceId, ws), eq(communitySpaceInvites.memberId, member.id)));
    const threads = await db
      .select({ id: communityThreads.id, title: communityThreads.title, replies: replyCountSql })
      .from(communityThreads)
      .innerJoin(communitySpaces, eq(communitySpaces.id, communityThreads.spaceId))
      .where(
        and(
          eq(communityThreads.workspaceId, ws),
          eq(communityThreads.state, 'published'),
          isNull(communityThreads.deletedAt),
          gte(communityThreads.createdAt, since),
          or(inArray(communitySpaces.visibility, ['public', 'members']), inArray(communitySpaces.id, invited)),
        ),
      )
      .orderBy(desc(replyCountSql), desc(communityThreads.createdAt))
      .limit(5);
    if (notes.length === 0 && threads.length === 0) return;
    const base = publicUrl ?? '';
    const unsubscribe = `${base}${unsubscribePath(ws, unsubscribeToken(secrets, ws, member.id))}`;
    const language = member.languages.find((l) => (LOCALES as readonly string[]).includes(l));
    const email = communityDigestEmail((language ?? 'en') as Locale, member.email, {
      period: kind,
      community: community.name,
      name: member.displayName,
      notifications: notes,
      threads: threads.map((t) => ({ title: t.title, replies: Number(t.replies), link: `${base}${threadPath(ws, t.id)}` })),
      unsubscribeLink: unsubscribe,
    });
    await db.transaction(async (tx) => {
      const [sent] = await tx.insert(communityDigestSends).values({ workspaceId: ws, memberId: member.id, period }).onConflictDoNothing().returning();
      if (!sent) return;
      // RFC 2369 and RFC 8058: mail clients show their own unsubscribe button and POST to the link.
      await jobs.enqueue(tx, sendEmail, { ...email, headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
    });
  },
});
