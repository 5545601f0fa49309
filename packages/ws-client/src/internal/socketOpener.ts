import { DerivConnectionError } from '../derivConnectionError.js';
import { isDerivSessionError } from '../derivSessionError.js';
import type { DerivClientEvent, ResolvedClientOptions } from '../options.js';
import type { WebSocketConstructorLike } from '../webSocketLike.js';
import type { AuthorizationStep } from './authorizationRunner.js';
import type { ConnectionSnapshotPatch } from './connectionSnapshot.js';
import { SocketConnection, type SocketOwner } from './socketConnection.js';

/** What {@link openNextSocket} needs of the transport, and nothing more. */
export interface SocketOpenerHost extends SocketOwner {
  readonly options: ResolvedClientOptions;
  readonly isTerminal: boolean;
  /** Whether a socket of this client ever opened (the status is then `reconnecting`). */
  readonly everOpened: boolean;
  /** The reconnect attempt about to be made (0 for the first socket). */
  readonly attempt: number;
  /** The installed authorization's own socket URL, if it brings one (one-time URLs). */
  readonly socketUrl: AuthorizationStep['socketUrl'];
  /** The socket URL is being fetched: `connect()` must not start a second attempt meanwhile. */
  urlFetchStarted(): void;
  /**
   * The fetch ended; `false` when the socket was closed before it existed (a sign-out while its
   * one-time URL was fetched): the fetched URL is then dropped, not opened.
   */
  urlFetchEnded(): boolean;
  setSnapshot(patch: ConnectionSnapshotPatch): void;
  emit(event: DerivClientEvent): void;
  terminate(error: Error): Promise<void>;
  /** The new socket, now connecting. */
  socketCreated(socket: SocketConnection): void;
  /** The attempt failed before a socket existed (`connect_failed`): counts as a lost connection. */
  openFailed(error: DerivConnectionError): void;
  /** The socket URL was refused for good (a session error such as `login_required`): no retry. */
  socketUrlRefused(error: Error): void;
}

/**
 * Starts the next socket: status `connecting` (or `reconnecting`), the URL (the client's endpoint,
 * or the authorization's own), then the WebSocket. No global is read before this runs.
 */
export function openNextSocket(host: SocketOpenerHost): void {
  const WebSocketCtor =
    host.options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructorLike }).WebSocket;
  if (!WebSocketCtor) {
    void host.terminate(
      new DerivConnectionError(
        'no_websocket',
        'No WebSocket implementation: pass the `WebSocket` option (in Node: `import WebSocket from "ws"`).',
      ),
    );
    return;
  }
  const attempt = host.attempt;
  host.setSnapshot({ status: host.everOpened || attempt > 0 ? 'reconnecting' : 'connecting' });
  host.emit({ type: 'connecting', attempt });
  const socketUrl = host.socketUrl;
  if (!socketUrl) {
    createSocket(host, WebSocketCtor, host.options.url);
    return;
  }
  host.urlFetchStarted();
  // A user callback: a synchronous throw becomes a rejection like any other failure.
  new Promise<string>((resolve) => {
    resolve(socketUrl({ url: host.options.url }));
  }).then(
    (url) => {
      if (!host.urlFetchEnded() || host.isTerminal) return;
      // Another authorization was installed meanwhile (a switch): this URL is for the old account.
      if (host.socketUrl !== socketUrl) openNextSocket(host);
      else createSocket(host, WebSocketCtor, url);
    },
    (error: unknown) => {
      if (!host.urlFetchEnded() || host.isTerminal) return;
      if (host.socketUrl !== socketUrl) {
        openNextSocket(host);
        return;
      }
      // A session error (login_required, ...) is final: retrying would only ask again and again.
      if (isDerivSessionError(error)) host.socketUrlRefused(error);
      else
        host.openFailed(
          new DerivConnectionError('connect_failed', 'Could not get a URL for the socket.', {
            cause: host.secrets.scrubCause(error),
          }),
        );
    },
  );
}

function createSocket(
  host: SocketOpenerHost,
  WebSocketCtor: WebSocketConstructorLike,
  url: string,
): void {
  let socket: SocketConnection;
  try {
    socket = new SocketConnection(WebSocketCtor, url, host, host.options.connectTimeoutMs);
  } catch (error) {
    host.openFailed(
      new DerivConnectionError('connect_failed', 'The WebSocket could not be created.', {
        cause: host.secrets.scrubCause(error),
      }),
    );
    return;
  }
  host.socketCreated(socket);
}
