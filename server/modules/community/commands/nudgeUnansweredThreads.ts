import { and, eq, isNull, sql } from 'drizzle-orm';
import { ACTIONS } from '../../../../shared/permissions';
import type { Db } from '../../../db/client';
import { communityPosts, communitySpaces, communityThreads, workspaceMembers } from '../../../db/schema';
import type { JobQueue } from '../../../jobs/runtime';
import { notify } from '../../collaboration';

/** Threads older than this past their space's nudge time are stale: turning nudges on does not wake up the archives. */
const STALE_AFTER_DAYS = 7;
const BATCH = 200;

/**
 * "Nobody answered this thread": for spaces with `nudgeAfterHours`, notifies the members who moderate
 * the community about each published, undeleted thread with no reply (from anyone, staff included)
 * for that many hours — once per thread (`nudged_at`, set with a conditional update in the same
 * transaction as the notifications). Returns how many threads were nudged.
 */
export async function nudgeUnansweredThreads({ db, jobs, now }: { db: Db; jobs: JobQueue; now: Date }): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const due = await db
    .select({ id: communityThreads.id, workspaceId: communityThreads.workspaceId, title: communityThreads.title, spaceName: communitySpaces.name, hours: communitySpaces.nudgeAfterHours })
    .from(communityThreads)
    .innerJoin(communitySpaces, eq(communitySpaces.id, communityThreads.spaceId))
    .where(
      and(
        isNull(communityThreads.nudgedAt),
        isNull(communityThreads.deletedAt),
        isNull(communityThreads.hiddenAt),
        eq(communityThreads.state, 'published'),
        sql`${communitySpaces.nudgeAfterHours} is not null`,
        sql`${communityThreads.createdAt} <= ${at} - make_interval(hours => ${communitySpaces.nudgeAfterHours})`,
        sql`${communityThreads.createdAt} > ${at} - make_interval(hours => ${communitySpaces.nudgeAfterHours}, days => ${STALE_AFTER_DAYS})`,
        sql`not exists (select 1 from ${communityPosts} where ${communityPosts.threadId} = ${communityThreads.id} and not ${communityPosts.isOpening} and ${communityPosts.deletedAt} is null)`,
      ),
    )
    .orderBy(communityThreads.createdAt)
    .limit(BATCH);
  let nudged = 0;
  for (const t of due) {
    await db.transaction(async (tx) => {
      const [won] = await tx
        .update(communityThreads)
        .set({ nudgedAt: now })
        .where(and(eq(communityThreads.id, t.id), isNull(communityThreads.nudgedAt)))
        .returning({ id: communityThreads.id });
      if (!won) return;
      const moderators = await tx
        .select({ userId: workspaceMembers.userId })
        .from(workspaceMembers)
        .where(and(eq(workspaceMembers.workspaceId, t.workspaceId), sql`${workspaceMembers.roles} && ${sql.param([...ACTIONS['community.moderate'].roles])}::text[]`));
      await notify({ db: tx, jobs, workspaceId: t.workspaceId, userIds: moderators.map((m) => m.userId), kind: 'community.thread_unanswered', payload: { threadId: t.id, threadTitle: t.title, spaceName: t.spaceName, hours: String(t.hours) } });
      nudged++;
    });
  }
  return nudged;
}
