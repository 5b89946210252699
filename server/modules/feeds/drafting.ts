import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { rolesAllow } from '../../../shared/permissions';
import type { Role } from '../../../shared/roles';
import type { Actor } from '../../context';
import type { Db } from '../../db/client';
import { channels, feeds, users, workspaceMembers } from '../../db/schema';
import { AppError } from '../../errors';
import type { FeedEntry } from './source/parseFeed';

/** More new items than this in one fetch: the newest become drafts, older ones are only marked seen. */
export const MAX_DRAFTS_PER_FETCH = 10;
const MAX_TITLE_CHARS = 500;

/** A draft's text: the item's title, a blank line, its link. */
export function draftText(e: FeedEntry): string {
  const title = e.title.length > MAX_TITLE_CHARS ? `${e.title.slice(0, MAX_TITLE_CHARS)}…` : e.title;
  return [title, e.link].filter(Boolean).join('\n\n') || e.guid;
}

/** The channels of the feed that still exist and are not disconnected. */
export async function liveChannels(db: Db, feed: typeof feeds.$inferSelect): Promise<string[]> {
  if (feed.channelIds.length === 0) return [];
  const rows = await db
    .select({ id: channels.id })
    .from(channels)
    .where(and(eq(channels.workspaceId, feed.workspaceId), inArray(channels.id, feed.channelIds), ne(channels.status, 'disconnected')));
  const live = new Set(rows.map((r) => r.id));
  return feed.channelIds.filter((id) => live.has(id));
}

/** Channels named in a request must be the workspace's and not disconnected. */
export async function assertChannels(db: Db, workspaceId: string, channelIds: string[]) {
  const ids = [...new Set(channelIds)];
  const rows = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.workspaceId, workspaceId), inArray(channels.id, ids), ne(channels.status, 'disconnected')));
  if (rows.length !== ids.length) throw new AppError('VALIDATION_FAILED', 'One of the channels does not exist in this workspace.', { fields: { channelIds: 'One of the channels does not exist in this workspace.' } });
  return ids;
}

/**
 * Who the drafts are written by: the person who added the feed while they may still write posts,
 * otherwise the workspace's first owner (the drafts still need someone's name on them).
 */
export async function feedAuthor(db: Db, feed: typeof feeds.$inferSelect): Promise<Actor | null> {
  const members = await db
    .select({ userId: workspaceMembers.userId, roles: workspaceMembers.roles, hat: workspaceMembers.hat, name: users.name })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, feed.workspaceId))
    .orderBy(asc(workspaceMembers.createdAt));
  const writers = members.filter((m) => rolesAllow(m.roles as Role[], 'posts.write'));
  const m = writers.find((w) => feed.createdBy && w.userId === feed.createdBy) ?? writers.find((w) => (w.roles as Role[]).includes('owner'));
  if (!m) return null;
  return { userId: m.userId, userName: m.name, workspaceId: feed.workspaceId, roles: m.roles as Role[], hat: m.hat as Role, via: 'session', ip: null };
}
