import type { Actor, AppContext } from '../../../context';
import { posts, type PostPart } from '../../../db/schema';
import { recordAudit } from '../../audit';
import { loadPost } from '../queries/getPost';
import { presentPost } from '../presenters';
import { writeVariants } from '../variants';

export interface CreatePostOptions {
  ctx: AppContext;
  actor: Actor;
  text: string;
  channelIds: string[];
  variants?: Record<string, { parts: PostPart[] }>;
  scheduledAt?: string;
}

/** A draft: the base text, one variant per channel, and the planned time if known. */
export async function createPost({ ctx, actor, text, channelIds, variants, scheduledAt }: CreatePostOptions) {
  return ctx.db.transaction(async (tx) => {
    const [post] = await tx.insert(posts).values({ workspaceId: actor.workspaceId, authorId: actor.userId, text, scheduledAt: scheduledAt ? new Date(scheduledAt) : null }).returning();
    await writeVariants(tx, { workspaceId: actor.workspaceId, postId: post!.id, channelIds, variants });
    await recordAudit({ db: tx, action: 'post.created', workspaceId: actor.workspaceId, actor, target: { type: 'post', id: post!.id }, ip: actor.ip, data: { channels: channelIds.length } });
    const full = await loadPost(tx, actor.workspaceId, post!.id);
    return presentPost(full.post, full.variants, full.targets);
  });
}
