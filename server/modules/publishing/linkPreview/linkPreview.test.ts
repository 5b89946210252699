import { describe, expect, it } from 'vitest';
import { isPublicHost } from '../../../net/outbound';
import { fetchLinkPreview } from '../../../net/linkPreview';
import { firstLinkOf } from './firstLink';

describe('firstLinkOf', () => {
  it('finds the first link, bare or with a scheme, and adds https to a bare domain', () => {
    expect(firstLinkOf('Menu at caffeaurora.it today')).toBe('https://caffeaurora.it');
    expect(firstLinkOf('see http://intranet:8080/a, then caffeaurora.it')).toBe('http://intranet:8080/a');
    expect(firstLinkOf('caffeaurora.it and https://example.com/x.')).toBe('https://caffeaurora.it');
    expect(firstLinkOf('no link here')).toBeNull();
  });
});

describe('link previews never reach private addresses by default', () => {
  it('refuses loopback, private, link-local and mapped addresses', async () => {
    for (const host of ['127.0.0.1', '10.1.2.3', '192.168.0.1', '172.20.0.1', '169.254.169.254', '[::1]', '[::ffff:127.0.0.1]', 'localhost']) {
      expect(await isPublicHost(host), host).toBe(false);
    }
    expect(await isPublicHost('93.184.216.34')).toBe(true);
    expect(await fetchLinkPreview('http://127.0.0.1:9/')).toBeNull();
  });
});
