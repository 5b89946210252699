import { REST, type RawFile } from '@discordjs/rest';
import { createHash } from 'node:crypto';
import type { MediaInput } from '../types';
import { DISCORD_API } from './manifest';

/**
 * A REST client per call: the publisher owns retries and timing, so the client must not sleep on a
 * 429 (rejectOnRateLimit) nor retry 5xx itself (retries 0), and must leave no sweeper timers behind.
 * `api` is ctx.baseUrl when given (recorded responses in tests), else Discord's public address.
 */
export function restFor(opts: { api?: string; botToken?: string }): REST {
  const rest = new REST({ api: opts.api ?? DISCORD_API, version: '10', retries: 0, offset: 0, rejectOnRateLimit: () => true, hashSweepInterval: 0, handlerSweepInterval: 0, timeout: 30_000 });
  if (opts.botToken) rest.setToken(opts.botToken);
  return rest;
}

/** Attachments with their alt text: `attachments[i].description` pairs with `files[i]`. */
export function attachmentsOf(media: MediaInput[]): { files: RawFile[]; attachments: { id: number; filename: string; description?: string }[] } {
  const files = media.map((m, i) => ({ name: `media-${i + 1}.${m.mimeType.split('/')[1] ?? 'bin'}`, data: m.bytes, contentType: m.mimeType }));
  const attachments = files.map((f, i) => ({ id: i, filename: f.name, ...(media[i]!.altText ? { description: media[i]!.altText.slice(0, 1024) } : {}) }));
  return { files, attachments };
}

/** Discord checks `nonce` (≤25 characters) for uniqueness over the last few minutes with enforce_nonce. */
export function nonceFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, 25);
}

export function messageUrl(guildId: string | undefined, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId ?? '@me'}/${channelId}/${messageId}`;
}
