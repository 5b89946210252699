import { eq, sql } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { posts, type PostPart } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { fetchLinkPreview } from '../jobs/fetchLinkPreview';
import { firstLinkOf } from '../linkPreview/firstLink';
import { EDITABLE, assertStatus } from '../policies';
import { presentPost } from '../presenters';
import { loadPost } from '../queries/getPost';
import { recordRevision } from '../revisions';
import { assertCampaign, assertMedia, writeVariants, type VariantWrite } from '../variants';

export interface UpdatePostOptions {
  ctx: AppContext;
  actor: Actor;
  postId: string;
  version?: number;
  text?: string;
  media?: PostPart['media'];
  firstComment?: string | null;
  campaignId?: string | null;
  channelIds?: string[];
  variants?: Record<string, VariantWrite | null>;
  scheduledAt?: string | null;
}

/** Every edit bumps the version and keeps a revision; an approved post that changes goes back to review. */
export async function updatePost({ ctx, actor, postId, version, text, media, firstComment, campaignId, channelIds, variants, scheduledAt }: UpdatePostOptions) {
  return ctx.db.transaction(async (tx) => {
    const { post, variants: current } = await loadPost(tx, actor.workspaceId, postId, { forUpdate: true });
    if (version !== undefined && version !== post.version) {
      throw new AppError('CONFLICT', `Someone changed this post since you opened it (version ${post.version}, yours ${version}). Reload it and edit again.`, { version: post.version });
    }
    assertStatus(post.status, EDITABLE, 'edited (cancel it first)');
    await assertCampaign(tx, actor.workspaceId, campaignId);
    await assertMedia(tx, actor.workspaceId, media, variants);
    if (channelIds || variants) {
      const ids = channelIds ?? current.map((v) => v.channelId);
      // Variants not mentioned keep their current content.
      const kept = Object.fromEntries(current.map((v) => [v.channelId, { ...(!v.inherit && { parts: v.parts }), firstComment: v.firstComment, options: v.options }]));
      const merged = { ...kept, ...variants };
      await writeVariants(tx, { workspaceId: actor.workspaceId, postId, channelIds: ids, variants: Object.fromEntries(Object.entries(merged).filter(([id]) => ids.includes(id))) });
    }
    const status = post.status === 'approved' ? 'in_review' : post.status;
    const linkChanged = text !== undefined && firstLinkOf(text) !== firstLinkOf(post.text);
    await tx
      .update(posts)
      .set({
        ...(text !== undefined && { text }),
        ...(media !== undefined && { media }),
        ...(firstComment !== undefined && { firstComment }),
        ...(campaignId !== undefined && { campaignId }),
        ...(linkChanged && { linkPreview: null }),
        ...(scheduledAt !== undefined && { scheduledAt: scheduledAt ? new Date(scheduledAt) : null }),
        status,
        approvedBy: post.status === 'approved' ? null : post.approvedBy,
        version: sql`${posts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(posts.id, post.id));
    if (linkChanged && firstLinkOf(text)) await ctx.jobs.enqueue(tx, fetchLinkPreview, { postId: post.id });
    await recordAudit({ db: tx, action: 'post.updated', workspaceId: actor.workspaceId, actor, target: { type: 'post', id: post.id }, ip: actor.ip, data: { version: post.version + 1, backToReview: status !== post.status } });
    const full = await loadPost(tx, actor.workspaceId, post.id);
    await recordRevision(tx, { post: full.post, variants: full.variants, editedBy: actor.userId });
    return presentPost(full.post, full.variants, full.targets);
  });
}
