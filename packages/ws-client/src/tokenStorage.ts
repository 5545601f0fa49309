import type { DerivAccount } from '@deriv-auth/core';

/**
 * Where a session keeps its accounts (tokens included) between page loads. Memory is the default;
 * `sessionStorage` survives reloads of one tab; `localStorage` persists across tabs and restarts
 * and is only used when an app asks for it by name.
 *
 * @example
 * ```ts
 * const storage: TokenStorage = createSessionStorage();
 * ```
 * @see https://cheatsheetseries.owasp.org/cheatsheets/HTML5_Security_Cheat_Sheet.html#local-storage
 */
export interface TokenStorage {
  /** The stored accounts, or `undefined` when nothing (valid) is stored. */
  load(): DerivAccount[] | undefined;
  /** Replaces the stored accounts. */
  save(accounts: DerivAccount[]): void;
  /** Forgets the stored accounts (and the active one). */
  clear(): void;
  /** The account last made active, so a reload resumes it (optional). */
  loadActive?(): string | undefined;
  /** Remembers the active account (optional). */
  saveActive?(account: string): void;
}

/**
 * Options of the Web Storage backed {@link TokenStorage}s.
 *
 * @example
 * ```ts
 * createSessionStorage(undefined, { key: 'my-app:deriv' });
 * ```
 * @see {@link createSessionStorage}
 */
export interface WebTokenStorageOptions {
  /** Storage key. Default `deriv-auth:accounts`. */
  key?: string | undefined;
}

/**
 * Keeps accounts in memory only: gone on reload. The default.
 *
 * @example
 * ```ts
 * createDerivSession({ client, storage: createMemoryStorage() });
 * ```
 * @see {@link TokenStorage}
 */
export function createMemoryStorage(): TokenStorage {
  let stored: DerivAccount[] | undefined;
  let active: string | undefined;
  return {
    load: () => stored?.map((account) => ({ ...account })),
    save: (accounts) => {
      stored = accounts.map((account) => ({ ...account }));
    },
    clear: () => {
      stored = undefined;
      active = undefined;
    },
    loadActive: () => active,
    saveActive: (account) => {
      active = account;
    },
  };
}

/**
 * Keeps accounts in `sessionStorage`: they survive a reload of the tab, not its closing. Outside a
 * browser (SSR) it stores nothing.
 *
 * @param storage - a `Storage`; default `globalThis.sessionStorage`, read at first use.
 * @param options - the storage key.
 * @remarks Storage errors (quota, privacy mode) make it store nothing; it never throws.
 * @example
 * ```ts
 * createDerivSession({ client, storage: createSessionStorage() });
 * ```
 * @see https://developer.mozilla.org/docs/Web/API/Window/sessionStorage
 */
export function createSessionStorage(
  storage?: Storage,
  options?: WebTokenStorageOptions,
): TokenStorage {
  return createWebTokenStorage(
    () => storage ?? (globalThis as { sessionStorage?: Storage }).sessionStorage,
    options,
  );
}

/**
 * Keeps accounts in `localStorage`: they persist across tabs and restarts, and any script on the
 * origin can read them. Use only when your app needs that and has a strict CSP.
 *
 * @param storage - a `Storage`; default `globalThis.localStorage`, read at first use.
 * @param options - the storage key.
 * @remarks Storage errors make it store nothing; it never throws.
 * @example
 * ```ts
 * createDerivSession({ client, storage: createLocalStorage() }); // an explicit choice
 * ```
 * @see https://developer.mozilla.org/docs/Web/API/Window/localStorage
 */
export function createLocalStorage(
  storage?: Storage,
  options?: WebTokenStorageOptions,
): TokenStorage {
  return createWebTokenStorage(
    () => storage ?? (globalThis as { localStorage?: Storage }).localStorage,
    options,
  );
}

function createWebTokenStorage(
  getStorage: () => Storage | undefined,
  options?: WebTokenStorageOptions,
): TokenStorage {
  const key = options?.key ?? 'deriv-auth:accounts';
  const attempt = <T>(action: (storage: Storage) => T): T | undefined => {
    try {
      const storage = getStorage();
      return storage ? action(storage) : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    load: () =>
      attempt((storage) => {
        const text = storage.getItem(key);
        if (text === null) return undefined;
        const accounts = parseAccounts(text);
        if (!accounts) storage.removeItem(key);
        return accounts;
      }),
    save: (accounts) => {
      attempt((storage) => {
        storage.setItem(
          key,
          JSON.stringify(
            accounts.map(({ account, token, currency }) => ({ account, token, currency })),
          ),
        );
      });
    },
    clear: () => {
      attempt((storage) => {
        storage.removeItem(key);
        storage.removeItem(`${key}:active`);
      });
    },
    loadActive: () => attempt((storage) => storage.getItem(`${key}:active`) ?? undefined),
    saveActive: (account) => {
      attempt((storage) => {
        storage.setItem(`${key}:active`, account);
      });
    },
  };
}

function parseAccounts(text: string): DerivAccount[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const accounts: DerivAccount[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { account, token, currency } = item as Record<string, unknown>;
    if (typeof account !== 'string' || typeof token !== 'string' || typeof currency !== 'string')
      return undefined;
    accounts.push({ account, token, currency });
  }
  return accounts;
}
