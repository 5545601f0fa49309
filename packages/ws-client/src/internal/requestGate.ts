import { getCallName } from '@deriv-auth/core';
import { DerivConnectionError } from '../derivConnectionError.js';
import type { DerivRequest, DerivResponse, SendOptions } from '../messageTypes.js';
import type { DerivClientEvent, ResolvedClientOptions } from '../options.js';
import type { RequestEntry, RequestManager } from './requestManager.js';
import type { SecretRegistry } from './secretRegistry.js';
import type { SocketConnection, SocketEnd } from './socketConnection.js';
import { timeoutOrError } from './timeoutLimits.js';

/** What the gate needs of the transport, and nothing more. */
export interface GateHost {
  readonly options: ResolvedClientOptions;
  readonly requests: RequestManager;
  readonly secrets: SecretRegistry;
  readonly socket: SocketConnection | undefined;
  readonly isTerminal: boolean;
  /** Whether the gate is open: the socket is open and authorized (or needs no authorization). */
  readonly isReady: boolean;
  readonly lastError: Error | undefined;
  connect(): void;
  /** A request went out (the keep-alive counts traffic) at `now` (the clock's time; read when not given). */
  noteSent(now?: number): void;
  emit(event: DerivClientEvent): void;
}

/** Names a request by its call (`ping`), or its first key for calls core does not know. */
function nameCall(request: object): string {
  return getCallName(request) ?? Object.keys(request)[0] ?? 'unknown';
}

/**
 * Sends `request` through the gate: written now when the gate is open, else queued (or rejected,
 * by the `queue` option). With `bypassGate` (the authorization and the keep-alive) it goes out at
 * once on the open socket, only on `onlyOn` when given, or rejects with `connection_lost`.
 */
export function sendThroughGate(
  host: GateHost,
  request: DerivRequest,
  options: SendOptions | undefined,
  bypassGate: boolean,
  onlyOn?: SocketConnection,
): Promise<DerivResponse> {
  const call = nameCall(request);
  if (host.isTerminal)
    return Promise.reject(
      new DerivConnectionError('closed', `Cannot send \`${call}\`: the client is closed.`, {
        cause: host.lastError,
      }),
    );
  const signal = options?.signal;
  if (signal?.aborted)
    return Promise.reject(
      new DerivConnectionError('aborted', `\`${call}\` was aborted before it was sent.`, {
        cause: signal.reason,
      }),
    );
  const timeoutMs =
    options?.timeoutMs === undefined
      ? host.options.requestTimeoutMs
      : timeoutOrError('timeoutMs', options.timeoutMs);
  if (typeof timeoutMs !== 'number') return Promise.reject(timeoutMs);
  host.secrets.noteRequest(request);
  const requests = host.requests;
  const { entry, promise } = requests.register(call, request, { timeoutMs, signal });
  const socket = host.socket;
  const queueSize = host.options.queueSize;
  if (socket?.isOpen && (host.isReady || bypassGate) && (onlyOn === undefined || onlyOn === socket))
    writeRequest(host, entry, socket, entry.registeredAt);
  else if (bypassGate)
    requests.settle(
      entry,
      new DerivConnectionError(
        'connection_lost',
        `Cannot send \`${call}\`: the socket is not open.`,
      ),
    );
  else if (queueSize === false) {
    requests.settle(
      entry,
      new DerivConnectionError(
        'not_connected',
        `Cannot send \`${call}\`: the socket is not ready and queueing is off.`,
      ),
    );
    host.connect();
  } else if (requests.queuedCount >= queueSize) {
    requests.settle(
      entry,
      new DerivConnectionError(
        'queue_full',
        `Cannot send \`${call}\`: ${queueSize} requests are already waiting for the socket.`,
        { details: { maxSize: queueSize } },
      ),
    );
  } else {
    requests.enqueue(entry);
    host.connect();
  }
  return promise;
}

/**
 * Writes `entry` on `socket` and marks it in flight, or rejects it when the socket refuses. `now`:
 * the clock's time when the caller just read it (saves a clock read per request).
 */
export function writeRequest(
  host: GateHost,
  entry: RequestEntry,
  socket: SocketConnection,
  now?: number,
): void {
  if (!socket.send(entry.frame)) {
    host.requests.settle(
      entry,
      new DerivConnectionError(
        'connection_lost',
        `Cannot send \`${entry.call}\`: the socket is not open.`,
      ),
    );
    return;
  }
  host.requests.markInflight(entry);
  host.noteSent(now);
  if (host.options.onEvent) host.emit({ type: 'request', msgType: entry.call, reqId: entry.reqId });
}

/** The socket ended: every request in flight rejects with `connection_lost` (it may or may not have run). */
export function rejectInflightOnLoss(requests: RequestManager, end: SocketEnd): void {
  requests.rejectInflight(
    (entry) =>
      new DerivConnectionError(
        'connection_lost',
        `The connection was lost before \`${entry.call}\` was answered.`,
        {
          cause: end.error,
          details: { call: entry.call, reqId: entry.reqId, closeCode: end.code },
        },
      ),
  );
}

/** The socket is being replaced: requests in flight reject; returns the reason for the old socket. */
export function rejectInflightOnReplace(requests: RequestManager): DerivConnectionError {
  const error = new DerivConnectionError(
    'connection_lost',
    'The socket was replaced by one for another authorization.',
  );
  requests.rejectInflight(
    (entry) =>
      new DerivConnectionError(
        'connection_lost',
        `The socket was replaced before \`${entry.call}\` was answered.`,
        { cause: error },
      ),
  );
  return error;
}
