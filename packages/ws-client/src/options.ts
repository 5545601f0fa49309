import { checkTimeout, MAX_TIMER_MS } from './internal/timeoutLimits.js';
import type { WebSocketConstructorLike } from './webSocketLike.js';

/**
 * How the client reconnects after losing its socket: exponential backoff with jitter, a cap, and a
 * retry limit after which the client stops in the `closed` state.
 *
 * @example
 * ```ts
 * createDerivClient({ appId: 1089, reconnect: { maxAttempts: 5, initialDelayMs: 250 } });
 * ```
 * @see {@link computeBackoffDelay}
 */
export interface ReconnectOptions {
  /** Attempts in a row before giving up with `reconnect_exhausted`. Default 10. */
  maxAttempts?: number | undefined;
  /** Delay before the first retry, before jitter. Default 500 ms. */
  initialDelayMs?: number | undefined;
  /** Upper bound of any delay. Default 30 000 ms. */
  maxDelayMs?: number | undefined;
  /** Share of each delay that is random, 0..1. Default 0.5 (delay is 50-100% of the step). */
  jitter?: number | undefined;
  /** Random source in [0, 1), replaceable in tests. Default `Math.random`. */
  random?: (() => number) | undefined;
  /**
   * How long a connection must stay ready before the attempt counter resets. Default 10 000 ms.
   * A server that authorizes and then closes again and again (flapping) therefore
   * still reaches `maxAttempts`, instead of getting the token re-sent forever.
   */
  stableAfterMs?: number | undefined;
}

/**
 * Keep-alive settings: a `ping` after a quiet period, and a dead-peer verdict when it goes
 * unanswered. Gaps are measured by the wall clock, so a throttled background tab still notices a
 * dead socket on its next timer tick.
 *
 * @example
 * ```ts
 * createDerivClient({ appId: 1089, keepAlive: { intervalMs: 20_000, timeoutMs: 5_000 } });
 * ```
 * @see https://developers.deriv.com/docs/websockets (the server closes idle sockets after ~2 min)
 */
export interface KeepAliveOptions {
  /** Quiet time after which a `ping` goes out. Default 30 000 ms, well under Deriv's 2-minute idle close. */
  intervalMs?: number | undefined;
  /** How long a keep-alive `ping` may stay unanswered before the socket counts as dead. Default 10 000 ms. */
  timeoutMs?: number | undefined;
}

/**
 * What happens to requests made while the socket is connecting or being (re-)authorized.
 *
 * @example
 * ```ts
 * createDerivClient({ appId: 1089, queue: { maxSize: 20 } });
 * ```
 */
export interface QueueOptions {
  /** Most requests that may wait; the next one rejects with `queue_full`. Default 100. */
  maxSize?: number | undefined;
}

/**
 * The clock the client reads: swap it in tests, or leave the default (the globals, read lazily at
 * call time, never at import).
 *
 * @example
 * ```ts
 * const clock: Clock = { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id) };
 * ```
 */
export interface Clock {
  /** Wall-clock milliseconds. */
  now(): number;
  /** Schedules `callback` after `ms`. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a timer from {@link Clock.setTimeout}. */
  clearTimeout(handle: unknown): void;
}

/**
 * Something worth logging that happened in the client. Events never carry a request body, a reply
 * body or a token: only kinds, ids and error objects whose messages are token-free.
 *
 * @example
 * ```ts
 * createDerivClient({ appId: 1089, onEvent: (event) => console.debug('[deriv]', event.type) });
 * ```
 */
export type DerivClientEvent =
  | { type: 'connecting'; attempt: number }
  | { type: 'open' }
  | { type: 'ready' }
  | { type: 'close'; code: number; byClient: boolean }
  | { type: 'reconnect_scheduled'; attempt: number; delayMs: number }
  | { type: 'request'; msgType: string; reqId: number }
  | { type: 'ignored_message'; reason: 'malformed' | 'unknown_req_id' | 'no_req_id' }
  | { type: 'error'; error: Error };

/**
 * Options of {@link createDerivClient}. Only `appId` is required.
 *
 * @example
 * ```ts
 * import WebSocket from 'ws';
 * createDerivClient({ appId: 1089, WebSocket, requestTimeoutMs: 15_000 });
 * ```
 * @see https://developers.deriv.com/docs/getting-started
 */
export interface CreateDerivClientOptions {
  /** Your app id from https://api.deriv.com/dashboard. OAuth tokens only work with the app id that issued them. */
  appId: number | string;
  /** WebSocket endpoint. Default `wss://ws.derivws.com/websockets/v3`. */
  endpoint?: string | undefined;
  /** Language sent as `l`. Default `EN`. */
  language?: string | undefined;
  /** Brand sent as `brand`. Default `deriv`. */
  brand?: string | undefined;
  /** WebSocket constructor. Default `globalThis.WebSocket`, read when the first socket opens. */
  WebSocket?: WebSocketConstructorLike | undefined;
  /**
   * Time a request may take from `send` to its reply, queue wait included: the deadline holds
   * whatever the socket is doing (connecting, failing, reconnecting). Default 30 000 ms. `NaN`,
   * zero and negative values throw `invalid_setting`; values above 2^31-1 ms (`Infinity`
   * included) are clamped to it.
   */
  requestTimeoutMs?: number | undefined;
  /** Time the WebSocket may take to open before the attempt counts as failed (`connect_failed`). Default 10 000 ms. */
  connectTimeoutMs?: number | undefined;
  /** Keep-alive settings, or `false` to send no pings. */
  keepAlive?: KeepAliveOptions | false | undefined;
  /** Reconnect settings, or `false` to stop at the first loss. */
  reconnect?: ReconnectOptions | false | undefined;
  /** Waiting room for requests made before the socket is ready, or `false` to reject them (`not_connected`). */
  queue?: QueueOptions | false | undefined;
  /** Observer for log-worthy events; it never receives a token. */
  onEvent?: ((event: DerivClientEvent) => void) | undefined;
  /** Clock override, for tests. */
  clock?: Clock | undefined;
}

/** {@link ReconnectOptions} with every default applied. */
export interface ResolvedReconnectOptions {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  jitter: number;
  random: () => number;
  stableAfterMs: number;
}

/** {@link KeepAliveOptions} with every default applied. */
export interface ResolvedKeepAliveOptions {
  intervalMs: number;
  timeoutMs: number;
}

/** Options with every default applied. */
export interface ResolvedClientOptions {
  url: string;
  WebSocket: WebSocketConstructorLike | undefined;
  requestTimeoutMs: number;
  connectTimeoutMs: number;
  keepAlive: ResolvedKeepAliveOptions | false;
  reconnect: ResolvedReconnectOptions | false;
  queueSize: number | false;
  onEvent: ((event: DerivClientEvent) => void) | undefined;
  clock: Clock;
}

/** Deriv's public WebSocket endpoint. */
export const DEFAULT_ENDPOINT = 'wss://ws.derivws.com/websockets/v3';

const globalClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/**
 * Builds the socket URL: the endpoint with `app_id`, `l` and `brand` set (existing query kept).
 *
 * @param options - the client options.
 * @returns the absolute `ws://` or `wss://` URL.
 * @throws {TypeError} when `endpoint` is not a valid URL.
 * @example
 * ```ts
 * buildSocketUrl({ appId: 1089 }); // 'wss://ws.derivws.com/websockets/v3?app_id=1089&l=EN&brand=deriv'
 * ```
 * @see https://developers.deriv.com/docs/websockets
 */
export function buildSocketUrl(
  options: Pick<CreateDerivClientOptions, 'appId' | 'endpoint' | 'language' | 'brand'>,
): string {
  const url = new URL(options.endpoint ?? DEFAULT_ENDPOINT);
  url.searchParams.set('app_id', String(options.appId));
  url.searchParams.set('l', options.language ?? 'EN');
  url.searchParams.set('brand', options.brand ?? 'deriv');
  return url.toString();
}

/** The last URL {@link resolveClientOptions} built, and its inputs as JSON. */
let lastSocketUrl: [inputs: string, url: string] | undefined;

/**
 * {@link buildSocketUrl}, reusing the last result for the same inputs: clients of one app share
 * one endpoint, and parsing and serializing it through `URL` was ~4% of a connection's
 * instructions (open, authorize, close).
 */
function socketUrlOf(options: CreateDerivClientOptions): string {
  const inputs = JSON.stringify([options.endpoint, options.appId, options.language, options.brand]);
  if (lastSocketUrl?.[0] !== inputs) lastSocketUrl = [inputs, buildSocketUrl(options)];
  return lastSocketUrl[1];
}

const DEFAULT_KEEP_ALIVE: ResolvedKeepAliveOptions = Object.freeze({
  intervalMs: 30_000,
  timeoutMs: 10_000,
});
const DEFAULT_RECONNECT: ResolvedReconnectOptions = Object.freeze({
  stableAfterMs: 10_000,
  maxAttempts: 10,
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  jitter: 0.5,
  random: () => Math.random(),
});

/** `value` without its `undefined` properties (so `{ x: undefined }` keeps the default of `x`). */
function definedOnly<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/**
 * Applies defaults (shared frozen objects when nothing is overridden: thousands of clients, one
 * copy) and checks every duration (see `checkTimeout`).
 *
 * @throws {DerivConnectionError} `invalid_setting` for a duration that is `NaN`, zero or negative.
 */
export function resolveClientOptions(options: CreateDerivClientOptions): ResolvedClientOptions {
  const keepAlive: ResolvedKeepAliveOptions | false =
    options.keepAlive === false
      ? false
      : options.keepAlive === undefined
        ? DEFAULT_KEEP_ALIVE
        : { ...DEFAULT_KEEP_ALIVE, ...definedOnly(options.keepAlive) };
  if (keepAlive && keepAlive !== DEFAULT_KEEP_ALIVE) {
    keepAlive.intervalMs = checkTimeout('keepAlive.intervalMs', keepAlive.intervalMs);
    keepAlive.timeoutMs = checkTimeout('keepAlive.timeoutMs', keepAlive.timeoutMs);
  }
  const reconnect: ResolvedReconnectOptions | false =
    options.reconnect === false
      ? false
      : options.reconnect === undefined
        ? DEFAULT_RECONNECT
        : { ...DEFAULT_RECONNECT, ...definedOnly(options.reconnect) };
  if (reconnect && reconnect !== DEFAULT_RECONNECT)
    reconnect.stableAfterMs = checkTimeout('reconnect.stableAfterMs', reconnect.stableAfterMs);
  return {
    url: socketUrlOf(options),
    WebSocket: options.WebSocket,
    requestTimeoutMs:
      options.requestTimeoutMs === undefined
        ? 30_000
        : checkTimeout('requestTimeoutMs', options.requestTimeoutMs),
    connectTimeoutMs:
      options.connectTimeoutMs === undefined
        ? 10_000
        : checkTimeout('connectTimeoutMs', options.connectTimeoutMs),
    keepAlive,
    reconnect,
    queueSize: options.queue === false ? false : (options.queue?.maxSize ?? 100),
    onEvent: options.onEvent,
    clock: options.clock ?? globalClock,
  };
}

/**
 * Delay before reconnect attempt `attempt` (1-based): `initialDelayMs * 2^(attempt-1)`, capped at
 * `maxDelayMs`, of which a `jitter` share is random so that many clients do not return at once.
 *
 * @param attempt - the attempt about to be made, starting at 1.
 * @param options - resolved reconnect settings.
 * @returns the delay in milliseconds.
 * @example
 * ```ts
 * computeBackoffDelay(3, { maxAttempts: 10, initialDelayMs: 500, maxDelayMs: 30_000, jitter: 0, random: Math.random }); // 2000
 * ```
 * @see https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function computeBackoffDelay(
  attempt: number,
  options: {
    readonly initialDelayMs: number;
    readonly maxDelayMs: number;
    readonly jitter: number;
    readonly random: () => number;
  },
): number {
  const step = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  const jitter = Math.min(1, Math.max(0, options.jitter));
  return Math.min(MAX_TIMER_MS, Math.round(step * (1 - jitter) + step * jitter * options.random()));
}
