/**
 * Where sessions live when they do not live in the cookie: a key-value store with expiry.
 *
 * @remarks
 * Values are opaque strings, already sealed by the server (tokens are encrypted at rest with the
 * cookie secrets), so a store needs no crypto of its own. `add` is the one atomic operation the
 * server needs: it takes a refresh lock and spends a one-time login. Implement it as Redis'
 * `SET key value PX ttl NX`.
 */
export interface SessionStore {
  /** The value, or `undefined` when missing or expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` for `ttlMs` milliseconds, replacing any previous value. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Stores `value` only if `key` is absent; `true` when it did. */
  add(key: string, value: string, ttlMs: number): Promise<boolean>;
  /** Removes `key` (no error when absent). */
  delete(key: string): Promise<void>;
}

/** Options of {@link createMemoryStore}. */
export interface CreateMemoryStoreOptions {
  /** Clock in milliseconds, for expiry. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Most entries kept; the oldest are dropped past it. Default 100,000. */
  maxEntries?: number | undefined;
}

/**
 * Creates a {@link SessionStore} in this process's memory: for one instance, or tests.
 *
 * @remarks
 * Sessions are lost on restart and not shared between instances: run several instances on
 * `createRedisStore` (`@deriv-auth/server/redis`). Expired entries are dropped when read and when
 * the store is full.
 *
 * @example
 * ```ts
 * const server = createDerivAuthServer({ ...options, store: createMemoryStore() })
 * ```
 */
export function createMemoryStore(options: CreateMemoryStoreOptions = {}): SessionStore {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 100_000;
  const entries = new Map<string, { value: string; expiresAt: number }>();

  const read = (key: string): string | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt > now()) return entry.value;
    entries.delete(key);
    return undefined;
  };
  const write = (key: string, value: string, ttlMs: number): void => {
    entries.delete(key);
    if (entries.size >= maxEntries) {
      for (const [oldKey, entry] of entries)
        if (entry.expiresAt <= now() || entries.size >= maxEntries) entries.delete(oldKey);
        else break;
    }
    entries.set(key, { value, expiresAt: now() + ttlMs });
  };

  return {
    get: (key) => Promise.resolve(read(key)),
    set: (key, value, ttlMs) => {
      write(key, value, ttlMs);
      return Promise.resolve();
    },
    add: (key, value, ttlMs) => {
      if (read(key) !== undefined) return Promise.resolve(false);
      write(key, value, ttlMs);
      return Promise.resolve(true);
    },
    delete: (key) => {
      entries.delete(key);
      return Promise.resolve();
    },
  };
}
