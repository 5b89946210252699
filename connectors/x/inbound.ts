import { PublishError, type ConnectorContext, type InboundItem, type InboundKind, type InboundRef, type RemoteRef } from '../types';
import { call, postUrl, userClient, userIdOf } from './client';
import { checkText, sendTweet } from './publish';

interface Tweet {
  id: string;
  text: string;
  author_id?: string;
  conversation_id?: string;
  created_at?: string;
  lang?: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted' | 'retweeted'; id: string }[];
}
interface User {
  id: string;
  username: string;
  name?: string;
  profile_image_url?: string;
}
interface MentionsPage {
  data?: Tweet[];
  includes?: { users?: User[] };
  meta?: { newest_id?: string; result_count?: number };
}

const QUERY = {
  max_results: 100,
  'tweet.fields': 'author_id,conversation_id,created_at,lang,referenced_tweets',
  expansions: 'author_id',
  'user.fields': 'name,username,profile_image_url',
};

/**
 * Mentions of the account since the cursor (`since_id`, the newest id seen). A mention that answers
 * one of our posts, or sits in a conversation one of our posts started, is a 'reply'; one that quotes
 * our post is a 'quote'; anything else is a 'mention'.
 */
export async function pullMentions(ctx: ConnectorContext, opts: { cursor?: string; ourPosts?: RemoteRef[] }): Promise<{ items: InboundItem[]; cursor?: string }> {
  const client = userClient(ctx);
  const query: Record<string, string | number> = { ...QUERY };
  if (opts.cursor) query.since_id = opts.cursor;
  const page = await call(() => client.v2.get<MentionsPage>(`users/${userIdOf(ctx)}/mentions`, query));
  const ours = new Set((opts.ourPosts ?? []).map((r) => r.id));
  const users = new Map((page.includes?.users ?? []).map((u) => [u.id, u]));
  const items = (page.data ?? []).map((t) => toItem(t, users.get(t.author_id ?? ''), ours));
  return { items, cursor: page.meta?.newest_id ?? opts.cursor };
}

function toItem(t: Tweet, user: User | undefined, ours: Set<string>): InboundItem {
  const parent = t.referenced_tweets?.find((r) => r.type === 'replied_to')?.id;
  const quoted = t.referenced_tweets?.find((r) => r.type === 'quoted')?.id;
  const inOurThread = (parent && ours.has(parent)) || (t.conversation_id && ours.has(t.conversation_id));
  const kind: InboundKind = inOurThread ? 'reply' : quoted && ours.has(quoted) ? 'quote' : 'mention';
  const rootId = inOurThread ? t.conversation_id : kind === 'quote' ? quoted : undefined;
  const handle = user?.username ?? t.author_id ?? 'unknown';
  const item: InboundItem = {
    networkId: t.id,
    kind,
    author: { id: t.author_id ?? handle, handle, displayName: user?.name, avatarUrl: user?.profile_image_url, url: user ? `https://x.com/${user.username}` : undefined },
    text: t.text,
    language: t.lang && t.lang !== 'und' && t.lang !== 'zxx' ? t.lang : undefined,
    parentId: parent ?? quoted,
    rootId,
    conversationId: t.conversation_id,
    url: postUrl(user?.username, t.id),
    createdAt: new Date(t.created_at ?? Date.now()),
  };
  return item;
}

/** Answers a mention or reply with a post in its conversation. */
export async function replyTo(ctx: ConnectorContext, to: InboundRef, input: { text: string; idempotencyKey: string }): Promise<RemoteRef> {
  if (input.text.trim() === '') throw new PublishError('rejected', 'A reply needs text.');
  checkText(input.text);
  return sendTweet(ctx, userClient(ctx), { text: input.text, reply: { in_reply_to_tweet_id: to.id } }, input.idempotencyKey, new Date());
}

/** `PUT /2/tweets/:id/hidden`: X lets the author of a conversation hide replies in it. */
export async function hideReply(ctx: ConnectorContext, item: InboundRef): Promise<void> {
  const client = userClient(ctx);
  const res = await call(() => client.v2.hideReply(item.id, true));
  if (!res.data?.hidden) throw new PublishError('rejected', 'X did not hide the reply.');
}
