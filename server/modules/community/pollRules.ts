import type { PollInput } from '../../../shared/contracts/communityPolls';
import type { communityPollOptions, communityPolls } from '../../db/schema';
import { AppError, forbidden } from '../../errors';
import { isAuthor, type Viewer, type Writer } from './policies';

type PollRow = typeof communityPolls.$inferSelect;
type OptionRow = typeof communityPollOptions.$inferSelect;

export const isPollClosed = (poll: Pick<PollRow, 'closesAt'>, now = new Date()) => poll.closesAt !== null && poll.closesAt.getTime() <= now.getTime();

/** The thread's author adds a poll to it, or any staff member who may post. */
export function assertCanAddPoll(writer: Writer, thread: { authorMemberId: string | null; authorUserId: string | null }): void {
  if (writer.kind === 'staff' || isAuthor(writer, thread)) return;
  throw forbidden('Only the author of the thread, or the staff, can add a poll to it.');
}

/** A new poll's closing time must lie ahead (a poll closed from birth could never be voted). */
export function assertClosesInFuture(input: Pick<PollInput, 'closesAt'>, now = new Date()): void {
  if (input.closesAt && new Date(input.closesAt).getTime() <= now.getTime()) {
    throw new AppError('VALIDATION_FAILED', 'The closing time is in the past: pick a moment ahead, or leave it out to keep the poll open.', { fields: { closesAt: 'in the past' } });
  }
}

/**
 * Why this viewer may not see the results yet, or null when they may. Staff always see them;
 * "after_vote" opens to those who voted (and to everyone once closed); "staff" never opens.
 */
export function pollResultsHiddenUntil(viewer: Viewer, poll: Pick<PollRow, 'resultsVisibility' | 'closesAt'>, voted: boolean, now = new Date()): 'vote' | 'close' | 'never' | null {
  if (viewer.kind === 'staff' || poll.resultsVisibility === 'always') return null;
  if (poll.resultsVisibility === 'staff') return 'never';
  if (isPollClosed(poll, now)) return null;
  if (poll.resultsVisibility === 'after_vote') return voted ? null : 'vote';
  return 'close';
}

/** The ballot must fit the poll: known, distinct options, one for single, up to maxChoices for multiple. */
export function assertValidBallot(poll: Pick<PollRow, 'kind' | 'maxChoices'>, options: OptionRow[], choices: string[]): void {
  const known = new Set(options.map((o) => o.id));
  const invalid = (message: string) => new AppError('VALIDATION_FAILED', message, { fields: { choices: message } });
  if (choices.some((c) => !known.has(c))) throw invalid('One of the choices is not an option of this poll: reload the poll and vote again.');
  if (new Set(choices).size !== choices.length) throw invalid('Choose each option at most once.');
  if (poll.kind === 'single' && choices.length !== 1) throw invalid('This poll takes exactly one choice.');
  const max = poll.maxChoices ?? options.length;
  if (poll.kind === 'multiple' && choices.length > max) throw invalid(`Choose at most ${max} option${max === 1 ? '' : 's'}.`);
}
