/** The New API options with their defaults applied and checked once, at start. */
import { defaultClients } from '../fixtures.js';
import type { MockNewApiOptions, MockOAuthClient, MockRefreshMode } from '../newApiTypes.js';

/** Settings of the New API side, in milliseconds where the options take seconds. */
export interface NewApiConfig {
  readonly clients: ReadonlyMap<string, MockOAuthClient>;
  /** Every origin a registered client may call from (CORS). */
  readonly allowedOrigins: ReadonlySet<string>;
  readonly codeTtlMs: number;
  readonly accessTtlMs: number;
  readonly sendExpiresIn: boolean;
  readonly refresh: MockRefreshMode;
  readonly otpTtlMs: number;
  readonly restRateLimit: { readonly maxRequests: number; readonly windowMs: number } | false;
  readonly balanceAsString: boolean;
  readonly maxSocketsPerUser: number;
}

const CLIENT_ID_PATTERN = /^[A-Za-z0-9]{1,64}$/u;

function seconds(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!(chosen >= 0 && Number.isFinite(chosen)))
    throw new RangeError(`newApi.${name} must be a finite number >= 0.`);
  return chosen * 1000;
}

function checkClient(client: MockOAuthClient): void {
  if (!CLIENT_ID_PATTERN.test(client.clientId))
    throw new RangeError(`clientId must be 1-64 letters and digits, got "${client.clientId}".`);
  if (client.redirectUris.length === 0 || !client.redirectUris.every((uri) => URL.canParse(uri)))
    throw new RangeError(`Client ${client.clientId} needs absolute redirect URIs.`);
  if (!(client.allowedOrigins ?? []).every((origin) => URL.canParse(origin)))
    throw new RangeError(`Client ${client.clientId} has an allowed origin that is not a URL.`);
}

/**
 * Applies defaults (code 60 s, access token 3600 s, OTP 120 s, rotate refresh tokens, 60 REST calls
 * a minute per token, 5 sockets per user) and checks ranges.
 *
 * @throws {RangeError} for a bad client id or redirect URI, a negative lifetime, or a bad limit
 */
export function resolveNewApiConfig(options: MockNewApiOptions = {}): NewApiConfig {
  const clients = new Map<string, MockOAuthClient>();
  for (const client of [...defaultClients, ...(options.clients ?? [])]) {
    checkClient(client);
    clients.set(client.clientId, client);
  }
  const allowedOrigins = new Set<string>();
  for (const client of clients.values())
    for (const uri of [...client.redirectUris, ...(client.allowedOrigins ?? [])])
      allowedOrigins.add(new URL(uri).origin);
  const restRateLimit = options.restRateLimit ?? { maxRequests: 60, windowMs: 60_000 };
  if (restRateLimit !== false && !(restRateLimit.maxRequests >= 1 && restRateLimit.windowMs > 0))
    throw new RangeError('newApi.restRateLimit needs maxRequests >= 1 and windowMs > 0.');
  const maxSocketsPerUser = options.maxSocketsPerUser ?? 5;
  if (!(Number.isInteger(maxSocketsPerUser) && maxSocketsPerUser >= 1))
    throw new RangeError('newApi.maxSocketsPerUser must be an integer >= 1.');
  const refresh = options.refresh ?? 'rotate';
  if (!['rotate', 'reuse', 'disabled'].includes(refresh))
    throw new RangeError(`newApi.refresh must be 'rotate', 'reuse' or 'disabled'.`);
  return {
    clients,
    allowedOrigins,
    codeTtlMs: seconds('authorizationCodeTtlSeconds', options.authorizationCodeTtlSeconds, 60),
    accessTtlMs: seconds('accessTokenTtlSeconds', options.accessTokenTtlSeconds, 3600),
    sendExpiresIn: options.sendExpiresIn ?? true,
    refresh,
    otpTtlMs: seconds('otpTtlSeconds', options.otpTtlSeconds, 120),
    restRateLimit,
    balanceAsString: options.balanceAsString ?? false,
    maxSocketsPerUser,
  };
}
