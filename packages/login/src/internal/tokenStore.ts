import type { BrowserEnvironment } from '../browserEnvironment.js';
import { DerivLoginError } from '../derivLoginError.js';

/** The New API tokens of a signed-in tab. Secrets: never logged, never in a URL. */
export interface StoredTokens {
  readonly accessToken: string;
  readonly refreshToken?: string | undefined;
  /** Ms since the epoch; unknown when Deriv sent no `expires_in`. */
  readonly expiresAt?: number | undefined;
}

/** Where the tokens are kept: this tab's storage, or nowhere (memory only). */
export interface TokenStore {
  load(): StoredTokens | undefined;
  /** @throws {@link DerivLoginError} `storage_unavailable` when the tab's storage refuses. */
  save(tokens: StoredTokens): void;
  /** Never throws: a logout must always succeed locally. */
  clear(): void;
}

const isTokens = (value: unknown): value is StoredTokens => {
  const record = value as Partial<StoredTokens> | null;
  return (
    typeof record?.accessToken === 'string' &&
    record.accessToken !== '' &&
    (record.refreshToken === undefined || typeof record.refreshToken === 'string') &&
    (record.expiresAt === undefined || typeof record.expiresAt === 'number')
  );
};

/** A {@link TokenStore} in `sessionStorage` under `key` (`'session'`), or none (`'memory'`). */
export function createTokenStore(
  kind: 'session' | 'memory',
  environment: () => BrowserEnvironment,
  key: string,
): TokenStore {
  if (kind === 'memory')
    return { load: () => undefined, save: () => undefined, clear: () => undefined };
  return {
    load: () => {
      try {
        const raw = environment().storage?.getItem(key);
        const parsed: unknown = JSON.parse(raw ?? 'null');
        // Anything else than what save wrote (tampered, older format) counts as signed out.
        return isTokens(parsed) ? parsed : undefined;
      } catch {
        return undefined;
      }
    },
    save: (tokens) => {
      try {
        const storage = environment().storage;
        if (!storage) throw new Error('no storage');
        storage.setItem(key, JSON.stringify(tokens));
      } catch {
        // No cause: the storage's error could quote what it was asked to write.
        throw new DerivLoginError('storage_unavailable', 'sessionStorage is unavailable.');
      }
    },
    clear: () => {
      try {
        environment().storage?.removeItem(key);
      } catch {
        // Nothing stored can be removed from a storage that is gone.
      }
    },
  };
}
