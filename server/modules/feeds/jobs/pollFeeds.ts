import { z } from 'zod';
import { feeds } from '../../../db/schema';
import { defineJob } from '../../../jobs/defineJob';
import { pollFeed } from './pollFeed';

/**
 * Every 15 minutes: one pollFeed job per feed (one slow or broken feed never holds up the others;
 * the singleton key keeps a feed from being queued twice while a fetch is still waiting).
 */
export const pollFeeds = defineJob({
  id: 'feeds.pollFeeds',
  payload: z.object({}).passthrough(),
  retry: { limit: 1, delaySeconds: 60, backoff: false },
  cron: '*/15 * * * *',
  expireInSeconds: 300,
  async handler(_payload, ctx) {
    const rows = await ctx.db.select({ id: feeds.id }).from(feeds);
    for (const { id } of rows) await ctx.jobs.enqueue(ctx.db, pollFeed, { feedId: id }, { singletonKey: `feed:${id}` });
  },
});
