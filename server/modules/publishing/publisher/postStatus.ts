import type { PostStatus, TargetState } from '../../../db/schema';

/** A post's status, derived from the states of its targets (one per channel). */
export function postStatusOf(states: TargetState[]): PostStatus {
  // A post handed over to the network's own scheduler is still scheduled, as far as people are concerned.
  const live = states.filter((s) => s !== 'cancelled').map((s): TargetState => (s === 'handed_over' ? 'pending' : s));
  if (!live.length) return 'cancelled';
  if (live.some((s) => s === 'publishing') || (live.some((s) => s === 'pending') && live.some((s) => s !== 'pending'))) return 'publishing';
  if (live.every((s) => s === 'pending')) return 'scheduled';
  if (live.some((s) => s === 'unknown')) return 'unknown';
  if (live.some((s) => s === 'failed')) return 'failed';
  return 'published';
}
