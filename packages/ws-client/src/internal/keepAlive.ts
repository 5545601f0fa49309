import { DerivConnectionError, isDerivConnectionError } from '../derivConnectionError.js';
import type { DerivRequest, DerivResponse, SendOptions } from '../messageTypes.js';
import type { ResolvedClientOptions } from '../options.js';
import { tickerFor, type TickerEntry } from './keepAliveTicker.js';
import type { SocketConnection } from './socketConnection.js';
import type { CountedTimers } from './timers.js';

/** What {@link KeepAlive} needs of the transport, and nothing more. */
export interface KeepAliveHost {
  readonly timers: CountedTimers;
  readonly socket: SocketConnection | undefined;
  /** Sends at once on the open socket, ahead of the gate. */
  sendNow(request: DerivRequest, options: SendOptions | undefined): Promise<DerivResponse>;
  /** Drops the socket as dead; it reconnects like after any loss. */
  dropSocket(error: DerivConnectionError): void;
}

/**
 * Keeps the socket alive and notices a dead peer. A `ping` goes out after `intervalMs` without
 * traffic (Deriv closes sockets after about two quiet minutes); an unanswered ping drops the
 * socket, which then reconnects. Gaps are read from the wall clock, not from timer punctuality:
 * a browser throttling a hidden tab fires timers late, so a send after a long silence triggers the
 * liveness check at once instead of trusting a socket that may have died meanwhile.
 */
export class KeepAlive implements TickerEntry {
  readonly #host: KeepAliveHost;
  readonly #options: ResolvedClientOptions;
  /** When the next check is due; read by the shared ticker. */
  dueAt = 0;
  /** Owned by the shared {@link tickerFor | ticker}: -1 while no check is scheduled. */
  tickerIndex = -1;
  #lastSentAt = 0;
  /** A lower bound of the newest frame's arrival (see {@link KeepAlive.noteReceived}). */
  #lastReceivedAt = 0;
  /** A frame arrived since the clock was last read here. */
  #received = false;
  /** When this keep-alive last read the clock: frames flagged since then arrived after it. */
  #readAt = 0;
  #pinging = false;
  /** Bumped on every start/stop so callbacks of an older socket do nothing. */
  #generation = 0;

  constructor(host: KeepAliveHost, options: ResolvedClientOptions) {
    this.#host = host;
    this.#options = options;
  }

  start(): void {
    if (this.#options.keepAlive === false) return;
    this.stop();
    const now = this.#options.clock.now();
    this.#lastSentAt = now;
    this.#lastReceivedAt = now;
    this.#readAt = now;
    this.#received = false;
    this.#schedule(this.#options.keepAlive.intervalMs);
  }

  stop(): void {
    this.#generation += 1;
    this.#pinging = false;
    this.#unschedule();
  }

  /** A frame went out at `now` (read from the clock when not given). */
  noteSent(now = this.#options.clock.now()): void {
    const keepAlive = this.#options.keepAlive;
    if (keepAlive === false) return;
    this.#lastSentAt = now;
    this.#fold(now);
    if (!this.#pinging && now - this.#lastReceivedAt > keepAlive.intervalMs + keepAlive.timeoutMs)
      this.#ping();
  }

  /**
   * A frame arrived. No clock read here: on a busy stream this runs for every tick, and a clock
   * read cost ~3% of a tick's dispatch. The next clock read of this keep-alive (a send, a check)
   * dates it at the previous read, the earliest it can have arrived: an underestimate, which can
   * only bring a liveness ping forward, never put one off.
   */
  noteReceived(): void {
    this.#received = true;
  }

  /** Folds the frames flagged since the last clock read into `#lastReceivedAt`; `now` is read. */
  #fold(now: number): void {
    if (this.#received) {
      this.#received = false;
      this.#lastReceivedAt = this.#readAt;
    }
    this.#readAt = now;
  }

  /**
   * Arms the next check on the ticker shared by every client of this clock (one timer for a whole
   * fleet, not one each); it still counts as one live timer of this client in its diagnostics.
   */
  #schedule(delayMs: number): void {
    if (this.tickerIndex === -1) this.#host.timers.hold();
    const clock = this.#options.clock;
    tickerFor(clock).schedule(this, clock.now() + Math.max(0, delayMs));
  }

  #unschedule(): void {
    if (this.tickerIndex === -1) return;
    tickerFor(this.#options.clock).cancel(this);
    this.#host.timers.release();
  }

  /** Called by the ticker when the check is due (already unscheduled there). */
  onDue(): void {
    this.#host.timers.release();
    this.#tick();
  }

  #tick(): void {
    const keepAlive = this.#options.keepAlive;
    if (keepAlive === false || this.#pinging || !this.#host.socket?.isOpen) return;
    const now = this.#options.clock.now();
    this.#fold(now);
    const quietFor = now - Math.min(this.#lastSentAt, this.#lastReceivedAt);
    if (quietFor >= keepAlive.intervalMs) this.#ping();
    else this.#schedule(keepAlive.intervalMs - quietFor);
  }

  #ping(): void {
    const keepAlive = this.#options.keepAlive;
    if (keepAlive === false) return;
    this.#pinging = true;
    this.#unschedule();
    const generation = this.#generation;
    this.#host.sendNow({ ping: 1 }, { timeoutMs: keepAlive.timeoutMs }).then(
      () => {
        if (generation !== this.#generation) return;
        this.#pinging = false;
        this.#schedule(keepAlive.intervalMs);
      },
      (error: unknown) => {
        if (generation !== this.#generation) return;
        this.#pinging = false;
        if (isDerivConnectionError(error) && error.code === 'timeout') {
          this.#host.dropSocket(
            new DerivConnectionError(
              'connection_lost',
              `No answer to a keep-alive ping within ${keepAlive.timeoutMs} ms: the connection is presumed dead.`,
              { cause: error },
            ),
          );
        } else this.#schedule(keepAlive.intervalMs);
      },
    );
  }
}
