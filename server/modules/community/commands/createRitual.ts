import type { CreateRitualBody } from '../../../../shared/contracts/communityRituals';
import type { Actor, AppContext } from '../../../context';
import { communityRituals } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { presentRitual } from '../presenters';
import { findSpaceById } from '../queries/findSpace';
import { assertZone } from '../ritualRules';
import { checkRitual, defaultStartsOn } from '../ritualInput';

/** A new ritual; its threads are staff posts by the team user who creates it. */
export async function createRitual({ ctx, actor, input }: { ctx: Pick<AppContext, 'db'>; actor: Actor; input: CreateRitualBody }) {
  const { workspaceId } = actor;
  const now = new Date();
  assertZone(input.timeZone);
  const fields = {
    ...input,
    startsOn: input.startsOn ?? defaultStartsOn(input.timeZone, now),
    eventDurationMinutes: input.eventDurationMinutes ?? null,
    eventPlace: input.eventPlace ?? null,
    eventOnlineUrl: input.eventOnlineUrl ?? null,
    eventCapacity: input.eventCapacity ?? null,
  };
  const { next } = checkRitual(fields, now);
  return ctx.db.transaction(async (tx) => {
    await findSpaceById(tx, workspaceId, input.spaceId);
    const active = input.active ?? true;
    const [row] = await tx
      .insert(communityRituals)
      .values({ workspaceId, ...fields, active, createdBy: actor.userId, nextOccurrenceAt: active ? next : null })
      .returning();
    await recordAudit({ db: tx, action: 'community.ritualCreated', workspaceId, actor, target: { type: 'community_ritual', id: row!.id }, ip: actor.ip, data: { kind: row!.kind, rrule: row!.rrule, timeZone: row!.timeZone } });
    return presentRitual(row!);
  });
}
