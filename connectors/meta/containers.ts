import { PublishError, type RemoteRef } from '../types';
import type { Journal } from './journal';

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
 * idempotency key) resumes on the same container (see `publishOnce`).
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

/** One post through a container, as a network does it. */
export interface ContainerPost {
  /** The network's name, in messages. */
  what: string;
  journal: Journal;
  key: string;
  text: string;
  readStatus(containerId: string): Promise<ContainerStatus>;
  /** Checks the publishing quota and makes the container; its id. */
  create(): Promise<string>;
  /** Publishes a FINISHED container. */
  publish(containerId: string): Promise<RemoteRef>;
  /** The post already out under this key (looked up by its text), or null. */
  findPublished(): Promise<RemoteRef | null>;
}

/**
 * Container → status → publish, once per key in this process. A retry resumes on the container it made
 * (an expired one is replaced); one that is PUBLISHED already is looked up instead of posted again.
 */
export async function publishOnce(post: ContainerPost): Promise<RemoteRef> {
  let containerId = post.journal.get(post.key)?.containerId;
  if (containerId) {
    const earlier = containerId;
    const state = await waitForContainer(() => post.readStatus(earlier), post.what).catch((err: unknown) => {
      if (err instanceof PublishError && err.opts.networkCode === 'EXPIRED') return 'EXPIRED' as const;
      throw err;
    });
    if (state === 'PUBLISHED') {
      const found = await post.findPublished();
      if (found) return found;
      // Out already, but not found again: a second container would post it twice.
      throw new PublishError('rejected', `${post.what} already published this post, and it could not be found among the account's recent posts.`, { networkCode: 'PUBLISHED' });
    }
    if (state !== 'FINISHED') containerId = undefined;
  }
  if (!containerId) {
    const made = await post.create();
    post.journal.set(post.key, { containerId: made, text: post.text });
    await waitForContainer(() => post.readStatus(made), post.what);
    containerId = made;
  }
  return post.publish(containerId);
}

/** Carousel items one by one, each FINISHED before the next: their ids as the `children` parameter. */
export async function carouselChildren<T>(what: string, items: T[], create: (item: T) => Promise<string>, readStatus: (id: string) => Promise<ContainerStatus>): Promise<string> {
  const children: string[] = [];
  for (const item of items) {
    const id = await create(item);
    await waitForContainer(() => readStatus(id), what);
    children.push(id);
  }
  return children.join(',');
}
