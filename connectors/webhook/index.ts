import type { Connector } from '../types';
import { webhookCapabilities } from './manifest';
import { connectWebhook } from './connect';
import { deletePart, publishPart, type WebhookSettings } from './publish';

export { signBody, verifySignature } from './signature';
export type { WebhookPayload } from './publish';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A webhook connector. Private and loopback addresses are refused unless `allowPrivateHosts` says
 * otherwise: the server decides (connectors cannot read its configuration), tests allow them.
 */
export function createWebhookConnector(opts: { allowPrivateHosts?: () => boolean; timeoutMs?: number } = {}): Connector {
  const settings: WebhookSettings = { allowPrivateHosts: opts.allowPrivateHosts ?? (() => false), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  return {
    capabilities: webhookCapabilities,
    connect: (input) => connectWebhook(input, settings.allowPrivateHosts()),
    publish: (ctx, input) => publishPart(settings, ctx, input),
    // A receiver cannot be asked what it holds; resending with the same Idempotency-Key is how a
    // receiver that dedupes (README.md) answers with the first post instead of a second one.
    findPublished: async () => null,
    delete: (ctx, ref) => deletePart(settings, ctx, ref),
  };
}

let privateHostsAllowed = false;

/** The server's switch for private addresses (same setting as link previews: LINK_PREVIEW_PRIVATE_HOSTS). */
export function configureWebhookConnector(opts: { allowPrivateHosts: boolean }) {
  privateHostsAllowed = opts.allowPrivateHosts;
}

/** The instance the registry lists. */
export const webhookConnector: Connector = createWebhookConnector({ allowPrivateHosts: () => privateHostsAllowed });
