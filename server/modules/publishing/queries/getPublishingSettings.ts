import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { publishingSettings } from '../../../db/schema';

export const DEFAULT_SETTINGS = { approvalRequired: false, approverRoles: ['owner', 'marketing_manager', 'client'], paused: false, pausedAt: null, pausedBy: null };

/** The workspace's publishing settings, or the defaults when it never changed them. */
export async function getPublishingSettings(db: Db, workspaceId: string, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(publishingSettings).where(eq(publishingSettings.workspaceId, workspaceId));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? { workspaceId, ...DEFAULT_SETTINGS };
}
