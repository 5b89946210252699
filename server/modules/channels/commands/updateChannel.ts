import { and, eq } from 'drizzle-orm';
import { IANAZone } from 'luxon';
import type { Actor, AppContext } from '../../../context';
import { channels } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import { presentChannel } from '../presenters';

export interface UpdateChannelOptions {
  ctx: AppContext;
  actor: Actor;
  channelId: string;
  name?: string;
  timeZone?: string;
  color?: string;
}

/**
 * Renames a channel, or changes its time zone (queue slots and best times are read in it) or its
 * calendar colour. Scheduled posts keep their instant: a new zone moves future queue slots, not them.
 */
export async function updateChannel({ ctx, actor, channelId, name, timeZone, color }: UpdateChannelOptions) {
  const zone = timeZone === undefined ? undefined : canonicalZone(timeZone);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(channels).where(and(eq(channels.id, channelId), eq(channels.workspaceId, actor.workspaceId))).for('update');
    if (!row) throw notFound('That channel');
    const changes = { ...(name !== undefined && { name }), ...(zone !== undefined && { timeZone: zone }), ...(color !== undefined && { color }) };
    if (Object.keys(changes).length === 0) return presentChannel(row);
    const [updated] = await tx.update(channels).set(changes).where(and(eq(channels.id, row.id), eq(channels.workspaceId, actor.workspaceId))).returning();
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof changes]]));
    await recordAudit({ db: tx, action: 'channel.updated', workspaceId: actor.workspaceId, actor, target: { type: 'channel', id: row.id }, ip: actor.ip, data: { before, after: changes } });
    return presentChannel(updated!);
  });
}

/** The IANA name as the time zone database spells it (europe/rome → Europe/Rome); a clear error otherwise. */
export function canonicalZone(timeZone: string): string {
  const name = timeZone.trim();
  if (!IANAZone.isValidZone(name) || /^[+-]|^utc[+-]/i.test(name)) {
    throw new AppError('VALIDATION_FAILED', `"${timeZone}" is not a time zone; use an IANA name such as Europe/Rome or America/New_York.`, { fields: { timeZone: 'Use an IANA time zone name such as Europe/Rome.' } });
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}
