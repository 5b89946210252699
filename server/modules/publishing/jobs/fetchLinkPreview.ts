import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { posts } from '../../../db/schema';
import { defineJob } from '../../../jobs/defineJob';
import { firstLinkOf } from '../linkPreview/firstLink';
import { fetchLinkPreview as fetchPreview } from '../../../net/linkPreview';

/** Fetches the card of the post's first link outside the request, and stores it if the link is still the same. */
export const fetchLinkPreview = defineJob({
  id: 'publishing.fetchLinkPreview',
  payload: z.object({ postId: z.uuid() }),
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  expireInSeconds: 60,
  async handler({ postId }, ctx) {
    const [post] = await ctx.db.select({ text: posts.text }).from(posts).where(eq(posts.id, postId));
    const url = firstLinkOf(post?.text);
    if (!url) return;
    const preview = await fetchPreview(url).catch((err: Error) => {
      ctx.log.info({ postId, err: err.message }, 'link preview not available');
      return null;
    });
    if (!preview) return;
    // The text may have changed while we fetched: store only if the first link is still this one.
    const [now] = await ctx.db.select({ text: posts.text }).from(posts).where(eq(posts.id, postId));
    if (firstLinkOf(now?.text) === url) await ctx.db.update(posts).set({ linkPreview: preview }).where(and(eq(posts.id, postId)));
  },
});
