import { DerivConnectionError } from '../derivConnectionError.js';
import type { CancelTimer, CountedTimers } from './timers.js';

/** A reply envelope as it comes off the wire (already JSON-parsed, `msg_type` checked). */
export interface ReplyEnvelope {
  msg_type: string;
  req_id?: number;
  error?: unknown;
  [key: string]: unknown;
}

/** One request from `send()` until it settles. */
export interface RequestEntry {
  readonly reqId: number;
  /** The call name (`ping`, `authorize`, ...), for messages and events. */
  readonly call: string;
  /** The encoded frame, `req_id` included. */
  readonly frame: string;
  /** `queued` waits for the socket, `inflight` was written to it, `settled` is done. */
  state: 'new' | 'queued' | 'inflight' | 'settled';
  readonly resolve: (reply: ReplyEnvelope) => void;
  readonly reject: (error: unknown) => void;
  /** When it was registered, on the client's clock: it times out at `registeredAt + timeoutMs`. */
  readonly registeredAt: number;
  readonly timeoutMs: number;
  removeAbortListener: (() => void) | undefined;
}

/** How one request may end. */
export interface RegisterOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/**
 * The request as a JSON frame with our `req_id` last, so a caller's own `req_id` can never collide
 * with another request. The usual request has none (and no `toJSON`): its JSON gets `req_id`
 * appended to the text instead of the request being copied into a new object first.
 */
export function encodeFrame(request: object, reqId: number): string {
  if (!('req_id' in request) && !('toJSON' in request)) {
    const json = JSON.stringify(request);
    if (json === '{}') return `{"req_id":${reqId}}`;
    if (json.endsWith('}')) return `${json.slice(0, -1)},"req_id":${reqId}}`;
  }
  return JSON.stringify({ ...request, req_id: reqId });
}

/**
 * How late a timeout may fire, beyond the timer's own lateness: a sweep that finds the next
 * deadline nearer than this waits this long, so that requests expiring close together share one
 * sweep (a sweep visits every pending request).
 */
export const SWEEP_SLACK_MS = 10;

/**
 * The request bookkeeping, apart from any socket: it numbers requests with its own `req_id`, holds
 * the ones waiting for the socket (`queued`) and the ones written to it (`inflight`), and settles
 * each exactly once. After every settle the entry is gone from both collections and its abort
 * listener removed.
 *
 * Timeouts: one timer per client, not one per request. Each request records its deadline; the
 * timer is armed for the earliest one and, when it fires, settles every request whose deadline has
 * passed and re-arms for the next. A request therefore times out no earlier than `timeoutMs` after
 * it was registered and at most {@link SWEEP_SLACK_MS} (plus the timer's own lateness) after that.
 * Deadlines are read on the client's clock (wall time, as the keep-alive reads it): a timer that
 * fires counts as at least its delay elapsed even if the wall clock was stepped back meanwhile.
 * With no request pending the timer is cancelled.
 */
export class RequestManager {
  #nextReqId = 1;
  readonly #inflight = new Map<number, RequestEntry>();
  // Created on first use: a client whose socket is ready before its first request never queues.
  #queue: RequestEntry[] | undefined;
  /** The client's timers (counted for diagnostics), shared with its other parts. */
  readonly timers: CountedTimers;
  #abortListeners = 0;
  /** Registered and not yet settled. */
  #pending = 0;
  #cancelSweep: CancelTimer | undefined;
  /** The clock time the armed sweep is due; `undefined` when none is armed (no boxed number kept). */
  #sweepAt: number | undefined;

  constructor(timers: CountedTimers) {
    this.timers = timers;
  }

  /**
   * Creates an entry for `request` (its `req_id` replaced by ours) with its timeout and abort
   * wiring. The caller then queues it or marks it sent.
   */
  register(
    call: string,
    request: object,
    options: RegisterOptions,
  ): { entry: RequestEntry; promise: Promise<ReplyEnvelope> } {
    const reqId = this.#nextReqId++;
    const frame = encodeFrame(request, reqId);
    let entry!: RequestEntry;
    const now = this.timers.now();
    const timeoutMs = options.timeoutMs;
    const deadline = now + timeoutMs;
    const promise = new Promise<ReplyEnvelope>((resolve, reject) => {
      entry = {
        reqId,
        call,
        frame,
        state: 'new',
        resolve,
        reject,
        registeredAt: now,
        timeoutMs,
        removeAbortListener: undefined,
      };
    });
    this.#pending += 1;
    // A sweep due within the slack after this deadline serves it too (the usual case: one timeout
    // for every request, so deadlines only grow).
    const sweepAt = this.#sweepAt;
    if (sweepAt === undefined || deadline + SWEEP_SLACK_MS < sweepAt) this.#armSweep(now, deadline);
    const signal = options.signal;
    if (signal) {
      const onAbort = (): void => {
        this.settle(
          entry,
          new DerivConnectionError('aborted', `\`${call}\` was aborted by its caller.`, {
            cause: signal.reason,
            details: { call, reqId },
          }),
        );
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#abortListeners += 1;
      entry.removeAbortListener = () => {
        this.#abortListeners -= 1;
        signal.removeEventListener('abort', onAbort);
      };
    }
    return { entry, promise };
  }

  /** Puts `entry` in the waiting room. */
  enqueue(entry: RequestEntry): void {
    entry.state = 'queued';
    (this.#queue ??= []).push(entry);
  }

  /** Records that `entry`'s frame was written to the socket. */
  markInflight(entry: RequestEntry): void {
    entry.state = 'inflight';
    this.#inflight.set(entry.reqId, entry);
  }

  /** Takes every queued entry, oldest first, leaving the queue empty. */
  drainQueue(): RequestEntry[] {
    const queue = this.#queue;
    this.#queue = undefined;
    return queue ?? [];
  }

  /**
   * Settles the in-flight request `reqId` with `error`, or resolves it with `reply`.
   *
   * @returns `false` when no in-flight request has that `req_id` (late, unknown or missing).
   */
  settleById(reqId: number | undefined, error: unknown, reply?: ReplyEnvelope): boolean {
    if (reqId === undefined) return false;
    const entry = this.#inflight.get(reqId);
    if (!entry) return false;
    this.settle(entry, error, reply);
    return true;
  }

  /**
   * Settles the in-flight request a reply belongs to.
   *
   * @returns `false` when no in-flight request has that `req_id` (late, unknown or missing).
   */
  handleReply(reply: ReplyEnvelope, toError: (reply: ReplyEnvelope) => unknown): boolean {
    const reqId = reply.req_id;
    if (typeof reqId !== 'number') return false;
    const entry = this.#inflight.get(reqId);
    if (!entry) return false;
    if (reply.error !== undefined) this.settle(entry, toError(reply));
    else this.settle(entry, undefined, reply);
    return true;
  }

  /** Settles `entry` once: with `reply` when `error` is undefined, else rejects. Later calls do nothing. */
  settle(entry: RequestEntry, error: unknown, reply?: ReplyEnvelope): void {
    const previous = entry.state;
    if (previous === 'settled') return;
    entry.state = 'settled';
    this.#pending -= 1;
    if (this.#pending === 0) this.#disarmSweep();
    entry.removeAbortListener?.();
    entry.removeAbortListener = undefined;
    if (previous === 'inflight') this.#inflight.delete(entry.reqId);
    else if (previous === 'queued') {
      const index = this.#queue?.indexOf(entry) ?? -1;
      if (index >= 0) this.#queue?.splice(index, 1);
    }
    if (error === undefined && reply) entry.resolve(reply);
    else entry.reject(error);
  }

  #armSweep(now: number, at: number): void {
    this.#cancelSweep?.();
    this.#sweepAt = at;
    this.#cancelSweep = this.timers.set(() => {
      this.#sweep(at);
    }, at - now);
  }

  #disarmSweep(): void {
    this.#cancelSweep?.();
    this.#cancelSweep = undefined;
    this.#sweepAt = undefined;
  }

  /** The sweep armed for `dueAt` fired: times out every request past its deadline, re-arms. */
  #sweep(dueAt: number): void {
    this.#cancelSweep = undefined;
    this.#sweepAt = undefined;
    // The timer waited its whole delay: a wall clock stepped back meanwhile does not stretch it.
    const now = Math.max(this.timers.now(), dueAt);
    const expired: RequestEntry[] = [];
    let next = Number.POSITIVE_INFINITY;
    const visit = (entry: RequestEntry): void => {
      const deadline = entry.registeredAt + entry.timeoutMs;
      if (deadline <= now) expired.push(entry);
      else if (deadline < next) next = deadline;
    };
    for (const entry of this.#inflight.values()) visit(entry);
    if (this.#queue) for (const entry of this.#queue) visit(entry);
    for (const entry of expired)
      this.settle(
        entry,
        new DerivConnectionError(
          'timeout',
          `No reply to \`${entry.call}\` within ${entry.timeoutMs} ms.`,
          { details: { call: entry.call, reqId: entry.reqId, timeoutMs: entry.timeoutMs } },
        ),
      );
    if (next !== Number.POSITIVE_INFINITY && this.#pending > 0)
      this.#armSweep(now, Math.max(next, now + SWEEP_SLACK_MS));
  }

  /** Rejects every in-flight request (the socket they were written to is gone). */
  rejectInflight(error: (entry: RequestEntry) => unknown): void {
    for (const entry of [...this.#inflight.values()]) this.settle(entry, error(entry));
  }

  /** Rejects every queued request. */
  rejectQueued(error: (entry: RequestEntry) => unknown): void {
    if (this.#queue) for (const entry of [...this.#queue]) this.settle(entry, error(entry));
  }

  /** The `req_id` the next registered request gets. */
  get nextReqId(): number {
    return this.#nextReqId;
  }

  /** Requests written and not yet answered. */
  get inflightCount(): number {
    return this.#inflight.size;
  }

  /** Requests waiting for the socket. */
  get queuedCount(): number {
    return this.#queue?.length ?? 0;
  }

  /** Abort listeners still attached to callers' signals. */
  get abortListenerCount(): number {
    return this.#abortListeners;
  }
}
