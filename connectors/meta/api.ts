import { PublishError, type ConnectorContext } from '../types';
import { graphCall, type Params } from './graph';

/** A versioned Graph host as one account sees it (`ctx.auth.accessToken`, `ctx.auth.userId`). */
export interface GraphApi {
  /** The host's origin: `ctx.baseUrl` in tests, else the network's. */
  origin(baseUrl?: string): string;
  call<T>(ctx: ConnectorContext, method: 'GET' | 'POST' | 'DELETE', path: string, params?: Params): Promise<T>;
  /** The account's node id, stored at connect time. */
  userId(ctx: ConnectorContext): string;
  /** A published object's address; the object is out already, so a failure only leaves the URL out. */
  permalink(ctx: ConnectorContext, id: string): Promise<string | undefined>;
}

export function graphApi(opts: { name: string; origin: string; version: string }): GraphApi {
  const origin = (baseUrl?: string) => (baseUrl ?? opts.origin).replace(/\/+$/, '');
  const api: GraphApi = {
    origin,
    call(ctx, method, path, params = {}) {
      const token = ctx.auth.accessToken;
      if (!token) throw new PublishError('auth_expired', `This ${opts.name} channel has no access token; reconnect it.`);
      return graphCall(method, `${origin(ctx.baseUrl)}/${opts.version}/${path}`, params, token);
    },
    userId(ctx) {
      const id = ctx.auth.userId;
      if (!id) throw new PublishError('auth_expired', `This ${opts.name} channel has no account id; reconnect it.`);
      return id;
    },
    async permalink(ctx, id) {
      try {
        return (await api.call<{ permalink?: string }>(ctx, 'GET', id, { fields: 'permalink' })).permalink;
      } catch {
        return undefined;
      }
    },
  };
  return api;
}
