import type { Actor } from '../../context';
import type { PostStatus } from '../../db/schema';
import { AppError, forbidden } from '../../errors';

/** Content can change until the post is handed to the publisher. */
export const EDITABLE: PostStatus[] = ['draft', 'in_review', 'approved'];

export function assertStatus(status: PostStatus, allowed: PostStatus[], doing: string) {
  if (!allowed.includes(status)) {
    throw new AppError('CONFLICT', `A post that is ${status.replace('_', ' ')} cannot be ${doing}; only a post that is ${allowed.map((s) => s.replace('_', ' ')).join(' or ')} can.`, { status });
  }
}

/**
 * The matrix lets a role approve at all; the workspace's approver roles narrow it, and when approval
 * is required an author may not approve their own post (four eyes).
 */
export function assertCanApprove(actor: Actor, settings: { approvalRequired: boolean; approverRoles: string[] }, authorId: string | null) {
  if (!actor.roles.some((r) => settings.approverRoles.includes(r))) {
    throw forbidden(`In this workspace only ${settings.approverRoles.join(', ')} may approve posts.`);
  }
  if (settings.approvalRequired && authorId === actor.userId) {
    throw forbidden('You wrote this post; approval is required here, so someone else must approve it.');
  }
}
