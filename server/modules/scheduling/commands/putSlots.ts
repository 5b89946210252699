import { and, eq } from 'drizzle-orm';
import type { Slot } from '../../../../shared/contracts/scheduling';
import type { Actor, AppContext } from '../../../context';
import { channels, channelSlots } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import { getSlots } from '../queries/getSlots';

const DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** Replaces the channel's queue slots with exactly this set; a slot named twice is refused, not merged. */
export async function putSlots({ ctx, actor, channelId, slots }: { ctx: AppContext; actor: Actor; channelId: string; slots: Slot[] }) {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const s of slots) {
    const k = `${s.weekday}:${s.minuteOfDay}`;
    if (seen.has(k)) dupes.add(`${DAYS[s.weekday]} ${hhmm(s.minuteOfDay)}`);
    seen.add(k);
  }
  if (dupes.size) {
    throw new AppError('VALIDATION_FAILED', `These queue slots are listed more than once: ${[...dupes].join(', ')}. Keep each weekday and time once.`, { duplicates: [...dupes] });
  }
  await ctx.db.transaction(async (tx) => {
    const [channel] = await tx.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId))).for('update');
    if (!channel) throw notFound('That channel');
    await tx.delete(channelSlots).where(and(eq(channelSlots.channelId, channel.id), eq(channelSlots.workspaceId, actor.workspaceId)));
    if (slots.length) await tx.insert(channelSlots).values(slots.map((s) => ({ workspaceId: actor.workspaceId, channelId: channel.id, weekday: s.weekday, minuteOfDay: s.minuteOfDay })));
    await recordAudit({ db: tx, action: 'channel.slotsReplaced', workspaceId: actor.workspaceId, actor, target: { type: 'channel', id: channel.id }, ip: actor.ip, data: { slots: slots.length } });
  });
  return getSlots(ctx.db, actor.workspaceId, channelId);
}
