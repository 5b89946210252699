import type { mastodon } from 'masto';
import { PublishError, type ConnectorContext, type InboundRef, type RemoteRef } from '../types';
import { channelClient, ourAccount, withIdempotencyKey } from './client';
import { classified } from './errors';
import { isScheduledRef, statusIdOf, statusRef } from './refs';

const VISIBILITIES = new Set(['public', 'unlisted', 'private', 'direct']);

/**
 * `@acct` for the author and everyone else the item mentioned (not us), as Mastodon's own clients
 * start a reply, skipping those the text already mentions.
 */
export function replyText(text: string, accts: string[], ourAcct?: string): string {
  const seen = new Set<string>();
  const prefix: string[] = [];
  for (const acct of accts) {
    const key = acct.toLowerCase();
    if (!acct || seen.has(key) || (ourAcct && key === ourAcct.toLowerCase())) continue;
    seen.add(key);
    const already = new RegExp(`(^|[^\\w@])@${acct.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w@.-]*[\\w])`, 'i').test(text);
    if (!already) prefix.push(`@${acct}`);
  }
  return prefix.length ? `${prefix.join(' ')} ${text}` : text;
}

/**
 * Answers a reply, mention or private mention as the account: POST /api/v1/statuses with
 * `in_reply_to_id`, the same visibility as the item (a private mention is answered privately), the
 * author mentioned, and the Idempotency-Key. What we need comes from the item's meta (stored at pull
 * time); an item without it is read from the instance first.
 */
export async function replyTo(ctx: ConnectorContext, to: InboundRef, input: { text: string; idempotencyKey: string }): Promise<RemoteRef> {
  if (isScheduledRef(to)) throw new PublishError('rejected', 'a scheduled post cannot be answered before it is published');
  const id = statusIdOf(to);
  if (!input.text.trim()) throw new PublishError('rejected', 'a reply needs text');
  const { client, auth } = channelClient(ctx);
  return classified(async () => {
    let acct = to.meta?.acct;
    let visibility = to.meta?.visibility;
    let others = to.meta?.mentions?.split(' ').filter(Boolean) ?? [];
    if (!acct || !visibility) {
      const status = await client.v1.statuses.$select(id).fetch();
      acct = status.account.acct;
      visibility = status.visibility;
      others = (status.mentions ?? []).map((m) => m.acct);
    }
    const me = auth.acct ? { acct: auth.acct } : await ourAccount(client, auth);
    const text = replyText(input.text, [acct, ...others], me.acct);
    const status = await client.v1.statuses.create(
      {
        status: text,
        inReplyToId: id,
        ...(VISIBILITIES.has(visibility) ? { visibility: visibility as mastodon.v1.StatusVisibility } : {}),
      },
      withIdempotencyKey(input.idempotencyKey),
    );
    return statusRef(status);
  });
}
