import { rolesAllow } from '../../../shared/permissions';
import type { Actor } from '../../context';
import type { communityMembers, communitySpaces } from '../../db/schema';
import { AppError, conflict, forbidden, notFound, unauthenticated } from '../../errors';

type MemberRow = typeof communityMembers.$inferSelect;
type SpaceRow = typeof communitySpaces.$inferSelect;

/** Who reads or writes in the community: nobody signed in, a member, or a team user (staff). */
export type Viewer = AnonymousViewer | MemberViewer | StaffViewer;
export interface AnonymousViewer {
  kind: 'anonymous';
  workspaceId: string;
}
export interface MemberViewer {
  kind: 'member';
  workspaceId: string;
  member: MemberRow;
  sessionId: string;
  csrfToken: string;
}
export interface StaffViewer {
  kind: 'staff';
  workspaceId: string;
  userId: string;
  userName: string;
  canModerate: boolean;
  ip: string | null;
  /** Posting as one of the community's moderator personas (team API only). */
  personaId?: string | null;
}
export type Writer = MemberViewer | StaffViewer;

export function staffOf(actor: Actor): StaffViewer {
  return { kind: 'staff', workspaceId: actor.workspaceId, userId: actor.userId, userName: actor.userName, canModerate: rolesAllow(actor.roles, 'community.moderate'), ip: actor.ip };
}

/**
 * Reading a space: staff see all; public spaces are open; members-only spaces need a member
 * session; private spaces need an invitation and do not reveal they exist to anyone else.
 */
export function canReadSpace(viewer: Viewer, space: Pick<SpaceRow, 'visibility'>, invited: boolean): boolean {
  if (viewer.kind === 'staff' || space.visibility === 'public') return true;
  if (viewer.kind !== 'member') return false;
  return space.visibility === 'members' || invited;
}

export function assertCanReadSpace(viewer: Viewer, space: Pick<SpaceRow, 'visibility'>, invited: boolean): void {
  if (canReadSpace(viewer, space, invited)) return;
  if (space.visibility === 'members' && viewer.kind === 'anonymous') throw unauthenticated('This space is for members: sign in to the community to read it.');
  throw notFound('That space');
}

/** Members acknowledge the community guidelines once before their first post. */
export function assertAcknowledgedGuidelines(writer: Writer): void {
  if (writer.kind === 'member' && !writer.member.guidelinesAcknowledgedAt) {
    throw new AppError('FORBIDDEN', 'Read and acknowledge the community guidelines before your first post.', { reason: 'guidelines_not_acknowledged' });
  }
}

export function assertCanStartThread(writer: Writer, space: Pick<SpaceRow, 'whoCanStart' | 'name'>): void {
  if (writer.kind === 'member' && space.whoCanStart === 'staff') throw forbidden(`Only staff start threads in "${space.name}"; you can reply to its threads.`);
}

/** Whether a new post by this writer waits for a moderator; staff posts never do. */
export function needsApproval(writer: Writer, space: Pick<SpaceRow, 'requireThreadApproval' | 'requireReplyApproval'>, what: 'thread' | 'reply'): boolean {
  if (writer.kind === 'staff') return false;
  return what === 'thread' ? space.requireThreadApproval : space.requireReplyApproval;
}

interface Authored {
  authorMemberId: string | null;
  authorUserId: string | null;
}

export function isAuthor(viewer: Viewer, row: Authored): boolean {
  if (viewer.kind === 'member') return row.authorMemberId === viewer.member.id;
  if (viewer.kind === 'staff') return row.authorUserId === viewer.userId;
  return false;
}

/** A pending post or thread is seen only by its author and the staff. */
export function canSeePending(viewer: Viewer, row: Authored): boolean {
  return viewer.kind === 'staff' || isAuthor(viewer, row);
}

/** Only the author edits a post (moderators hide or delete instead: a post keeps its author's words). */
export function assertCanEdit(writer: Writer, post: Authored): void {
  if (!isAuthor(writer, post)) throw forbidden('You can edit only your own posts.');
}

export function assertCanDelete(writer: Writer, post: Authored): void {
  if (isAuthor(writer, post)) return;
  if (writer.kind === 'staff' && writer.canModerate) return;
  throw forbidden('You can delete only your own posts.');
}

/** Q&A spaces: the question's author or staff accept (and un-accept) an answer. */
export function assertCanAcceptAnswer(writer: Writer, space: Pick<SpaceRow, 'kind' | 'name'>, thread: Authored): void {
  if (space.kind !== 'qa') throw new AppError('CONFLICT', `"${space.name}" is a discussion space; only Q&A spaces have accepted answers.`);
  if (writer.kind === 'staff' || isAuthor(writer, thread)) return;
  throw forbidden('Only the author of the question, or staff, accept an answer.');
}

/** Hidden posts and threads keep their words for the staff and their author. */
export function canSeeHidden(viewer: Viewer, row: Authored): boolean {
  return viewer.kind === 'staff' || isAuthor(viewer, row);
}

/**
 * What stands in for a post's words for this viewer: `hidden` (a moderator hid it), `blocked` (the
 * viewer blocked its author), or null (the words are shown).
 */
export function placeholderFor(viewer: Viewer, post: Authored & { hiddenAt: Date | null }, blocked: ReadonlySet<string>): 'hidden' | 'blocked' | null {
  if (post.hiddenAt && !canSeeHidden(viewer, post)) return 'hidden';
  if (viewer.kind === 'member' && post.authorMemberId && blocked.has(post.authorMemberId)) return 'blocked';
  return null;
}

/** Staff-only thread states: a locked thread takes no member replies (staff may still answer). */
export function assertThreadOpen(writer: Writer, thread: { lockedAt: Date | null }): void {
  if (thread.lockedAt && writer.kind === 'member') throw conflict('A moderator locked this thread: it takes no new replies.');
}
