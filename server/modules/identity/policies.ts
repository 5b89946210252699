import type { Actor } from '../../context';
import { ACTIONS, rolesAllow, type TokenScope } from '../../../shared/permissions';

/** A token may only carry scopes its creator's roles can use. */
export function scopesWithinRoles(actor: Actor, scopes: string[]): string[] {
  const usable = new Set(Object.entries(ACTIONS).filter(([name]) => rolesAllow(actor.roles, name as keyof typeof ACTIONS)).map(([, a]) => a.scope as TokenScope));
  return scopes.filter((s) => !usable.has(s as TokenScope));
}

export function canManageToken(actor: Actor, tokenOwnerId: string): boolean {
  return tokenOwnerId === actor.userId || rolesAllow(actor.roles, 'tokens.manageAll');
}
