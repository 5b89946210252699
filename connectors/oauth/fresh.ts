import { PublishError, type ChannelAuth, type ConnectorContext } from '../types';

/** Refresh when less than this is left, so a call never starts with a token about to die. */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * The access token to use now, for networks whose tokens last hours: refreshed first (and reported
 * through `onAuthRefreshed`, once per context) when it expires within a minute.
 */
export function accessTokenKeeper(displayName: string, refresh: (ctx: ConnectorContext) => Promise<ChannelAuth>) {
  const refreshed = new WeakMap<ConnectorContext, ChannelAuth>();
  return async function freshAccessToken(ctx: ConnectorContext): Promise<string> {
    const auth = refreshed.get(ctx) ?? ctx.auth;
    const expiresAt = auth.expiresAt ? Date.parse(auth.expiresAt) : Number.NaN;
    if (auth.refreshToken && Number.isFinite(expiresAt) && expiresAt - Date.now() < REFRESH_MARGIN_MS) {
      const fresh = await refresh({ ...ctx, auth });
      refreshed.set(ctx, fresh);
      await ctx.onAuthRefreshed(fresh);
      return fresh.accessToken!;
    }
    if (!auth.accessToken) throw new PublishError('auth_expired', `This ${displayName} channel has no access token; connect it again.`);
    return auth.accessToken;
  };
}
