import { rolesAllow } from '../../../shared/permissions';
import type { Actor } from '../../context';
import { forbidden } from '../../errors';

/** Everyone may delete their own comment; owners and marketing managers anyone's. */
export function canDeleteComment(actor: Actor, comment: { authorId: string | null }): boolean {
  return comment.authorId === actor.userId || rolesAllow(actor.roles, 'comments.moderate');
}

export function assertCanDeleteComment(actor: Actor, comment: { authorId: string | null }): void {
  if (!canDeleteComment(actor, comment)) throw forbidden('You can delete only your own comments; an owner or a marketing manager can delete any.');
}
