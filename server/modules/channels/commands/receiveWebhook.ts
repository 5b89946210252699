import { eq } from 'drizzle-orm';
import type { WebhookRequest } from '../../../../connectors/types';
import type { AppContext } from '../../../context';
import { channels } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { openAuth } from '../channelAuth';
import { maybeConnectorFor, webhookSecretFor } from '../connectors';
import { recordChannelOk } from './channelHealth';
import { storeInboundItems } from './storeInboundItems';

/**
 * A request a network pushed for one channel. It is believed only when the connector verifies its
 * signature over the raw body with the channel's own webhook secret (`auth.webhookSecret`) or the
 * network's (WEBHOOK_<NETWORK>_SECRET); otherwise it is refused and logged, without its body.
 */
export async function receiveWebhook(ctx: AppContext, channelId: string, req: WebhookRequest & { ip: string | null }) {
  const { channel, connector, secret } = await webhookEndpoint(ctx, channelId);
  if (!connector.verifyWebhook || !connector.parseWebhook) throw notFound('That webhook');
  if (!secret || !connector.verifyWebhook(req, secret)) {
    ctx.log.warn({ channelId, network: channel.network, ip: req.ip, bytes: req.rawBody.length, signed: Boolean(secret) }, 'webhook refused: bad or missing signature');
    throw new AppError('UNAUTHENTICATED', 'The signature of this request does not match.');
  }
  let items;
  try {
    items = connector.parseWebhook(req);
  } catch (err) {
    ctx.log.warn({ channelId, network: channel.network, message: (err as Error).message }, 'webhook: a verified request could not be read');
    throw new AppError('BAD_REQUEST', 'The request is signed but its body could not be read.');
  }
  const stored = await ctx.db.transaction((tx) => storeInboundItems(tx, channel, items));
  await recordChannelOk(ctx.db, channel.id);
  return { received: items.length, stored };
}

/**
 * A network confirming a subscription (GET handshake, e.g. Meta's hub.challenge): the challenge to
 * echo when the request proves it knows the secret; refused and logged otherwise.
 */
export async function answerWebhookChallenge(ctx: AppContext, channelId: string, query: Record<string, string | undefined>, ip: string | null): Promise<string> {
  const { channel, connector, secret } = await webhookEndpoint(ctx, channelId);
  if (!connector.answerWebhookChallenge) throw notFound('That webhook');
  const answer = secret ? connector.answerWebhookChallenge(query, secret) : null;
  if (answer === null) {
    ctx.log.warn({ channelId, network: channel.network, ip }, 'webhook subscription refused: wrong or missing verify token');
    throw new AppError('FORBIDDEN', 'The verify token of this subscription does not match.');
  }
  return answer;
}

/** The channel a pushed request is for, its connector, and the secret that signs its requests. */
async function webhookEndpoint(ctx: AppContext, channelId: string) {
  const [channel] = await ctx.db.select().from(channels).where(eq(channels.id, channelId));
  const connector = channel && channel.status !== 'disconnected' ? maybeConnectorFor(channel.network) : undefined;
  if (!channel || !connector) throw notFound('That webhook');
  const own = channel.authSealed ? openAuth(ctx.secrets, channel.authSealed).webhookSecret : undefined;
  return { channel, connector, secret: own ?? webhookSecretFor(channel.network) };
}
