import { createHash } from 'node:crypto';
import { PublishError } from '../types';

/**
 * Deterministic record keys for exactly-once posting.
 *
 * Post records use TID keys: 64 bits written as 13 characters of base32-sortable, where the top bit
 * is 0, the next 53 bits are microseconds since the epoch and the last 10 bits a "clock id". We make
 * one from the scheduled time (to the second) and a SHA-256 of the idempotency key, which fills the
 * sub-second microseconds (≈20 bits) and the clock id (10 bits). The same key and time always give the
 * same rkey; two different keys scheduled in the same second collide with probability ≈ 2^-30.
 */
const S32 = '234567abcdefghijklmnopqrstuvwxyz';
export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

function s32(value: bigint, length: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < length; i++) {
    out = S32[Number(v & 31n)] + out;
    v >>= 5n;
  }
  return out;
}

/** The TID string for a timestamp in microseconds and a clock id (0–1023), as @atproto/common-web builds it. */
export function tidFromParts(micros: bigint, clockId: number): string {
  return s32(micros, 11) + s32(BigInt(clockId & 1023), 2);
}

export function recordKeyFor(idempotencyKey: string, scheduledAt: Date): string {
  const ms = scheduledAt.getTime();
  if (!Number.isFinite(ms) || ms < 0) throw new PublishError('rejected', `invalid scheduledAt: ${String(scheduledAt)}`);
  if (idempotencyKey.length === 0) throw new PublishError('rejected', 'empty idempotencyKey');
  const hash = createHash('sha256').update(idempotencyKey).digest();
  const subSecond = BigInt(hash.readUInt32BE(0) % 1_000_000);
  const clockId = hash.readUInt16BE(4) & 1023;
  const micros = BigInt(Math.floor(ms / 1000)) * 1_000_000n + subSecond;
  return tidFromParts(micros, clockId);
}

/** The time a TID record key encodes (to the millisecond), or null when the key is not a TID. */
export function tidTime(rkey: string): Date | null {
  if (!TID_PATTERN.test(rkey)) return null;
  let micros = 0n;
  for (const ch of rkey.slice(0, 11)) micros = (micros << 5n) | BigInt(S32.indexOf(ch));
  return new Date(Number(micros / 1000n));
}
