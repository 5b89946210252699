import { connectorFor, availableNetworks, oauthClientFor } from '../connectors';

/**
 * Each network this server can publish to, with its limits and options as its connector declares
 * them, how an account connects, and for OAuth networks whether the operator has set up the app.
 */
export function listNetworks() {
  return availableNetworks().map((id) => {
    const c = connectorFor(id).capabilities;
    // Apps registered per server need no configuration: always set up.
    const client = c.oauth ? (c.oauth.dynamicRegistration ? { clientId: '', clientSecret: '' } : oauthClientFor(id)) : null;
    return {
      network: c.network,
      displayName: c.displayName,
      text: c.text,
      media: c.media,
      threads: c.threads,
      firstComment: c.firstComment,
      ...(c.maxHashtags !== undefined && { maxHashtags: c.maxHashtags }),
      options: c.options ?? [],
      connectFields: c.connectFields,
      auth: c.auth,
      oauth: client ? { configured: !('missing' in client), missing: 'missing' in client ? client.missing : [] } : null,
      features: { ...c.features },
    };
  });
}
