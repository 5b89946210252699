import type { Db } from '../../../db/client';
import { loadPost } from './getPost';
import { listRevisionRows, type PostSnapshot } from '../revisions';

/** Every version of the post, newest first, with who made it. */
export async function listRevisions(db: Db, workspaceId: string, postId: string) {
  await loadPost(db, workspaceId, postId);
  const rows = await listRevisionRows(db, workspaceId, postId);
  return rows.map((r) => {
    const s = r.snapshot as PostSnapshot;
    return {
      version: r.version,
      editedBy: r.editedBy,
      createdAt: r.createdAt.toISOString(),
      text: s.text,
      media: s.media,
      firstComment: s.firstComment,
      campaignId: s.campaignId,
      scheduledAt: s.scheduledAt,
      status: s.status,
      variants: s.variants.map((v) => ({ channelId: v.channelId, inherit: v.inherit, parts: v.inherit ? [{ text: s.text, media: s.media }] : v.parts, firstComment: v.firstComment, options: v.options })),
    };
  });
}
