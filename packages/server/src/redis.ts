/**
 * `@deriv-auth/server/redis`: a {@link SessionStore} on Redis, for deployments on many instances.
 *
 * @packageDocumentation
 */
import type { SessionStore } from './sessionStore.js';

/**
 * The part of a node-redis (`redis` v4 to v6) client the store uses. The package never imports
 * `redis`: pass your connected client, and apps without Redis load nothing of it.
 */
export interface RedisClientLike {
  get(key: string): Promise<string | null | undefined | object>;
  set(
    key: string,
    value: string,
    options: { PX: number; NX?: true },
  ): Promise<string | null | undefined | object>;
  del(key: string): Promise<unknown>;
}

/** Options of {@link createRedisStore}. */
export interface CreateRedisStoreOptions {
  /** Prepended to every key, so one Redis serves several apps. Default `deriv-auth:`. */
  keyPrefix?: string | undefined;
}

/**
 * Creates a {@link SessionStore} on a connected node-redis client.
 *
 * @remarks
 * `add` is `SET key value PX ttl NX`, atomic in Redis: the refresh lock (one refresh for every
 * instance) and the one-time login marker rely on it. Values are sealed by the server before they
 * get here: Redis holds no readable token.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis'
 * import { createRedisStore } from '@deriv-auth/server/redis'
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect()
 * const store = createRedisStore(redis)
 * ```
 */
export function createRedisStore(
  client: RedisClientLike,
  options: CreateRedisStoreOptions = {},
): SessionStore {
  const prefix = options.keyPrefix ?? 'deriv-auth:';
  const ttl = (ttlMs: number) => Math.max(1, Math.ceil(ttlMs));
  return {
    async get(key) {
      const value = await client.get(prefix + key);
      return typeof value === 'string' ? value : undefined;
    },
    async set(key, value, ttlMs) {
      await client.set(prefix + key, value, { PX: ttl(ttlMs) });
    },
    async add(key, value, ttlMs) {
      return (await client.set(prefix + key, value, { PX: ttl(ttlMs), NX: true })) === 'OK';
    },
    async delete(key) {
      await client.del(prefix + key);
    },
  };
}

export type { SessionStore } from './sessionStore.js';
