import { and, eq } from 'drizzle-orm';
import type { Actor, AppContext } from '../../../context';
import { apiTokens } from '../../../db/schema';
import { randomToken, sha256 } from '../../../crypto';
import { AppError, forbidden, notFound } from '../../../errors';
import { recordAudit } from '../../audit';
import { canManageToken, scopesWithinRoles } from '../policies';
import { TOKEN_PREFIX } from '../queries/resolveApiToken';

export interface CreateApiTokenOptions {
  ctx: AppContext;
  actor: Actor;
  name: string;
  scopes: string[];
  expiresInDays?: number;
}

/** Returns the row and the token itself, which is shown once and never stored. */
export async function createApiToken({ ctx, actor, name, scopes, expiresInDays }: CreateApiTokenOptions) {
  const beyond = scopesWithinRoles(actor, scopes);
  if (beyond.length) throw new AppError('FORBIDDEN', `Your roles cannot use these scopes: ${beyond.join(', ')}.`, { scopes: beyond });
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        name,
        scopes: [...new Set(scopes)].sort(),
        tokenHash: sha256(token),
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      })
      .returning();
    await recordAudit({ db: tx, action: 'token.created', workspaceId: actor.workspaceId, actor, target: { type: 'api_token', id: row!.id }, ip: actor.ip, data: { name, scopes } });
    return { row: { ...row!, ownerName: actor.userName }, token };
  });
}

export async function revokeApiToken({ ctx, actor, tokenId }: { ctx: AppContext; actor: Actor; tokenId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiTokens).where(and(eq(apiTokens.id, tokenId), eq(apiTokens.workspaceId, actor.workspaceId)));
    if (!row) throw notFound('That API token');
    if (!canManageToken(actor, row.userId)) throw forbidden('Only the token’s owner or a workspace owner can revoke it.');
    if (row.revokedAt) return;
    await tx.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, row.id));
    await recordAudit({ db: tx, action: 'token.revoked', workspaceId: actor.workspaceId, actor, target: { type: 'api_token', id: row.id }, ip: actor.ip, data: { name: row.name } });
  });
}
