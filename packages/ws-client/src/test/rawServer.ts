/**
 * A raw `ws` server on a loopback port for hostile tests: it answers each request frame with
 * whatever `reply` returns (a text frame, nothing, or an action on the socket), so a test can send
 * frames the mock server never would.
 */
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';

/** What the raw server received: every request frame, parsed. */
export interface RawServer {
  readonly url: string;
  readonly received: Record<string, unknown>[];
  readonly sockets: ServerSocket[];
  close(): Promise<void>;
}

/** Starts a raw server; `reply` gets each parsed request and its socket. */
export async function startRawServer(
  reply: (request: Record<string, unknown>, socket: ServerSocket) => void,
): Promise<RawServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const received: Record<string, unknown>[] = [];
  const sockets: ServerSocket[] = [];
  server.on('connection', (socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.on('message', (data: Buffer) => {
      const request = JSON.parse(data.toString()) as Record<string, unknown>;
      received.push(request);
      reply(request, socket);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    received,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.terminate();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** An answer to `request` echoing its `req_id` and `msg_type`, plus `fields`. */
export function answer(request: Record<string, unknown>, fields: object): string {
  const msgType = Object.keys(request).find((key) => key !== 'req_id') ?? 'unknown';
  return JSON.stringify({ msg_type: msgType, echo_req: {}, req_id: request['req_id'], ...fields });
}

/** Counts uncaught exceptions and unhandled rejections while a test runs. */
export function countEscapes(): { readonly count: number; stop(): void } {
  let count = 0;
  const onError = (): void => {
    count += 1;
  };
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  return {
    get count() {
      return count;
    },
    stop() {
      process.off('uncaughtException', onError);
      process.off('unhandledRejection', onError);
    },
  };
}
