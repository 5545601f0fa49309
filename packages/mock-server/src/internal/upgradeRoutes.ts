/**
 * Which WebSocket upgrades the server takes: the legacy `/websockets/v3` and the New API's
 * `/trading/v1/options/ws/...`. A bad request target, an unknown path, an injected handshake
 * fault or a refused OTP is answered with a plain HTTP response and no upgrade.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import type { FaultRegistry } from './faultRegistry.js';
import type { NewApiEndpoint } from './newApiCalls.js';
import type { NewApiContext } from './newApiContext.js';
import { decideNewApiUpgrade } from './otpSockets.js';
import { parseRequestTarget } from './requestTarget.js';

export const LEGACY_WEBSOCKET_PATH = '/websockets/v3';
const NEW_API_SOCKET_PREFIX = '/trading/v1/options/ws/';

/** What the upgrade router needs from its server. */
export interface UpgradeRouting {
  readonly faults: FaultRegistry;
  readonly wss: WebSocketServer;
  readonly newApi: NewApiContext;
  /** How many OTP sockets a user has open now. */
  readonly openSocketsOf: (userId: string) => number;
  /** Takes an accepted socket: a New API one with its endpoint, a legacy one without. */
  readonly onConnection: (
    socket: WebSocket,
    target: URL,
    transport: Duplex,
    endpoint: NewApiEndpoint | undefined,
  ) => void;
}

/** Answers an upgrade request with an HTTP error instead of switching protocols. */
export function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

/** Handles one `upgrade` event of the HTTP server. */
export function routeUpgrade(
  routing: UpgradeRouting,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): void {
  socket.on('error', () => socket.destroy());
  const target = parseRequestTarget(request.url);
  if (target === undefined) {
    rejectUpgrade(socket, 400, 'Request targets are /path?query only.');
    return;
  }
  const isNewApi = target.pathname.startsWith(NEW_API_SOCKET_PREFIX);
  if (target.pathname !== LEGACY_WEBSOCKET_PATH && !isNewApi) {
    rejectUpgrade(socket, 404, `WebSocket endpoint is ${LEGACY_WEBSOCKET_PATH}`);
    return;
  }
  const fault = routing.faults.takeHandshakeFault();
  if (fault?.type === 'refuseHandshake') {
    rejectUpgrade(socket, fault.status ?? 403, 'Handshake refused by an injected fault.');
    return;
  }
  if (fault?.type === 'stallHandshake') return;
  const decision = isNewApi
    ? decideNewApiUpgrade(routing.newApi, target, routing.openSocketsOf)
    : undefined;
  if (isNewApi && decision === undefined) {
    rejectUpgrade(socket, 404, 'New API sockets are /ws/demo, /ws/real and /ws/public.');
    return;
  }
  if (decision !== undefined && 'status' in decision) {
    rejectUpgrade(socket, decision.status, decision.text);
    return;
  }
  routing.wss.handleUpgrade(request, socket, head, (webSocket) => {
    // A frame ws refuses (over maxPayload, invalid UTF-8, reserved bits set, bad opcode) is an
    // `error` event, then ws closes with 1009/1007/1002. Without a listener it would end the process.
    webSocket.on('error', () => undefined);
    routing.onConnection(webSocket, target, socket, decision?.endpoint);
  });
}
