import type { PostStatus, TargetState } from '../../../db/schema';

/** A post's status, derived from the states of its targets (one per channel). */
export function postStatusOf(states: TargetState[]): PostStatus {
  const live = states.filter((s) => s !== 'cancelled');
  if (!live.length) return 'cancelled';
  if (live.some((s) => s === 'publishing') || (live.some((s) => s === 'pending') && live.some((s) => s !== 'pending'))) return 'publishing';
  if (live.every((s) => s === 'pending')) return 'scheduled';
  if (live.some((s) => s === 'unknown')) return 'unknown';
  if (live.some((s) => s === 'failed')) return 'failed';
  return 'published';
}
