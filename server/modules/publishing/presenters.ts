import type { postTargets, postVariants, posts, publishAttempts, publishingSettings } from '../../db/schema';

type PostRow = typeof posts.$inferSelect;
type VariantRow = typeof postVariants.$inferSelect;
type TargetRow = typeof postTargets.$inferSelect;

/** Parts as published: an inheriting variant is the base text as one part. */
export function partsOf(post: Pick<PostRow, 'text' | 'media'>, v: Pick<VariantRow, 'inherit' | 'parts'>) {
  return v.inherit ? [{ text: post.text, media: post.media }] : v.parts;
}

/** What goes out on the channel, in order: the parts (a thread when several), then the first comment as a reply. */
export function publishPartsOf(post: Pick<PostRow, 'text' | 'media' | 'firstComment'>, v: Pick<VariantRow, 'inherit' | 'parts' | 'firstComment'>) {
  const comment = firstCommentOf(post, v);
  return [...partsOf(post, v), ...(comment ? [{ text: comment, media: [] }] : [])];
}

/** The variant's own first comment when it set one ('' = none on this channel), else the base one. */
export function firstCommentOf(post: Pick<PostRow, 'firstComment'>, v: Pick<VariantRow, 'firstComment'>): string | null {
  const c = v.firstComment ?? post.firstComment;
  return c?.trim() ? c : null;
}

export function presentPost(p: PostRow, variants: VariantRow[], targets: TargetRow[]) {
  return {
    id: p.id,
    authorId: p.authorId,
    text: p.text,
    media: p.media,
    firstComment: p.firstComment,
    linkPreview: p.linkPreview ?? null,
    campaignId: p.campaignId,
    status: p.status,
    scheduledAt: p.scheduledAt?.toISOString() ?? null,
    approvedBy: p.approvedBy,
    version: p.version,
    variants: variants.map((v) => ({ channelId: v.channelId, inherit: v.inherit, parts: partsOf(p, v).map((part) => ({ text: part.text, media: part.media })), firstComment: firstCommentOf(p, v), ownFirstComment: v.firstComment, options: v.options })),
    targets: targets.map((t) => ({
      id: t.id,
      channelId: t.channelId,
      state: t.state,
      dueAt: t.dueAt.toISOString(),
      nextPart: t.nextPart,
      remoteRefs: t.remoteRefs.map((r) => ({ id: r.id, ...(r.url && { url: r.url }) })),
      lastError: t.lastError,
      publishedAt: t.publishedAt?.toISOString() ?? null,
    })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentAttempt(a: typeof publishAttempts.$inferSelect) {
  return { id: a.id, targetId: a.targetId, partIndex: a.partIndex, worker: a.worker, attemptedAt: a.attemptedAt.toISOString(), outcome: a.outcome, errorKind: a.errorKind, message: a.message, remoteId: a.remoteId, request: a.request ?? null, durationMs: a.durationMs };
}

export function presentSettings(s: Pick<typeof publishingSettings.$inferSelect, 'approvalRequired' | 'approverRoles' | 'paused' | 'pausedAt' | 'pausedBy'>) {
  return { approvalRequired: s.approvalRequired, approverRoles: s.approverRoles as never[], paused: s.paused, pausedAt: s.pausedAt?.toISOString() ?? null, pausedBy: s.pausedBy };
}
