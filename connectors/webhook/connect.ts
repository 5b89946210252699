import { lookup } from 'node:dns/promises';
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { PublishError, type ConnectedAccount } from '../types';
import { bareHost, isPrivateAddress } from './addresses';

/**
 * Checks the URL the user typed and stores it with the secret. Nothing is sent: a receiver should
 * not have to understand a test request, and its first real post shows whether it accepts us.
 */
export async function connectWebhook(input: Record<string, string>, allowPrivate: boolean): Promise<ConnectedAccount> {
  const raw = input.url?.trim();
  if (!raw) throw new PublishError('rejected', 'Give the webhook URL.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PublishError('rejected', `"${raw}" is not a URL.`);
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw new PublishError('rejected', 'The webhook URL must start with https:// (or http://).');
  if (!allowPrivate && (await resolvesPrivate(url))) throw new PublishError('rejected', `${url.hostname} is a private or loopback address; this server does not send webhooks there.`);
  url.hash = '';
  const secret = input.secret?.trim() ?? '';
  // The handle leaves out the query and any user:password, which may carry the receiver's own token.
  const handle = `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  const id = `webhook:${createHash('sha256').update(url.toString()).digest('hex').slice(0, 16)}`;
  return { auth: { url: url.toString(), ...(secret && { secret }) }, account: { id, handle, displayName: url.host } };
}

async function resolvesPrivate(url: URL): Promise<boolean> {
  const host = bareHost(url);
  if (isIP(host)) return isPrivateAddress(host);
  // A name that does not resolve now is kept: DNS may change, and each request checks again.
  const addresses = await lookup(host, { all: true }).catch(() => []);
  return addresses.some((a) => isPrivateAddress(a.address));
}
