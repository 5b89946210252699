import type { apiTokens, users } from '../../db/schema';
import type { Locale } from '../../../shared/contracts/common';
import type { Role } from '../../../shared/roles';

export interface MembershipRow {
  workspaceId: string;
  workspaceName: string;
  roles: Role[];
  hat: Role;
}

export function presentMe(user: typeof users.$inferSelect, memberships: MembershipRow[], csrfToken: string) {
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale as Locale, totpEnabled: user.totpEnabled },
    memberships,
    csrfToken,
  };
}

export function presentApiToken(t: typeof apiTokens.$inferSelect & { ownerName: string }) {
  return {
    id: t.id,
    name: t.name,
    scopes: t.scopes,
    ownerName: t.ownerName,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}
