import { and, eq, inArray } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { channels, postRevisions } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import type { PostSnapshot } from '../revisions';
import { updatePost } from './updatePost';

/**
 * Puts an earlier version's content back as a new version (history is never rewritten). Channels
 * disconnected since then are left out, and the answer says so through the post's channel list.
 */
export async function restoreRevision({ ctx, actor, postId, version }: { ctx: AppContext; actor: Actor; postId: string; version: number }) {
  const [rev] = await ctx.db.select().from(postRevisions).where(and(eq(postRevisions.postId, postId), eq(postRevisions.workspaceId, actor.workspaceId), eq(postRevisions.version, version)));
  if (!rev) throw notFound(`Version ${version} of that post`);
  const s = rev.snapshot as PostSnapshot;
  const wanted = s.variants.map((v) => v.channelId);
  const still = wanted.length ? (await ctx.db.select({ id: channels.id }).from(channels).where(and(eq(channels.workspaceId, actor.workspaceId), inArray(channels.id, wanted)))).map((c) => c.id) : [];
  if (!still.length) throw new AppError('CONFLICT', `None of the channels of version ${version} is connected any more; connect one, or copy the text by hand.`, { version });
  const variants = Object.fromEntries(s.variants.filter((v) => still.includes(v.channelId)).map((v) => [v.channelId, { ...(!v.inherit && { parts: v.parts }), firstComment: v.firstComment, options: v.options }]));
  return updatePost({ ctx, actor, postId, text: s.text, media: s.media, firstComment: s.firstComment, campaignId: s.campaignId, channelIds: still, variants });
}
