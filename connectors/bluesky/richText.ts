import { RichText, type Agent, type AppBskyRichtextFacet } from '@atproto/api';

/**
 * Mentions, links and hashtags as facets with UTF-8 byte offsets. Mentions are resolved to DIDs through
 * the account's PDS; a handle that does not resolve stays plain text (no facet), as in the Bluesky app.
 */
export async function detectFacets(agent: Agent, text: string): Promise<{ text: string; facets?: AppBskyRichtextFacet.Main[] }> {
  const rt = new RichText({ text });
  await rt.detectFacets(agent);
  return rt.facets && rt.facets.length > 0 ? { text: rt.text, facets: rt.facets } : { text: rt.text };
}
