import { PublishError, type ChannelCapabilities, type ConnectorContext } from '../types';

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
}

/** The variables an operator sets for a network's OAuth app (the server reads the same names). */
export function oauthAppVariables(network: string): { clientId: string; clientSecret: string } {
  const n = network.toUpperCase().replace(/-/g, '_');
  return { clientId: `OAUTH_${n}_CLIENT_ID`, clientSecret: `OAUTH_${n}_CLIENT_SECRET` };
}

/**
 * The operator's OAuth app for refreshing a channel's tokens. It comes from the server's configuration
 * (`ctx.oauthClient`), never from the channel's auth: without it no refresh can succeed, so the sign-in
 * is as good as expired, and the message names what the operator must set.
 */
export function oauthApp(ctx: ConnectorContext, capabilities: ChannelCapabilities, opts: { secret: boolean }): OAuthApp {
  const app = ctx.oauthClient;
  const vars = oauthAppVariables(capabilities.network);
  const missing = [...(app?.clientId ? [] : [vars.clientId]), ...(!opts.secret || app?.clientSecret ? [] : [vars.clientSecret])];
  if (missing.length > 0) {
    throw new PublishError('auth_expired', `${capabilities.displayName} sign-ins cannot be renewed: this server has no ${capabilities.displayName} OAuth app configured (set ${missing.join(' and ')}).`, { networkCode: 'oauth_app_missing' });
  }
  return { clientId: app!.clientId, clientSecret: app!.clientSecret ?? '' };
}

/**
 * Keys older versions stored the app's credentials under, inside each channel's auth. A refreshed auth
 * leaves them out, so the next store drops them.
 */
const LEGACY_APP_KEYS = ['clientId', 'clientSecret', 'clientKey'];

export function withoutAppCredentials(auth: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(auth).filter(([k]) => !LEGACY_APP_KEYS.includes(k)));
}

/** `connect` for a network with no sign-in by form: its accounts connect through the OAuth flow only. */
export function connectThroughOAuth(network: string, signIn: string) {
  return async (): Promise<never> => {
    throw new PublishError('rejected', `${network} accounts connect through ${signIn} (OAuth), not a form.`);
  };
}
