import { PublishError } from '../../../connectors/types';
import { AppError } from '../../errors';

/**
 * A network's refusal during a request a person made (answer, hide, delete), as the one error type:
 * the network's own words verbatim, after ours.
 */
export function networkFailure(displayName: string, err: unknown): unknown {
  if (!(err instanceof PublishError)) return new AppError('UNAVAILABLE', `${displayName} could not be reached; try again in a moment.`);
  switch (err.kind) {
    case 'auth_expired':
      return new AppError('CONFLICT', `${displayName} no longer accepts this channel's sign-in; reconnect the channel and try again. (${err.message})`, { kind: err.kind });
    case 'rate_limited':
      return new AppError('RATE_LIMITED', `${displayName} asks to slow down${err.opts.retryAfter ? ` until ${err.opts.retryAfter.toISOString()}` : ''}. (${err.message})`, { kind: err.kind, retryAfter: err.opts.retryAfter?.toISOString() });
    case 'rejected':
      return new AppError('BAD_REQUEST', `${displayName} refused it: ${err.message}`, { kind: err.kind });
    default:
      return new AppError('UNAVAILABLE', `${displayName} failed for now; try again in a moment. (${err.message})`, { kind: err.kind });
  }
}
