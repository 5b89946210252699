import { createHash } from 'node:crypto';
import type { OAuthSpec } from '../../../connectors/types';
import type { SecretBox } from '../../crypto';

/**
 * What an OAuth flow in progress keeps sealed between the start and the callback: the PKCE verifier
 * and the connect form's other fields (a subreddit, a board…). Stored in `oauth_states.code_verifier_sealed`
 * as JSON; a bare string there is a verifier alone.
 */
export interface SealedFlow {
  verifier?: string;
  fields?: Record<string, string>;
}

export function sealFlow(secrets: SecretBox, flow: SealedFlow): string | null {
  if (!flow.verifier && !flow.fields) return null;
  return secrets.seal(JSON.stringify(flow));
}

export function openFlow(secrets: SecretBox, sealed: string | null): SealedFlow {
  if (!sealed) return {};
  const plain = secrets.open(sealed);
  try {
    const parsed = JSON.parse(plain) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as SealedFlow;
  } catch {
    /* a verifier alone */
  }
  return { verifier: plain };
}

/** The PKCE S256 challenge, encoded as the network documents it (RFC 7636 says base64url; TikTok, hex). */
export function pkceChallenge(verifier: string, spec: OAuthSpec): string {
  const digest = createHash('sha256').update(verifier);
  return spec.pkceChallengeEncoding === 'hex' ? digest.digest('hex') : digest.digest('base64url');
}
