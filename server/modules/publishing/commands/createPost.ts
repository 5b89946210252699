import type { Actor, AppContext } from '../../../context';
import { posts, type PostPart } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { fetchLinkPreview } from '../jobs/fetchLinkPreview';
import { firstLinkOf } from '../linkPreview/firstLink';
import { loadPost } from '../queries/getPost';
import { presentPost } from '../presenters';
import { recordRevision } from '../revisions';
import { assertCampaign, assertMedia, writeVariants, type VariantWrite } from '../variants';

export interface CreatePostOptions {
  ctx: AppContext;
  actor: Actor;
  text: string;
  media?: PostPart['media'];
  firstComment?: string | null;
  campaignId?: string | null;
  channelIds: string[];
  variants?: Record<string, VariantWrite>;
  scheduledAt?: string;
}

/** A draft: the base text and media, one variant per channel, and the planned time if known. */
export async function createPost({ ctx, actor, text, media, firstComment, campaignId, channelIds, variants, scheduledAt }: CreatePostOptions) {
  return ctx.db.transaction(async (tx) => {
    await assertCampaign(tx, actor.workspaceId, campaignId);
    await assertMedia(tx, actor.workspaceId, media, variants);
    const [post] = await tx
      .insert(posts)
      .values({ workspaceId: actor.workspaceId, authorId: actor.userId, text, media: media ?? [], firstComment: firstComment ?? null, campaignId: campaignId ?? null, scheduledAt: scheduledAt ? new Date(scheduledAt) : null })
      .returning();
    await writeVariants(tx, { workspaceId: actor.workspaceId, postId: post!.id, channelIds, variants });
    if (firstLinkOf(text)) await ctx.jobs.enqueue(tx, fetchLinkPreview, { postId: post!.id });
    await recordAudit({ db: tx, action: 'post.created', workspaceId: actor.workspaceId, actor, target: { type: 'post', id: post!.id }, ip: actor.ip, data: { channels: channelIds.length } });
    const full = await loadPost(tx, actor.workspaceId, post!.id);
    await recordRevision(tx, { post: full.post, variants: full.variants, editedBy: actor.userId });
    return presentPost(full.post, full.variants, full.targets);
  });
}
