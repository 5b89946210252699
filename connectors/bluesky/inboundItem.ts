import { AtUri } from '@atproto/api';
import type { InboundItem, InboundKind } from '../types';

/** What listNotifications and getPostThread both give for a post: enough to make an inbound item. */
export interface PostLike {
  uri: string;
  cid: string;
  author: { did: string; handle: string; displayName?: string; avatar?: string };
  /** The raw `app.bsky.feed.post` record. */
  record: unknown;
  /** The AppView's sort time: min(createdAt, indexed time). */
  indexedAt: string;
}

interface StrongRef {
  uri: string;
  cid: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isStrongRef = (v: unknown): v is StrongRef => isObject(v) && typeof v.uri === 'string' && typeof v.cid === 'string';
const hostOf = (uri: string) => {
  try {
    return new AtUri(uri).host;
  } catch {
    return '';
  }
};

/** `record.reply` when well formed. */
export function replyOf(record: unknown): { root: StrongRef; parent: StrongRef } | undefined {
  if (!isObject(record) || !isObject(record.reply)) return undefined;
  const { root, parent } = record.reply;
  return isStrongRef(root) && isStrongRef(parent) ? { root, parent } : undefined;
}

/** The post a record quotes (`app.bsky.embed.record`, or the record half of `recordWithMedia`). */
export function quotedOf(record: unknown): StrongRef | undefined {
  if (!isObject(record) || !isObject(record.embed)) return undefined;
  const embed = record.embed;
  if (embed.$type === 'app.bsky.embed.record' && isStrongRef(embed.record)) return embed.record;
  if (embed.$type === 'app.bsky.embed.recordWithMedia' && isObject(embed.record) && isStrongRef(embed.record.record)) return embed.record.record;
  return undefined;
}

/**
 * The kind comes from the record, not from the notification's reason, so the same post gets the same
 * kind whichever way we found it (inbound storage is unique by kind and id). The AppView gives one
 * notification per post and account, and a mention wins over a reply or a quote there: a reply under
 * our post that also @-mentions us arrives with reason "mention" but is a reply.
 */
export function kindOf(record: unknown, ourDid: string, reason?: string): InboundKind {
  const reply = replyOf(record);
  if (reason === 'reply' || (reply && (hostOf(reply.root.uri) === ourDid || hostOf(reply.parent.uri) === ourDid))) return 'reply';
  const quoted = quotedOf(record);
  if (quoted && hostOf(quoted.uri) === ourDid) return 'quote';
  return 'mention';
}

/** Bluesky's web address of a profile: the handle, or the DID when the handle does not verify. */
export function profileUrl(author: { did: string; handle: string }): string {
  const who = author.handle && author.handle !== 'handle.invalid' ? author.handle : author.did;
  return `https://bsky.app/profile/${who}`;
}

export function toInboundItem(post: PostLike, ourDid: string, reason?: string): InboundItem {
  const record = isObject(post.record) ? post.record : {};
  const kind = kindOf(record, ourDid, reason);
  const reply = replyOf(record);
  const quoted = quotedOf(record);
  const rkey = new AtUri(post.uri).rkey;
  const created = typeof record.createdAt === 'string' ? new Date(record.createdAt) : new Date(NaN);
  const langs = Array.isArray(record.langs) ? record.langs.filter((l): l is string => typeof l === 'string') : [];

  const item: InboundItem = {
    networkId: post.uri,
    kind,
    author: {
      id: post.author.did,
      handle: post.author.handle,
      ...(post.author.displayName ? { displayName: post.author.displayName } : {}),
      ...(post.author.avatar ? { avatarUrl: post.author.avatar } : {}),
      url: profileUrl(post.author),
    },
    text: typeof record.text === 'string' ? record.text : '',
    url: `${profileUrl(post.author)}/post/${rkey}`,
    createdAt: Number.isNaN(created.getTime()) ? new Date(post.indexedAt) : created,
    // rootUri/rootCid: the thread's first post, which a reply to this item must name as its root.
    meta: { cid: post.cid, rootUri: reply?.root.uri ?? post.uri, rootCid: reply?.root.cid ?? post.cid },
  };
  if (langs[0]) item.language = langs[0];
  if (reply) item.parentId = reply.parent.uri;
  // rootId is *our* post the item sits under: the thread's root when we started the thread, the
  // quoted post for a quote of ours. Replies in someone else's thread have none (we cannot hide them).
  if (reply && hostOf(reply.root.uri) === ourDid) item.rootId = reply.root.uri;
  else if (kind === 'quote' && quoted) {
    item.rootId = quoted.uri;
    item.parentId ??= quoted.uri;
  }
  return item;
}
