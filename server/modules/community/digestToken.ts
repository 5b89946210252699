import type { SecretBox } from '../../crypto';

const PURPOSE = 'community-digest-unsubscribe';

/**
 * The token of a digest's unsubscribe link: `<memberId>.<HMAC of community and member>` with the app's
 * secret key. It never expires (old emails keep working) and does one thing: turn the digest off.
 */
export function unsubscribeToken(secrets: SecretBox, workspaceId: string, memberId: string): string {
  return `${memberId}.${secrets.sign(PURPOSE, `${workspaceId}:${memberId}`)}`;
}

/** The member the token names, or null when it is not one we signed for this community. */
export function memberOfUnsubscribeToken(secrets: SecretBox, workspaceId: string, token: string): string | null {
  const [memberId, signature, extra] = token.split('.');
  if (!memberId || !signature || extra !== undefined || !/^[0-9a-f-]{36}$/.test(memberId)) return null;
  return secrets.verify(PURPOSE, `${workspaceId}:${memberId}`, signature) ? memberId : null;
}
