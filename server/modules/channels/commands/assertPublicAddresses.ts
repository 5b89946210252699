import { isPublicHost } from '../../../net/outbound';
import { AppError } from '../../../errors';

type Field = { key: string; kind: string };

/**
 * The addresses a person types when connecting (a Mastodon instance, a Bluesky PDS, a Telegram API
 * root, a webhook) are ones the server will call: they must be http(s) servers on the internet, never
 * the server's own network (SSRF). Tests on loopback switch this off with LINK_PREVIEW_PRIVATE_HOSTS.
 */
export async function assertPublicAddresses(fields: Field[], values: Record<string, string | undefined>): Promise<void> {
  for (const f of fields) {
    const value = values[f.key]?.trim();
    if (f.kind !== 'url' || !value) continue;
    let url: URL;
    try {
      url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`);
    } catch {
      throw invalid(f.key, 'This is not a web address. Type it like https://mastodon.social.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(f.key, 'Only http and https addresses can be connected.');
    if (!(await isPublicHost(url.hostname))) {
      throw invalid(f.key, `${url.hostname} is not a public server on the internet (it is private, local or does not resolve): Tandem only connects to servers anyone can reach.`);
    }
  }
}

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { fields: { [field]: message } });
