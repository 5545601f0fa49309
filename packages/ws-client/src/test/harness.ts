/**
 * Test harness: a mock server per test, clients wired to it with `ws`, and a recorder that keeps
 * the text of every event, snapshot, error and console line, so the canary check can prove that no
 * token ever shows up in any of them.
 */
import WebSocket from 'ws';
import {
  startMockServer,
  type MockLoginAccount,
  type MockServer,
  type MockServerOptions,
} from '@deriv-auth/mock-server';
import { createDerivClient, type DerivClient } from '../createDerivClient.js';
import type { CreateDerivClientOptions } from '../options.js';
import type { DerivSession } from '../sessionTypes.js';

/** A token-shaped secret that must never be printed anywhere. */
export const CANARY_TOKEN = 'a1-CanaryTokenDoNotPrint0123456789';

/** Every token any test handled. */
export const secrets = new Set<string>([CANARY_TOKEN]);
/** Text of everything user-visible the SDK produced. */
export const recorded: string[] = [];

/** Secrets (shortened) that appear in anything recorded. */
export function findLeaks(): string[] {
  return [...secrets]
    .filter((secret) => recorded.some((text) => text.includes(secret)))
    .map((secret) => `${secret.slice(0, 6)}… leaked`);
}

/** Records an error with its whole cause chain, details and echo. */
export function recordError(error: unknown): void {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth += 1) {
    if (current instanceof Error) {
      recorded.push(current.message, String(current.stack), safeJson(current));
      recorded.push(
        safeJson((current as { details?: unknown }).details),
        safeJson((current as { echoReq?: unknown }).echoReq),
      );
      current = current.cause;
    } else {
      recorded.push(safeJson(current));
      current = undefined;
    }
  }
}

/** Records anything (a snapshot, an event) as JSON, errors expanded. */
export function record(value: unknown): void {
  recorded.push(safeJson(value));
  if (typeof value === 'object' && value !== null) {
    for (const field of Object.values(value)) if (field instanceof Error) recordError(field);
  }
}

function safeJson(value: unknown): string {
  try {
    // JSON.stringify returns undefined for undefined, despite its declared type.
    const text = JSON.stringify(value, (_key, field: unknown) =>
      field instanceof Error ? { name: field.name, message: field.message } : field,
    ) as string | undefined;
    return text ?? '';
  } catch {
    return String(value);
  }
}

/** Starts a mock server. */
export function startServer(options?: MockServerOptions): Promise<MockServer> {
  return startMockServer(options);
}

/** Logs a fixture user in and remembers the tokens as secrets. */
export async function login(server: MockServer, user = 'john'): Promise<MockLoginAccount[]> {
  const { accounts } = await server.login({ appId: 1089, user });
  for (const account of accounts) secrets.add(account.token);
  return accounts;
}

/** Creates a client for `server` with fast reconnects, recording every event and snapshot. */
export function connectClient(
  server: MockServer,
  options: Partial<CreateDerivClientOptions> = {},
): DerivClient {
  const client = createDerivClient({
    appId: 1089,
    endpoint: server.wsUrl,
    WebSocket,
    requestTimeoutMs: 2_000,
    reconnect: { initialDelayMs: 5, maxDelayMs: 40, maxAttempts: 5 },
    ...options,
    onEvent: (event) => {
      record(event);
      options.onEvent?.(event);
    },
  });
  return track(client);
}

/** Wraps a client so every rejection and snapshot gets recorded. */
export function track<T extends DerivClient | DerivSession>(target: T): T {
  target.subscribe(() => {
    record(target.getSnapshot());
  });
  for (const method of ['send', 'authorize', 'logout', 'ping', 'switchAccount', 'close'] as const) {
    const original = (target as unknown as Record<string, unknown>)[method];
    if (typeof original !== 'function') continue;
    (target as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const result = (original as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      result.then(record, recordError);
      return result;
    };
  }
  return target;
}

/** Closes `client` and returns what it still holds: all zero means nothing leaked. */
export async function closeAndCount(client: DerivClient): Promise<Record<string, number>> {
  await client.close();
  const {
    subscribers: _subscribers,
    droppedMessages: _droppedMessages,
    listenerErrors: _listenerErrors,
    ...rest
  } = client.getDiagnostics();
  return rest;
}

/** What {@link closeAndCount} returns for a clean client. */
export const NOTHING_LEFT = {
  inflightRequests: 0,
  queuedRequests: 0,
  timers: 0,
  socketListeners: 0,
  abortListeners: 0,
  streams: 0,
  streamConsumers: 0,
};

/** Settles `promise` and returns its rejection (recorded), failing when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    recordError(error);
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** Waits (real time) until `predicate` holds. */
export async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Returns `value`, failing the test when it is undefined (instead of a `!` assertion). */
export function defined<T>(value: T | undefined | null): T {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
}

const collectGarbage = (globalThis as { gc?: () => void }).gc;

/**
 * The heap-growth measurement of the leak tests: `run` is called `warmUp` times (JIT, pools), then
 * `cycles` times; every `every` cycles the process settles (100 ms), is collected twice and its
 * heap read. Returns the growth between consecutive reads. A leak grows every step; noise does
 * not, so callers bound the smallest step. Needs `--expose-gc` (vitest.config.ts sets it).
 */
export async function heapGrowthSteps(
  run: (index: number) => Promise<void>,
  { warmUp = 100, cycles = 1_000, every = 200 } = {},
): Promise<number[]> {
  if (!collectGarbage) throw new Error('heapGrowthSteps needs node --expose-gc');
  for (let index = 0; index < warmUp; index += 1) await run(index);
  const heap: number[] = [];
  for (let index = 1; index <= cycles; index += 1) {
    await run(warmUp + index);
    if (index % every === 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      collectGarbage();
      collectGarbage();
      heap.push(process.memoryUsage().heapUsed);
    }
  }
  return heap.slice(1).map((value, index) => value - defined(heap[index]));
}
