import { ACTIONS, TOKEN_SCOPES, type TokenScope } from '../../../../../shared/permissions';
import type { Role } from '../../../../../shared/roles';

export { TOKEN_SCOPES };
export type { TokenScope };

/** Scopes the user's roles could use: a token can't do more than its owner. */
export function allowedScopes(roles: readonly Role[]): Set<string> {
  const out = new Set<string>();
  for (const a of Object.values(ACTIONS)) {
    const allowed: readonly Role[] = a.roles;
    if (roles.some((r) => allowed.includes(r))) out.add(a.scope);
  }
  return out;
}

/** Locale key suffix for a scope (`workspace:read` → `workspace_read`): ':' can't appear in i18n keys. */
export function scopeKey(scope: string): string {
  return scope.replace(/[^a-zA-Z0-9]/g, '_');
}
