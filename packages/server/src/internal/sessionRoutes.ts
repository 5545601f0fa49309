/** `session` (who is signed in), `otp` (a one-time socket URL) and `logout`. */
import type { ServerConfig } from './config.js';
import type { DerivApi, SessionAccount } from './derivApi.js';
import { isSameOrigin, json, jsonError } from './http.js';
import { SessionEndedError, type SessionManager, type SessionRecord } from './sessions.js';

/** Largest `otp` body read: `{"accountId":"..."}` needs well under a hundred bytes. */
const MAX_BODY_BYTES = 1_024;
const ACCOUNT_ID = /^[\w-]{1,64}$/;

export interface SessionRoutes {
  session(request: Request): Promise<Response>;
  otp(request: Request): Promise<Response>;
  logout(request: Request): Promise<Response>;
}

/** The body as text, or `undefined` (and the rest left unread) once it passes `limit` bytes. */
async function readBounded(request: Request, limit: number): Promise<string | undefined> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  // Web APIs only (no Buffer): the handlers also run on workers, Deno and Bun.
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(body);
}

async function readAccountId(request: Request): Promise<string | undefined> {
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) return undefined;
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return undefined;
  // Read at most MAX_BODY_BYTES whatever the headers say: a chunked body of unknown size stops
  // there (the Node adapter caps bodies, but Hono, Next.js, Bun or Deno mounts do not).
  const text = await readBounded(request, MAX_BODY_BYTES);
  if (text === undefined) return undefined;
  try {
    const body = JSON.parse(text) as unknown;
    const accountId = (body as { accountId?: unknown } | null)?.accountId;
    return typeof accountId === 'string' && ACCOUNT_ID.test(accountId) ? accountId : undefined;
  } catch {
    return undefined;
  }
}

export function createSessionRoutes(
  config: ServerConfig,
  api: DerivApi,
  sessions: SessionManager,
): SessionRoutes {
  const signedOut = (reason: string, cookies: string[]) =>
    json({ signedIn: false, reason }, 200, cookies);

  return {
    async session(request) {
      const cookies: string[] = [];
      const loaded = await sessions.load(request, cookies);
      if (!loaded.session) return signedOut(loaded.reason, cookies);
      let session: SessionRecord = loaded.session;
      try {
        session = await sessions.fresh(session, cookies);
      } catch (error) {
        if (error instanceof SessionEndedError) {
          await sessions.end(session, cookies);
          return signedOut('session_expired', cookies);
        }
        // Deriv unreachable: the session stands; the next call retries the refresh.
      }
      return json(
        {
          signedIn: true,
          accounts: session.accounts.map(({ id, currency, type, status }): SessionAccount => ({
            id,
            currency,
            type,
            status,
          })),
          scopes: session.scopes,
        },
        200,
        cookies,
      );
    },

    async otp(request) {
      const cookies: string[] = [];
      if (!isSameOrigin(request, config.appOrigin)) return jsonError('cross_site_request', 403);
      const accountId = await readAccountId(request);
      if (!accountId) return jsonError('invalid_request', 400);
      const loaded = await sessions.load(request, cookies);
      if (!loaded.session) return jsonError('signed_out', 401, cookies);
      const account = loaded.session.accounts.find((candidate) => candidate.id === accountId);
      if (!account) return jsonError('unknown_account', 404, cookies);

      let session = loaded.session;
      try {
        session = await sessions.fresh(session, cookies);
        let outcome = await api.createOtp(session.accessToken, accountId);
        if (outcome.kind === 'unauthorized') {
          // Expired or revoked before its time: one forced refresh, one retry.
          session = await sessions.fresh(session, cookies, true);
          outcome = await api.createOtp(session.accessToken, accountId);
        }
        if (outcome.kind === 'url')
          return json({ url: outcome.url, accountId, type: account.type }, 200, cookies);
        if (outcome.kind === 'unauthorized') throw new SessionEndedError();
        config.log({
          level: 'warn',
          event: 'upstream_failed',
          route: 'otp',
          status: outcome.status,
        });
        return outcome.status === 429
          ? jsonError('rate_limited', 429, cookies)
          : jsonError('upstream_unavailable', 502, cookies);
      } catch (error) {
        if (error instanceof SessionEndedError) {
          await sessions.end(session, cookies);
          return jsonError('signed_out', 401, cookies);
        }
        config.log({ level: 'error', event: 'upstream_failed', route: 'otp' });
        return jsonError('upstream_unavailable', 502, cookies);
      }
    },

    async logout(request) {
      const cookies: string[] = [];
      if (!isSameOrigin(request, config.appOrigin)) return jsonError('cross_site_request', 403);
      const loaded = await sessions.load(request, cookies);
      await sessions.end(loaded.session, cookies);
      config.log({ level: 'info', event: 'signed_out', route: 'logout' });
      return json({ signedIn: false, reason: 'signed_out' }, 200, cookies);
    },
  };
}
