import { blueskyConnector } from './bluesky';
import { communityConnector } from './community';
import { discordConnector, discordWebhookConnector } from './discord';
import { facebookConnector } from './facebook';
import { instagramConnector } from './instagram';
import { linkedinConnector, linkedinPageConnector } from './linkedin';
import { manifestProblems } from './manifest';
import { mastodonConnector } from './mastodon';
import { pinterestConnector } from './pinterest';
import { redditConnector } from './reddit';
import { telegramConnector } from './telegram';
import { threadsConnector } from './threads';
import { tiktokConnector } from './tiktok';
import type { Connector } from './types';
import { configureWebhookConnector, webhookConnector } from './webhook';
import { xConnector } from './x';
import { youtubeConnector } from './youtube';

/** The finished connectors; each is listed under its manifest's network id. */
const FINISHED: Connector[] = [
  blueskyConnector,
  communityConnector,
  discordConnector,
  discordWebhookConnector,
  facebookConnector,
  instagramConnector,
  linkedinConnector,
  linkedinPageConnector,
  mastodonConnector,
  pinterestConnector,
  redditConnector,
  telegramConnector,
  threadsConnector,
  tiktokConnector,
  webhookConnector,
  xConnector,
  youtubeConnector,
];

for (const c of FINISHED) {
  const problems = manifestProblems(c.capabilities);
  if (problems.length > 0) throw new Error(`Connector ${c.capabilities.network} has an unsound manifest: ${problems.join('; ')}`);
}

/**
 * Every connector by network id (the `network` of its capabilities), in the order people look for
 * them: by the name they know (X under X, not twitter). The server looks connectors up here.
 */
export const CONNECTORS: Record<string, Connector> = {};
for (const c of [...FINISHED].sort((a, b) => a.capabilities.displayName.localeCompare(b.capabilities.displayName, 'en'))) {
  const id = c.capabilities.network;
  if (Object.hasOwn(CONNECTORS, id)) throw new Error(`Two connectors claim the network id "${id}"`);
  CONNECTORS[id] = c;
}

export function getConnector(network: string): Connector | undefined {
  return Object.hasOwn(CONNECTORS, network) ? CONNECTORS[network] : undefined;
}

/** Server settings some connectors follow (kept here so server code never names a network). */
export function configureRegistry(opts: { allowPrivateHosts: boolean }) {
  // Private addresses: the same switch as link previews (LINK_PREVIEW_PRIVATE_HOSTS), off outside tests.
  configureWebhookConnector({ allowPrivateHosts: opts.allowPrivateHosts });
}
