import { DerivServerError } from './derivServerError.js';
import { base64url, EncryptJWT, jwtDecrypt } from 'jose';

/** Options of {@link createSealer}. */
export interface CreateSealerOptions {
  /**
   * Secrets, newest first: the first seals, every one opens. Each at least 32 characters of
   * randomness (`openssl rand -base64 32`). Rotate by putting a new secret first and dropping the
   * oldest once every value sealed with it has expired.
   */
  secrets: readonly string[];
  /** Clock in milliseconds, for expiry. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** Seals values into tamper-proof, encrypted strings and opens them again (see {@link createSealer}). */
export interface Sealer {
  /** Encrypts `value` for `purpose`, valid for `ttlSeconds`. */
  seal(value: Record<string, unknown>, purpose: string, ttlSeconds: number): Promise<string>;
  /** The value, or `undefined` for a tampered, expired, foreign-key or other-purpose string. */
  open(sealed: string, purpose: string): Promise<Record<string, unknown> | undefined>;
}

const MIN_SECRET_LENGTH = 32;
/** Opened values kept, so the cookie a browser sends on every request is decrypted once. */
const OPENED_CACHE_SIZE = 1_024;
/** Longest a value is served from the cache (its own `exp` still applies). */
const OPENED_CACHE_MS = 60_000;
const encoder = new TextEncoder();

interface SealingKey {
  id: string;
  key: CryptoKey;
}

// HKDF (RFC 5869) through Web Crypto turns a secret of any length into a 256-bit AES key, and a
// key id that names the secret without revealing it (another HKDF output, not the key).
async function deriveKey(secret: string): Promise<SealingKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, [
    'deriveBits',
  ]);
  const derive = (info: string, bits: number) =>
    crypto.subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) },
      material,
      bits,
    );
  const [keyBits, idBits] = await Promise.all([
    derive('deriv-auth/server seal key', 256),
    derive('deriv-auth/server seal key id', 64),
  ]);
  const key = await crypto.subtle.importKey('raw', keyBits, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  return { id: base64url.encode(new Uint8Array(idBits)), key };
}

/**
 * Creates a sealer: JWE compact serialisation (`dir` + `A256GCM`, authenticated encryption) by
 * `jose`, with key rotation through a list of secrets.
 *
 * @remarks
 * The protected header names the sealing key by id (`kid`), so opening picks the right secret
 * without trying each. `purpose` is sealed as the JWT audience: a login cookie never opens as a
 * session. Expiry is the JWT `exp`, checked against `now`. Opening never throws: whatever fails
 * (bad base64, wrong key, tag mismatch, expired) is `undefined`, with no detail an attacker could
 * use as an oracle.
 *
 * @throws {@link DerivServerError} `invalid_server_option` when no secret is given or one
 * is shorter than 32 characters.
 * @example
 * ```ts
 * const sealer = createSealer({ secrets: [process.env.SESSION_SECRET!] })
 * const sealed = await sealer.seal({ id: 'abc' }, 'session', 3600)
 * ```
 * @see https://www.rfc-editor.org/rfc/rfc7516
 */
export function createSealer(options: CreateSealerOptions): Sealer {
  const secrets: unknown = options.secrets;
  if (
    !Array.isArray(secrets) ||
    secrets.length === 0 ||
    !secrets.every((secret) => typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH)
  )
    throw new DerivServerError(
      'invalid_server_option',
      `secrets: expected one or more strings of at least ${MIN_SECRET_LENGTH} characters, newest first`,
    );
  const now = options.now ?? Date.now;
  const keys = Promise.all((secrets as string[]).map(deriveKey));
  // Keep a failed derivation from surfacing as an unhandled rejection before first use.
  keys.catch(() => undefined);
  // Decrypting (Web Crypto AES-GCM through jose) was the largest cost of an `otp` request in the
  // profile. Keyed by the exact sealed string and purpose: a changed string is a miss and is
  // decrypted (and refused) as before. Only successful opens are kept; expiry is checked again on
  // every hit; callers get a copy. Bounded: the oldest entry goes first.
  const opened = new Map<string, { payload: Record<string, unknown>; until: number }>();

  return {
    async seal(value, purpose, ttlSeconds) {
      const [newest] = await keys;
      if (!newest)
        throw new DerivServerError('invalid_server_option', 'secrets: expected one or more');
      const issuedAt = Math.floor(now() / 1000);
      return new EncryptJWT(value)
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: newest.id })
        .setAudience(purpose)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + Math.max(1, Math.ceil(ttlSeconds)))
        .encrypt(newest.key);
    },
    async open(sealed, purpose) {
      const cacheKey = `${purpose}\u0000${sealed}`;
      const cached = opened.get(cacheKey);
      if (cached) {
        if (now() < cached.until) return structuredClone(cached.payload);
        opened.delete(cacheKey);
      }
      try {
        const all = await keys;
        const { payload } = await jwtDecrypt(
          sealed,
          (header) => {
            const match = all.find((candidate) => candidate.id === header.kid);
            if (!match) throw new Error('unknown key');
            return match.key;
          },
          {
            audience: purpose,
            currentDate: new Date(now()),
            keyManagementAlgorithms: ['dir'],
            contentEncryptionAlgorithms: ['A256GCM'],
            requiredClaims: ['exp'],
          },
        );
        const until = Math.min(now() + OPENED_CACHE_MS, (payload.exp ?? 0) * 1000);
        if (opened.size >= OPENED_CACHE_SIZE) {
          const oldest = opened.keys().next();
          if (!oldest.done) opened.delete(oldest.value);
        }
        opened.set(cacheKey, { payload: structuredClone(payload), until });
        return payload;
      } catch {
        return undefined;
      }
    },
  };
}
