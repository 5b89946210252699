import { HAT_KPIS } from '../../../../shared/roles';
import type { Actor } from '../../../context';

/**
 * The hat's home: its KPIs (null until analytics has data) and its objectives and tasks.
 * Objectives, tasks and KPI values arrive with the strategy and analytics modules.
 */
export async function getHome(actor: Actor) {
  return {
    hat: actor.hat,
    kpis: HAT_KPIS[actor.hat].map((key) => ({ key, value: null })),
    objectives: [],
    tasks: [],
  };
}
