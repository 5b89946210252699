import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token for cookies, invitations and API keys (URL-safe). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as their SHA-256: a leaked table grants nothing. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Secrets at rest (TOTP seeds, network tokens, OAuth verifiers): AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>`.
 * Previous keys (SECRET_KEY_PREVIOUS) only open: during a key rotation values sealed with the old key stay
 * readable until `tandem rotate-key` has sealed them all again with the current one.
 */
export class SecretBox {
  private readonly key: Buffer;
  private readonly previous: Buffer[];
  constructor(hexKey: string, previousHexKeys: readonly string[] = []) {
    this.key = keyOf(hexKey, 'SECRET_KEY');
    this.previous = previousHexKeys.map((k) => keyOf(k, 'SECRET_KEY_PREVIOUS')).filter((k) => !k.equals(this.key));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    try {
      return openWith(this.key, sealed);
    } catch (err) {
      for (const key of this.previous) {
        try {
          return openWith(key, sealed);
        } catch {
          /* not this one either */
        }
      }
      throw err;
    }
  }

  /**
   * HMAC-SHA256 of `message` for one `purpose` (links that act without a sign-in, such as unsubscribing):
   * the purpose is part of the MAC so a signature made for one use is worthless for another.
   */
  sign(purpose: string, message: string): string {
    return hmacWith(this.key, purpose, message);
  }

  /** Whether `signature` is `sign(purpose, message)` under the current or a previous key. */
  verify(purpose: string, message: string, signature: string): boolean {
    return [this.key, ...this.previous].some((k) => safeEqual(hmacWith(k, purpose, message), signature));
  }

  /** Whether the current key opens it (rotation leaves those alone). */
  isCurrent(sealed: string): boolean {
    try {
      openWith(this.key, sealed);
      return true;
    } catch {
      return false;
    }
  }
}

function hmacWith(key: Buffer, purpose: string, message: string): string {
  return createHmac('sha256', key).update(`${purpose}\n${message}`).digest('base64url');
}

function keyOf(hexKey: string, name: string): Buffer {
  const key = Buffer.from(hexKey, 'hex');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes (64 hex characters).`);
  return key;
}

function openWith(key: Buffer, sealed: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Unreadable sealed secret.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
