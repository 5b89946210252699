import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature a receiver checks: `sha256=` and the hex HMAC-SHA256 of the raw request body (the
 * exact bytes, before any JSON parsing), keyed with the channel's secret. See README.md for the recipe.
 */
export function signBody(rawBody: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Whether `header` (the X-Tandem-Signature value) is the body's signature with `secret`, in constant time. */
export function verifySignature(rawBody: string | Uint8Array, header: string | undefined, secret: string): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(rawBody, secret));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
