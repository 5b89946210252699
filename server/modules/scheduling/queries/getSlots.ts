import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { channels, channelSlots } from '../../../db/schema';
import { notFound } from '../../../errors';

/** A channel of the workspace (or not found), for the scheduling routes. */
export async function loadChannel(db: Db, workspaceId: string, channelId: string) {
  const [row] = await db.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  if (!row) throw notFound('That channel');
  return row;
}

/** The channel's recurring queue slots, in week order (Monday first), in its time zone. */
export async function getSlots(db: Db, workspaceId: string, channelId: string) {
  const channel = await loadChannel(db, workspaceId, channelId);
  const rows = await db
    .select({ weekday: channelSlots.weekday, minuteOfDay: channelSlots.minuteOfDay })
    .from(channelSlots)
    .where(and(eq(channelSlots.channelId, channel.id), eq(channelSlots.workspaceId, workspaceId)))
    .orderBy(asc(channelSlots.weekday), asc(channelSlots.minuteOfDay));
  return { channelId: channel.id, timeZone: channel.timeZone, slots: rows };
}
