import { DerivConnectionError } from '../derivConnectionError.js';
import {
  computeBackoffDelay,
  type DerivClientEvent,
  type ResolvedReconnectOptions,
} from '../options.js';
import type { ConnectionSnapshotPatch } from './connectionSnapshot.js';
import type { CancelTimer, CountedTimers } from './timers.js';

/** What the {@link ReconnectManager} needs of the transport, and nothing more. */
export interface ReconnectHost {
  readonly timers: CountedTimers;
  emit(event: DerivClientEvent): void;
  setSnapshot(patch: ConnectionSnapshotPatch): void;
  /** Opens the next socket (the retry). */
  reopen(): void;
  /** Gives up: the client enters `closed` with `error`. */
  terminate(error: Error): Promise<void>;
}

/**
 * Decides what follows a lost or failed socket: a retry after an exponential backoff, or giving up
 * (`reconnect_exhausted`, or at once when reconnecting is off). It owns the retry budget and the
 * two timers around it (the next attempt, and the "stable for `stableAfterMs`" reset).
 */
export class ReconnectManager {
  readonly #host: ReconnectHost;
  readonly #options: ResolvedReconnectOptions | false;
  /**
   * Failed attempts since the connection was last stable (ready for `stableAfterMs`): the retry
   * budget. Not reset by a mere successful authorization, so a server that authorizes and then
   * closes cannot get the token re-sent forever.
   */
  #failures = 0;
  #cancelRetry: CancelTimer | undefined;
  #cancelStable: CancelTimer | undefined;

  constructor(host: ReconnectHost, options: ResolvedReconnectOptions | false) {
    this.#host = host;
    this.#options = options;
  }

  /** Whether a retry is scheduled (the transport then does not connect on its own). */
  get waiting(): boolean {
    return this.#cancelRetry !== undefined;
  }

  /** A scheduled retry began (or a socket opens without one): the retry timer is spent. */
  retryStarted(): void {
    this.#cancelRetry = undefined;
  }

  /** The connection became ready: the budget resets once `isStillReady` holds `stableAfterMs` later. */
  ready(isStillReady: () => boolean): void {
    const options = this.#options;
    if (this.#failures === 0 || this.#cancelStable || options === false) return;
    this.#cancelStable = this.#host.timers.set(() => {
      this.#cancelStable = undefined;
      if (isStillReady()) this.#failures = 0;
    }, options.stableAfterMs);
  }

  /** The socket ended: it was not stable after all. */
  socketEnded(): void {
    this.#cancelStable?.();
    this.#cancelStable = undefined;
  }

  /** Schedules the next attempt after `error`, or gives up when the budget is spent. */
  afterLoss(error: DerivConnectionError): void {
    const host = this.#host;
    const options = this.#options;
    if (options === false) {
      void host.terminate(error);
      return;
    }
    this.#failures += 1;
    const attempt = this.#failures;
    // A connection failure is an error worth reporting, with its (scrubbed) cause.
    host.emit({ type: 'error', error });
    if (attempt > options.maxAttempts) {
      void host.terminate(
        new DerivConnectionError(
          'reconnect_exhausted',
          `Gave up after ${options.maxAttempts} reconnect attempts.`,
          { cause: error, details: { attempts: options.maxAttempts } },
        ),
      );
      return;
    }
    const delayMs = computeBackoffDelay(attempt, options);
    host.setSnapshot({ status: 'reconnecting', attempt, lastError: error });
    host.emit({ type: 'reconnect_scheduled', attempt, delayMs });
    this.#cancelRetry = host.timers.set(() => {
      host.reopen();
    }, delayMs);
  }

  /** Cancels both timers (the client is closing). */
  stop(): void {
    this.#cancelRetry?.();
    this.#cancelRetry = undefined;
    this.socketEnded();
  }
}
