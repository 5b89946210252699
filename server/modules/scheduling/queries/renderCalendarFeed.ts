import { and, asc, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import ical from 'ical-generator';
import { rolesAllow } from '../../../../shared/permissions';
import type { Role } from '../../../../shared/roles';
import type { AppContext } from '../../../context';
import { sha256 } from '../../../crypto';
import { calendarFeeds, channels, posts, postVariants, workspaceMembers, workspaces } from '../../../db/schema';
import { notFound } from '../../../errors';

const SHOWN = ['scheduled', 'publishing', 'published', 'unknown'] as const;
const PAST_DAYS = 180;
const MAX_EVENTS = 2000;
/** A post is an instant; calendars show it as a short event. */
const EVENT_MINUTES = 15;

/**
 * The iCalendar (RFC 5545) text of a secret feed: the workspace's scheduled and published posts.
 * The token is the only credential, so it is checked together with the owner's current membership:
 * a removed member's feed stops working. Every failure is the same "not found".
 */
export async function renderCalendarFeed(ctx: AppContext, token: string, now = new Date()): Promise<string> {
  const [feed] = await ctx.db
    .select({ workspaceId: calendarFeeds.workspaceId, roles: workspaceMembers.roles, workspaceName: workspaces.name })
    .from(calendarFeeds)
    .innerJoin(workspaceMembers, and(eq(workspaceMembers.workspaceId, calendarFeeds.workspaceId), eq(workspaceMembers.userId, calendarFeeds.userId)))
    .innerJoin(workspaces, eq(workspaces.id, calendarFeeds.workspaceId))
    .where(eq(calendarFeeds.tokenHash, sha256(token)));
  if (!feed || !rolesAllow(feed.roles as Role[], 'calendar.subscribe')) throw notFound('That calendar feed');
  const wid = feed.workspaceId;
  const rows = await ctx.db
    .select()
    .from(posts)
    .where(and(eq(posts.workspaceId, wid), inArray(posts.status, [...SHOWN]), isNotNull(posts.scheduledAt), gte(posts.scheduledAt, new Date(now.getTime() - PAST_DAYS * 86_400_000))))
    .orderBy(asc(posts.scheduledAt))
    .limit(MAX_EVENTS);
  const ids = rows.map((p) => p.id);
  const chans = ids.length
    ? await ctx.db.select({ postId: postVariants.postId, name: channels.name, network: channels.network }).from(postVariants).innerJoin(channels, eq(channels.id, postVariants.channelId)).where(and(inArray(postVariants.postId, ids), eq(channels.workspaceId, wid))).orderBy(asc(channels.name))
    : [];
  const base = ctx.publicUrl.replace(/\/$/, '');
  const host = new URL(base).hostname;
  const cal = ical({ name: `${feed.workspaceName} — Tandem`, prodId: { company: 'Tandem', product: 'Editorial calendar', language: 'EN' }, ttl: 15 * 60 });
  for (const p of rows) {
    const start = p.scheduledAt!;
    const on = chans.filter((c) => c.postId === p.id).map((c) => `${c.name} (${c.network})`);
    const link = `${base}/w/${wid}/posts/${p.id}`;
    cal.createEvent({
      id: `post-${p.id}@${host}`,
      start,
      end: new Date(start.getTime() + EVENT_MINUTES * 60_000),
      stamp: p.updatedAt,
      lastModified: p.updatedAt,
      summary: firstLine(p.text),
      description: `Channels: ${on.join(', ') || '—'}\nStatus: ${p.status}\n${link}`,
      url: link,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last one bare.
  const text = cal.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim())?.trim() ?? '';
  if (!line) return '(no text)';
  const chars = [...line];
  return chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : line;
}
