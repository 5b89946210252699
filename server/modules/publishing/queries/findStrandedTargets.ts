import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { channels, postTargets, publishingSettings } from '../../../db/schema';

/**
 * Targets that should be moving but have no worker on them: due and still pending long after their
 * time (a lost job, or a channel reconnected after its sign-in expired), or held by a worker whose
 * lease ran out (it died mid-call). Paused workspaces are left alone.
 * `unknown` targets are not swept: their own job retries a bounded number of times, then a person decides.
 * `workspaceId` narrows to one workspace (resume); `graceMs` skips targets whose own job is still due.
 */
export async function findStrandedTargets(db: Db, opts: { workspaceId?: string; graceMs: number; limit: number }) {
  const now = new Date();
  const cutoff = new Date(now.getTime() - opts.graceMs);
  const rows = await db
    .select({ id: postTargets.id })
    .from(postTargets)
    .innerJoin(channels, eq(channels.id, postTargets.channelId))
    .leftJoin(publishingSettings, eq(publishingSettings.workspaceId, postTargets.workspaceId))
    .where(
      and(
        opts.workspaceId ? eq(postTargets.workspaceId, opts.workspaceId) : undefined,
        sql`coalesce(${publishingSettings.paused}, false) = false`,
        or(
          // A channel waiting for reconnection holds its posts; they come back here once it is connected.
          and(eq(postTargets.state, 'pending'), eq(channels.status, 'connected'), lt(postTargets.dueAt, cutoff), lt(postTargets.updatedAt, cutoff)),
          and(eq(postTargets.state, 'publishing'), lt(postTargets.leaseUntil, now)),
        ),
      ),
    )
    .limit(opts.limit);
  return rows.map((r) => r.id);
}
