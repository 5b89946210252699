import { z } from 'zod';
import { defineJob } from '../../../jobs/defineJob';
import { pollFeed as poll } from '../commands/pollFeed';

/** Fetches one feed; its failures land in the feed's lastError, so only an unexpected crash retries. */
export const pollFeed = defineJob({
  id: 'feeds.pollFeed',
  payload: z.object({ feedId: z.uuid() }),
  retry: { limit: 2, delaySeconds: 120, backoff: true },
  expireInSeconds: 300,
  concurrency: 2,
  async handler({ feedId }, ctx) {
    const { newDrafts } = await poll(ctx, feedId);
    if (newDrafts) ctx.log.info({ feedId, newDrafts }, 'feeds: new items drafted');
  },
});
