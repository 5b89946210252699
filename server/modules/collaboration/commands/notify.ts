import { and, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../../../shared/contracts/common';
import { LOCALES } from '../../../../shared/contracts/common';
import type { NotificationKind } from '../../../../shared/contracts/collaboration';
import type { Db } from '../../../db/client';
import { notifications, users, workspaceMembers, workspaces } from '../../../db/schema';
import type { JobQueue } from '../../../jobs/runtime';
import { notificationEmail } from '../../../mail/templates';
import { sendEmail } from '../../system';

export interface NotifyOptions {
  /** The caller's transaction: the notifications and their emails exist only if it commits. */
  db: Db;
  jobs: JobQueue;
  /** Tandem's public address, for the link in the email; without it the email has no link. */
  publicUrl?: string | null;
  workspaceId: string;
  userIds: readonly string[];
  kind: NotificationKind;
  /** Strings for the texts: postId (makes the link; channelId links to the channels page), postExcerpt, actorName, commentExcerpt, channelName, message… */
  payload: Record<string, string>;
}

/**
 * One in-app notification and one email (in the recipient's language) per recipient. Recipients
 * who are not (or no longer) members of the workspace are skipped; duplicates count once.
 * Returns the ids of the people notified.
 */
export async function notify({ db, jobs, publicUrl, workspaceId, userIds, kind, payload }: NotifyOptions): Promise<string[]> {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return [];
  const recipients = await db
    .select({ userId: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), inArray(workspaceMembers.userId, wanted)));
  if (recipients.length === 0) return [];
  const [w] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
  await db.insert(notifications).values(recipients.map((r) => ({ workspaceId, userId: r.userId, kind, payload })));
  const page = payload.postId ? `posts/${payload.postId}` : payload.channelId ? 'settings/channels' : 'home';
  const link = publicUrl ? `${publicUrl}/w/${workspaceId}/${page}` : '';
  for (const r of recipients) {
    const locale: Locale = (LOCALES as readonly string[]).includes(r.locale) ? (r.locale as Locale) : 'en';
    const vars = { actorName: '', postExcerpt: '', commentExcerpt: '', channelName: '', message: '', ...payload, name: r.name, workspace: w?.name ?? '', link };
    await jobs.enqueue(db, sendEmail, notificationEmail(locale, r.email, kind, vars));
  }
  return recipients.map((r) => r.userId);
}
