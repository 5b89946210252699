import { PublishError } from '../types';

/**
 * Meta's two-step publishing (Threads and Instagram): a media container is created, Meta fetches and
 * processes the media from its public URL, and only a FINISHED container can be published. States as
 * both APIs name them: IN_PROGRESS, FINISHED, PUBLISHED, ERROR, EXPIRED (after 24 h unpublished).
 */
export type ContainerState = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface ContainerStatus {
  state: ContainerState | string;
  /** Meta's reason when the state is ERROR (e.g. FAILED_DOWNLOADING_VIDEO). */
  detail?: string;
}

/**
 * Waits between status reads. Meta suggests reading once a minute for up to five minutes; a publish
 * attempt waits about a minute in all, then gives up as transient, and the next attempt (same
 * idempotency key) resumes on the same container (see `journal.ts`).
 */
export const pollSchedule = { delaysMs: [0, 1000, 2000, 4000, 8000, 15_000, 30_000] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads the container until it can be published (FINISHED) or is already out (PUBLISHED). */
export async function waitForContainer(read: () => Promise<ContainerStatus>, what: string): Promise<'FINISHED' | 'PUBLISHED'> {
  for (const delay of pollSchedule.delaysMs) {
    if (delay) await sleep(delay);
    const { state, detail } = await read();
    if (state === 'FINISHED' || state === 'PUBLISHED') return state;
    if (state === 'ERROR') throw new PublishError('rejected', `${what} could not process the media${detail ? `: ${detail}` : '.'}`, { networkCode: detail });
    if (state === 'EXPIRED') throw new PublishError('transient', `${what} let the media container expire before it was published; a new one will be made.`, { networkCode: 'EXPIRED' });
  }
  throw new PublishError('transient', `${what} is still processing the media; publishing resumes on the next attempt.`, { networkCode: 'IN_PROGRESS' });
}
