import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../../crypto';
import { openFlow, pkceChallenge, sealFlow } from './oauthFlow';

const spec = { authorizeUrl: 'https://example.test/authorize', tokenUrl: 'https://example.test/token', scopes: [], pkce: true };

describe('OAuth flow helpers', () => {
  it('encodes the S256 challenge as RFC 7636 says (base64url), or as hex where the network documents it', () => {
    // RFC 7636 appendix B.
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', spec)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(pkceChallenge('abc', { ...spec, pkceChallengeEncoding: 'hex' })).toBe(createHash('sha256').update('abc').digest('hex'));
  });

  it('seals the verifier with the connect form\'s fields, and still opens a verifier sealed alone', () => {
    const box = new SecretBox(randomBytes(32).toString('hex'));
    expect(sealFlow(box, {})).toBeNull();
    expect(openFlow(box, sealFlow(box, { verifier: 'v', fields: { subreddit: 'coffee' } }))).toEqual({ verifier: 'v', fields: { subreddit: 'coffee' } });
    expect(openFlow(box, box.seal('plain-verifier'))).toEqual({ verifier: 'plain-verifier' });
    expect(openFlow(box, null)).toEqual({});
  });
});
