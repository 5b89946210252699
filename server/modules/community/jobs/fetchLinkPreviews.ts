import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { communityPosts, type CommunityLinkPreview } from '../../../db/schema';
import { defineJob } from '../../../jobs/defineJob';
import { fetchLinkPreview as fetchPagePreview } from '../../../net/linkPreview';
import { standaloneLinks, toStoredPreview } from '../linkPreviews';

/**
 * Cards for the links standing alone on their own line of a community post, fetched after the post
 * is saved (never while the writer waits) with the publishing module's SSRF-guarded fetcher. Stored
 * only if the post is still at the version that asked, so an edit meanwhile wins.
 */
export const fetchCommunityLinkPreviews = defineJob({
  id: 'community.fetchLinkPreviews',
  payload: z.object({ postId: z.uuid(), version: z.number().int() }),
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  expireInSeconds: 60,
  async handler({ postId, version }, ctx) {
    const [post] = await ctx.db.select().from(communityPosts).where(eq(communityPosts.id, postId));
    if (!post || post.deletedAt || post.version !== version) return;
    const links = standaloneLinks(post.bodySource);
    const known = new Map(post.linkPreviews.map((p) => [p.url, p]));
    const previews: CommunityLinkPreview[] = [];
    for (const link of links) {
      const kept = known.get(link);
      if (kept) {
        previews.push(kept);
        continue;
      }
      const card = await fetchPagePreview(link).catch((err: Error) => {
        ctx.log.info({ postId, err: err.message }, 'community link preview not available');
        return null;
      });
      if (card) previews.push(toStoredPreview(link, card));
    }
    if (JSON.stringify(previews) === JSON.stringify(post.linkPreviews)) return;
    await ctx.db.update(communityPosts).set({ linkPreviews: previews }).where(and(eq(communityPosts.id, postId), eq(communityPosts.version, version)));
  },
});
