import { describe, expect, it } from 'vitest';
import { manifestProblems } from './manifest';
import { CONNECTORS, getConnector } from './registry';

describe('the connector registry', () => {
  it('lists every finished network under its manifest id, by the name people know, each manifest sound', () => {
    expect(Object.keys(CONNECTORS)).toEqual(['bluesky', 'community', 'discord', 'discord-webhook', 'facebook', 'instagram', 'linkedin-page', 'linkedin', 'mastodon', 'pinterest', 'reddit', 'telegram', 'threads', 'tiktok', 'webhook', 'twitter', 'youtube']);
    for (const [id, c] of Object.entries(CONNECTORS)) {
      expect(c.capabilities.network).toBe(id);
      expect(manifestProblems(c.capabilities), id).toEqual([]);
    }
  });

  it('looks networks up by id only', () => {
    expect(getConnector('twitter')?.capabilities.displayName).toBe('X');
    expect(getConnector('x')).toBeUndefined();
    expect(getConnector('toString')).toBeUndefined();
  });
});
