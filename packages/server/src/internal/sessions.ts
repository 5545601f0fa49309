/**
 * Sessions: loading from the cookie (or the store it names), saving, ending, and refreshing the
 * access token before it expires, one refresh per session at a time in this process, and across
 * processes through a lock in the store.
 */
import type { Sealer } from '../createSealer.js';
import type { SessionStore } from '../sessionStore.js';
import { readCookies, serializeCookie } from './cookies.js';
import type { ServerConfig } from './config.js';
import { TokenGrantError, type DerivApi, type SessionAccount, type TokenSet } from './derivApi.js';

/** Everything the server knows about a signed-in user. Holds tokens: never in a response or log. */
export interface SessionRecord extends TokenSet {
  sid: string;
  accounts: SessionAccount[];
  createdAt: number;
  lastSeenAt: number;
}

/** Why there is no session: the reason the `session` route shows (never Deriv's words). */
export type SignedOutReason = 'no_session' | 'session_expired' | 'session_invalid';

/** Thrown when a session has to end (refresh refused, no refresh token, gone from the store). */
export class SessionEndedError extends Error {
  override name = 'SessionEndedError';
  constructor() {
    super('session ended: sign in again');
  }
}

export type LoadResult =
  { session: SessionRecord } | { session: undefined; reason: SignedOutReason };

const SESSION_PURPOSE = 'deriv-auth/session';
const RECORD_PURPOSE = 'deriv-auth/stored-session';
// Longer than DERIV_CALL_TIMEOUT_MS (8 s): the holder's call to Deriv ends (answer, failure or
// timeout) before its lock expires, so the plain delete in `finally` removes its own lock.
const LOCK_TTL_MS = 10_000;
const LOCK_POLL_MS = 20;
const RECENT_REFRESH_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function isRecord(value: unknown): value is SessionRecord {
  const record = value as Partial<SessionRecord> | undefined;
  return (
    typeof record?.sid === 'string' &&
    typeof record.accessToken === 'string' &&
    typeof record.expiresAt === 'number' &&
    typeof record.createdAt === 'number' &&
    typeof record.lastSeenAt === 'number' &&
    Array.isArray(record.accounts) &&
    Array.isArray(record.scopes)
  );
}

export interface SessionManager {
  /** The request's session; `cookies` collects any `Set-Cookie` the answer must carry. */
  load(request: Request, cookies: string[]): Promise<LoadResult>;
  create(tokens: TokenSet, accounts: SessionAccount[], cookies: string[]): Promise<SessionRecord>;
  /** A record whose access token is valid for a while yet; `force` refreshes regardless (after a 401). */
  fresh(session: SessionRecord, cookies: string[], force?: boolean): Promise<SessionRecord>;
  end(session: SessionRecord | undefined, cookies: string[]): Promise<void>;
}

export function createSessionManager(
  config: ServerConfig,
  sealer: Sealer,
  api: DerivApi,
  store: SessionStore | undefined,
  markers: SessionStore,
): SessionManager {
  const { now } = config;
  // One refresh per session in this process; and, for cookie sessions whose browser still sends
  // the old cookie, the outcome of the last refresh (the spent refresh token cannot be reused).
  const inflight = new Map<string, Promise<SessionRecord>>();
  const recent = new Map<
    string,
    { previousAccessToken: string; record: SessionRecord; until: number }
  >();

  const cookieFor = (value: string, maxAgeMs: number) =>
    serializeCookie(config.sessionCookie, value, {
      path: config.sessionPath,
      secure: config.secure,
      maxAge: maxAgeMs / 1000,
    });
  const clearCookie = () => cookieFor('', 0);
  const remainingMs = (session: SessionRecord) =>
    session.createdAt + config.sessionLifetimeMs - now();

  const writeRecord = async (session: SessionRecord): Promise<void> => {
    if (!store) return;
    const ttl = Math.min(config.idleLifetimeMs, remainingMs(session));
    const sealed = await sealer.seal({ ...session }, RECORD_PURPOSE, ttl / 1000);
    await store.set(`session:${session.sid}`, sealed, ttl);
  };
  const readRecord = async (sid: string): Promise<SessionRecord | undefined> => {
    const sealed = await store?.get(`session:${sid}`);
    const value = sealed === undefined ? undefined : await sealer.open(sealed, RECORD_PURPOSE);
    return isRecord(value) && value.sid === sid ? value : undefined;
  };

  /** Saves the record and, for cookie sessions, queues the new cookie. */
  const save = async (session: SessionRecord, cookies: string[]): Promise<void> => {
    const remaining = remainingMs(session);
    if (store) {
      await writeRecord(session);
      return;
    }
    cookies.push(
      cookieFor(await sealer.seal({ ...session }, SESSION_PURPOSE, remaining / 1000), remaining),
    );
  };

  const refreshOnce = async (stale: SessionRecord): Promise<SessionRecord> => {
    if (!stale.refreshToken) throw new SessionEndedError();
    try {
      const tokens = await api.refresh(stale.refreshToken);
      config.log({ level: 'info', event: 'refreshed', route: 'refresh' });
      return { ...stale, ...tokens };
    } catch (error) {
      if (error instanceof TokenGrantError && error.reason === 'refused') {
        config.log({
          level: 'warn',
          event: 'refresh_refused',
          route: 'refresh',
          reason: 'refused',
        });
        if (store) await store.delete(`session:${stale.sid}`);
        else await markers.set(`revoked:${stale.sid}`, '1', Math.max(1, remainingMs(stale)));
        throw new SessionEndedError();
      }
      throw error;
    }
  };

  // Across instances: whoever takes the lock refreshes and writes the store; the others wait for
  // the stored record to change (or vanish: the session ended) and use it.
  const refreshShared = async (
    sharedStore: SessionStore,
    stale: SessionRecord,
  ): Promise<SessionRecord> => {
    const lockKey = `lock:${stale.sid}`;
    const deadline = Date.now() + 2 * LOCK_TTL_MS;
    while (Date.now() < deadline) {
      const current = await readRecord(stale.sid);
      if (!current) throw new SessionEndedError();
      if (current.accessToken !== stale.accessToken) return current;
      if (await sharedStore.add(lockKey, randomId(), LOCK_TTL_MS)) {
        try {
          const again = await readRecord(stale.sid);
          if (!again) throw new SessionEndedError();
          if (again.accessToken !== stale.accessToken) return again;
          const next = await refreshOnce(again);
          await writeRecord(next);
          return next;
        } finally {
          await sharedStore.delete(lockKey);
        }
      }
      await sleep(LOCK_POLL_MS);
    }
    throw new TokenGrantError('unavailable');
  };

  const refresh = (stale: SessionRecord): Promise<SessionRecord> => {
    const running = inflight.get(stale.sid);
    if (running) return running;
    // A request that read the tokens before the last refresh finished: its outcome serves it too.
    const last = recent.get(stale.sid);
    if (last && last.until > Date.now() && last.previousAccessToken === stale.accessToken)
      return Promise.resolve(last.record);
    const promise = (store ? refreshShared(store, stale) : refreshOnce(stale))
      .then((record) => {
        recent.set(stale.sid, {
          previousAccessToken: stale.accessToken,
          record,
          until: Date.now() + RECENT_REFRESH_MS,
        });
        return record;
      })
      .finally(() => inflight.delete(stale.sid));
    inflight.set(stale.sid, promise);
    return promise;
  };

  const openCookie = async (
    request: Request,
  ): Promise<{ value: Record<string, unknown> } | 'none' | 'invalid'> => {
    const candidates = readCookies(request, config.sessionCookie);
    if (candidates.length === 0) return 'none';
    for (const candidate of candidates) {
      const value = await sealer.open(candidate, SESSION_PURPOSE);
      if (value) return { value };
    }
    return 'invalid';
  };

  return {
    async load(request, cookies) {
      const opened = await openCookie(request);
      if (opened === 'none') return { session: undefined, reason: 'no_session' };
      const signedOut = (reason: SignedOutReason): LoadResult => {
        cookies.push(clearCookie());
        return { session: undefined, reason };
      };
      if (opened === 'invalid') return signedOut('session_expired');
      let session: SessionRecord | undefined;
      // A cookie that predates the last refresh: serve the refreshed record and send its cookie.
      let outdatedCookie = false;
      if (store) {
        const sid = opened.value['sid'];
        session = typeof sid === 'string' ? await readRecord(sid) : undefined;
      } else {
        session = isRecord(opened.value) ? opened.value : undefined;
        if (session && (await markers.get(`revoked:${session.sid}`)) !== undefined)
          session = undefined;
        const last = session && recent.get(session.sid);
        if (
          session &&
          last &&
          last.until > Date.now() &&
          last.previousAccessToken === session.accessToken
        ) {
          session = last.record;
          outdatedCookie = true;
        }
      }
      if (!session) return signedOut('session_expired');
      const time = now();
      if (
        time - session.createdAt >= config.sessionLifetimeMs ||
        time - session.lastSeenAt >= config.idleLifetimeMs
      ) {
        await this.end(session, cookies);
        return { session: undefined, reason: 'session_expired' };
      }
      // Sliding idle lifetime, written at most once a minute (or a quarter of the idle lifetime).
      if (time - session.lastSeenAt >= Math.min(60_000, config.idleLifetimeMs / 4)) {
        session = { ...session, lastSeenAt: time };
        await save(session, cookies);
      } else if (outdatedCookie) await save(session, cookies);
      return { session };
    },

    async create(tokens, accounts, cookies) {
      const time = now();
      const session: SessionRecord = {
        ...tokens,
        sid: randomId(),
        accounts,
        createdAt: time,
        lastSeenAt: time,
      };
      await save(session, cookies);
      if (store) {
        const sealed = await sealer.seal(
          { sid: session.sid },
          SESSION_PURPOSE,
          config.sessionLifetimeMs / 1000,
        );
        cookies.push(cookieFor(sealed, config.sessionLifetimeMs));
      }
      return session;
    },

    async fresh(session, cookies, force = false) {
      if (!force && session.expiresAt - now() > config.refreshBeforeMs) return session;
      const next = await refresh(session);
      if (!store) await save(next, cookies);
      return next;
    },

    async end(session, cookies) {
      cookies.push(clearCookie());
      if (!session) return;
      inflight.delete(session.sid);
      recent.delete(session.sid);
      if (store) await store.delete(`session:${session.sid}`);
      // A cookie session lives in every copy of the cookie: remember the id as ended until the
      // session's absolute lifetime is over, so a copy kept elsewhere opens nothing here.
      else await markers.set(`revoked:${session.sid}`, '1', Math.max(1, remainingMs(session)));
    },
  };
}
