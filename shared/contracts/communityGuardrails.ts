import { z } from 'zod';
import { Id } from './common';

// ── Flags ──

/** Why a member reports a post (Discourse's flag types; a message is required for something_else). */
export const FLAG_REASONS = ['spam', 'inappropriate', 'off_topic', 'illegal', 'something_else'] as const;
export const FLAG_MESSAGE_MAX = 1000;

export const FlagBody = z
  .strictObject({
    reason: z.enum(FLAG_REASONS, { error: `Flag a post as one of: ${FLAG_REASONS.join(', ')}.` }),
    message: z.string().trim().max(FLAG_MESSAGE_MAX, `Keep the message under ${FLAG_MESSAGE_MAX} characters.`).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.reason === 'something_else' && !v.message) ctx.addIssue({ code: 'custom', path: ['message'], message: 'Tell the moderators what is wrong with this post.' });
  });
export type FlagBody = z.infer<typeof FlagBody>;

export const FlagStatus = z.enum(['pending', 'agreed', 'disagreed']);

/** What the flagging member gets back. */
export const MyFlag = z.object({ id: Id, postId: Id, reason: z.enum(FLAG_REASONS), message: z.string().nullable(), status: FlagStatus, createdAt: z.string() });

/** One post with its open flags, as the moderators see it. */
export const FlaggedPost = z.object({
  postId: Id,
  threadId: Id,
  threadTitle: z.string(),
  spaceId: Id,
  isOpening: z.boolean(),
  author: z.object({ kind: z.enum(['member', 'staff']), id: Id.nullable(), displayName: z.string() }),
  bodySource: z.string().nullable(),
  bodyHtml: z.string().nullable(),
  hidden: z.boolean(),
  deleted: z.boolean(),
  postCreatedAt: z.string(),
  /** Open flags per reason. */
  reasons: z.record(z.string(), z.number()),
  flagCount: z.number(),
  firstFlaggedAt: z.string(),
  flags: z.array(z.object({ id: Id, reason: z.enum(FLAG_REASONS), message: z.string().nullable(), flagger: z.object({ id: Id, displayName: z.string() }), createdAt: z.string() })),
});
export const FlaggedPosts = z.object({ posts: z.array(FlaggedPost) });

export const ResolveFlagsBody = z.strictObject({
  /** agree: the flags were right, the post is hidden; disagree: the flags are dismissed, the post stays as it is. */
  decision: z.enum(['agree', 'disagree'], { error: 'Decide agree (hide the post) or disagree (dismiss the flags).' }),
});
export const FlagResolution = z.object({ postId: Id, decision: z.enum(['agree', 'disagree']), resolvedFlags: z.number(), hidden: z.boolean() });

// ── Hiding, locking ──

export const HideBody = z.strictObject({ reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').optional() });
export const PostModeration = z.object({ postId: Id, threadId: Id, hidden: z.boolean(), hiddenAt: z.string().nullable(), threadHidden: z.boolean() });
export const ThreadLock = z.object({ threadId: Id, locked: z.boolean(), lockedAt: z.string().nullable() });

// ── Silence ──

export const SilenceBody = z.strictObject({
  /** When the silence ends (ISO 8601 with an offset); absent or null: until a moderator lifts it. */
  until: z.iso.datetime({ offset: true, error: 'Give the end as an ISO date and time with its offset, like 2027-03-12T18:00:00Z.' }).nullable().optional(),
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').optional(),
});
export type SilenceBody = z.infer<typeof SilenceBody>;

/** A member's standing as the moderators see it. */
export const MemberStanding = z.object({
  memberId: Id,
  displayName: z.string(),
  trustLevel: z.number(),
  silenced: z.boolean(),
  silencedUntil: z.string().nullable(),
  silenceReason: z.string().nullable(),
  /** Flags members raised on this member's posts: still open, and agreed by a moderator. */
  flagsOpen: z.number(),
  flagsAgreed: z.number(),
});

// ── New-member limits (settings of the community) ──

export const NewMemberLimits = z.object({
  threadsPerDay: z.number().int().min(0).max(1000),
  repliesPerDay: z.number().int().min(0).max(1000),
  secondsBetweenThreads: z.number().int().min(0).max(86_400),
  secondsBetweenReplies: z.number().int().min(0).max(86_400),
});
export const NewMemberLimitsInput = z.strictObject({
  threadsPerDay: NewMemberLimits.shape.threadsPerDay.optional(),
  repliesPerDay: NewMemberLimits.shape.repliesPerDay.optional(),
  secondsBetweenThreads: NewMemberLimits.shape.secondsBetweenThreads.optional(),
  secondsBetweenReplies: NewMemberLimits.shape.secondsBetweenReplies.optional(),
});
export type NewMemberLimitsInput = z.infer<typeof NewMemberLimitsInput>;

// ── Blocks ──

export const BlockList = z.object({
  blocks: z.array(z.object({ member: z.object({ id: Id, displayName: z.string(), avatarUrl: z.string().nullable() }), createdAt: z.string() })),
});
