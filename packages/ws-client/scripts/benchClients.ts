/**
 * The three clients the benchmark compares, behind one small interface: a bare `ws` client (the
 * floor: correlation by req_id and nothing else), this package's client, and `@deriv/deriv-api`.
 */
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import { createDerivClient, type CreateDerivClientOptions } from '../src/index.js';

export interface BenchConnection {
  ping(): Promise<unknown>;
  authorize(token: string): Promise<unknown>;
  close(): Promise<void>;
}

export type BenchClientFactory = (wsUrl: string) => Promise<BenchConnection>;

/** The floor: one socket, a Map of resolvers by req_id, JSON in and out. */
export const openBare: BenchClientFactory = async (wsUrl) => {
  const socket = new WebSocket(`${wsUrl}?app_id=1089&l=EN&brand=deriv`);
  const pending = new Map<number, (reply: unknown) => void>();
  let nextId = 1;
  socket.on('message', (data: Buffer) => {
    const reply = JSON.parse(data.toString()) as { req_id?: number };
    const resolve = reply.req_id === undefined ? undefined : pending.get(reply.req_id);
    if (resolve && reply.req_id !== undefined) {
      pending.delete(reply.req_id);
      resolve(reply);
    }
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const call = (request: Record<string, unknown>): Promise<unknown> =>
    new Promise((resolve) => {
      const reqId = nextId++;
      pending.set(reqId, resolve);
      socket.send(JSON.stringify({ ...request, req_id: reqId }));
    });
  return {
    ping: () => call({ ping: 1 }),
    authorize: (token) => call({ authorize: token }),
    close: () =>
      new Promise((resolve) => {
        socket.once('close', () => {
          resolve();
        });
        socket.close();
      }),
  };
};

/**
 * This package's client, used as its README shows: created, then sent to. It connects at once, and
 * a request sent before the socket is open waits in the client's queue until it is; the socket is
 * not awaited apart (a snapshot listener would cost a closure and a call per status change that
 * an application does not pay).
 */
export const openOurs: BenchClientFactory = (wsUrl) => openOursWith(wsUrl, {});

/** {@link openOurs} with more options (`connectionCost.ts` passes a slowed-down clock). */
export const openOursWith = (
  wsUrl: string,
  options: Omit<CreateDerivClientOptions, 'appId'>,
): Promise<BenchConnection> => {
  const client = createDerivClient({ appId: 1089, endpoint: wsUrl, WebSocket, ...options });
  client.connect();
  return Promise.resolve({
    ping: () => client.ping(),
    authorize: (token) => client.send({ authorize: token }),
    close: () => client.close(),
  });
};

interface DerivApiBasic {
  ping(): Promise<unknown>;
  authorize(token: string): Promise<unknown>;
  disconnect(): Promise<void> | void;
}

/** `@deriv/deriv-api`'s basic client over an injected `ws` socket. */
export const openDerivApi: BenchClientFactory = async (wsUrl) => {
  const require = createRequire(import.meta.url);
  // A UMD bundle whose module.exports is the class itself.
  const DerivAPIBasic = require('@deriv/deriv-api/dist/DerivAPIBasic.js') as new (options: {
    connection: WebSocket;
  }) => DerivApiBasic;
  const socket = new WebSocket(`${wsUrl}?app_id=1089&l=EN&brand=deriv`);
  const api = new DerivAPIBasic({ connection: socket });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    ping: () => api.ping(),
    authorize: (token) => api.authorize(token),
    close: () =>
      new Promise((resolve) => {
        socket.once('close', () => {
          resolve();
        });
        void api.disconnect();
      }),
  };
};
