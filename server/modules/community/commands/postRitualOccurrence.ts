import { and, eq } from 'drizzle-orm';
import type { EventInput } from '../../../../shared/contracts/communityEvents';
import { rolesAllow } from '../../../../shared/permissions';
import type { Role } from '../../../../shared/roles';
import type { Db } from '../../../db/client';
import type { JobQueue } from '../../../jobs/runtime';
import { communityRitualOccurrences, communityRituals, users, workspaceMembers } from '../../../db/schema';
import { AppError } from '../../../errors';
import type { StaffViewer } from '../policies';
import { findSpaceById } from '../queries/findSpace';
import { localTimeOf, RitualSchedule } from '../ritualRules';
import { renderRitualTemplate } from '../ritualTemplates';
import { startThread } from './startThread';

type RitualRow = typeof communityRituals.$inferSelect;

/** The ritual's author as staff, while they are still in the workspace with the right to post. */
async function authorOf(tx: Db, r: RitualRow): Promise<StaffViewer | null> {
  if (!r.createdBy) return null;
  const [u] = await tx
    .select({ name: users.name, roles: workspaceMembers.roles })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(and(eq(workspaceMembers.workspaceId, r.workspaceId), eq(workspaceMembers.userId, r.createdBy)));
  if (!u || !rolesAllow(u.roles as Role[], 'community.post')) return null;
  return { kind: 'staff', workspaceId: r.workspaceId, userId: r.createdBy, userName: u.name, canModerate: rolesAllow(u.roles as Role[], 'community.moderate'), ip: null };
}

function eventFor(r: RitualRow, title: string, occurrence: Date): EventInput {
  const ends = new Date(occurrence.getTime() + r.eventDurationMinutes! * 60_000);
  return {
    title,
    startsAt: localTimeOf(occurrence, r.timeZone),
    endsAt: localTimeOf(ends, r.timeZone),
    timeZone: r.timeZone,
    ...(r.eventOnlineUrl && { onlineUrl: r.eventOnlineUrl }),
    ...(r.eventPlace && { place: r.eventPlace }),
    ...(r.eventCapacity && { capacity: r.eventCapacity }),
  };
}

export type PostOutcome = 'posted' | 'not_due' | 'already_posted' | 'failed';

/**
 * Posts the ritual's due occurrence, if any, as of `now`. After a missed run only the latest due
 * occurrence is posted (no flood of late threads). Idempotent: the occurrence row is claimed on its
 * unique (ritual, instant) index in the same transaction as the thread, and the ritual row is locked,
 * so running twice (or two workers at once) posts once. A problem the team can fix (the author left,
 * the space is gone…) is kept in `lastError` and the ritual moves on to its next occurrence.
 */
export async function postRitualOccurrence({ db, ritualId, now, jobs }: { db: Db; ritualId: string; now: Date; jobs?: JobQueue }): Promise<PostOutcome> {
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(communityRituals).where(eq(communityRituals.id, ritualId)).for('update');
    if (!r || !r.active || !r.nextOccurrenceAt) return 'not_due';
    const horizon = new Date(now.getTime() + r.leadHours * 3_600_000);
    if (r.nextOccurrenceAt.getTime() > horizon.getTime()) return 'not_due';
    const schedule = new RitualSchedule(r);
    const occurrence = schedule.latestAtOrBefore(horizon) ?? r.nextOccurrenceAt;
    const next = schedule.firstAfter(occurrence);
    const [claimed] = await tx.insert(communityRitualOccurrences).values({ workspaceId: r.workspaceId, ritualId: r.id, occursAt: occurrence }).onConflictDoNothing().returning({ id: communityRitualOccurrences.id });
    let outcome: PostOutcome = 'already_posted';
    let lastError: string | null = r.lastError;
    if (claimed) {
      try {
        const writer = await authorOf(tx, r);
        if (!writer) throw new AppError('FORBIDDEN', 'The team member who created this ritual can no longer post in the community: ask someone who can to create it again.');
        const space = await findSpaceById(tx, r.workspaceId, r.spaceId);
        const title = renderRitualTemplate(r.titleTemplate, occurrence, r.timeZone, space.defaultLanguage).slice(0, 200);
        const body = renderRitualTemplate(r.bodyTemplate, occurrence, r.timeZone, space.defaultLanguage);
        const thread = await startThread({ ctx: { db: tx, jobs }, writer, space: { spaceId: space.id }, title, body, ...(r.kind === 'event' && { event: eventFor(r, title, occurrence) }) });
        await tx.update(communityRitualOccurrences).set({ threadId: thread.id }).where(eq(communityRitualOccurrences.id, claimed.id));
        outcome = 'posted';
        lastError = null;
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        outcome = 'failed';
        lastError = `${localTimeOf(occurrence, r.timeZone)}: ${e.message}`;
      }
    }
    await tx
      .update(communityRituals)
      .set({ nextOccurrenceAt: next, lastError, ...(outcome === 'posted' && { lastOccurrenceAt: occurrence }) })
      .where(eq(communityRituals.id, r.id));
    return outcome;
  });
}
