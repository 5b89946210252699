import type { ConnectorContext, RemoteRef } from '../types';
import type { GraphApi } from './api';
import { sameText, type Journal } from './journal';

/** How far before the planned time a post may have gone out (clock skew, early runs). */
export const LOOKBACK_S = 600;

export interface OwnPosts {
  /** The account's edges to look through, in order (`threads`, `replies`; `media`). */
  edges: string[];
  /** Where the network keeps a post's text (`text`; Instagram's `caption`). */
  textField: string;
  /** How many of the newest posts per edge. */
  limit: number;
}

/**
 * Meta keeps no idempotency key: a post is recognised by its text among the account's own posts since
 * the planned time (`GET /{user-id}/{edge}?since=`).
 */
export async function findOwnPost(api: GraphApi, ctx: ConnectorContext, where: OwnPosts, text: string, since: Date): Promise<RemoteRef | null> {
  const params = { fields: `id,${where.textField},timestamp,permalink`, since: Math.floor(since.getTime() / 1000) - LOOKBACK_S, limit: where.limit };
  const uid = api.userId(ctx);
  for (const edge of where.edges) {
    const res = await api.call<{ data?: (Record<string, string | undefined> & { id: string })[] }>(ctx, 'GET', `${uid}/${edge}`, params);
    const hit = (res.data ?? []).find((p) => sameText(p[where.textField], text));
    if (hit) return { id: hit.id, url: hit.permalink };
  }
  return null;
}

/** `findPublished`: only keys this process sent can be looked for (their texts are in the journal). */
export async function findJournalled(api: GraphApi, ctx: ConnectorContext, where: OwnPosts, journal: Journal, key: string, scheduledAt: Date): Promise<RemoteRef | null> {
  const entry = journal.get(key);
  return entry ? findOwnPost(api, ctx, where, entry.text, scheduledAt) : null;
}
