import { connectorFor, availableNetworks } from '../connectors';

/** Each network this server can publish to, with its limits and options as its connector declares them. */
export function listNetworks() {
  return availableNetworks().map((id) => {
    const c = connectorFor(id).capabilities;
    return { network: c.network, displayName: c.displayName, text: c.text, media: c.media, threads: c.threads, firstComment: c.firstComment, ...(c.maxHashtags !== undefined && { maxHashtags: c.maxHashtags }), options: c.options ?? [], connectFields: c.connectFields };
  });
}
