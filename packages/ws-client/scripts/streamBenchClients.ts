/**
 * The three clients `pnpm bench:streams` compares, each reduced to "open these tick streams on one
 * socket, call `onTick` for every tick delivered": a bare `ws` client (the floor: JSON.parse and a
 * Map lookup by subscription id), this package's `stream().listen`, and `@deriv/deriv-api`'s
 * `subscribe` (an RxJS Observable).
 */
import { createRequire } from 'node:module';
import WebSocket from 'ws';
import { createDerivClient } from '../src/index.js';

export interface StreamBenchConnection {
  /** Opens one stream per symbol; resolves when each delivered its first tick. */
  open(symbols: readonly string[], onTick: (message: unknown) => void): Promise<void>;
  /** Closes the socket (streams and all). */
  close(): Promise<void>;
}

export type StreamBenchClientFactory = (wsUrl: string) => Promise<StreamBenchConnection>;

const endpointOf = (wsUrl: string): string => `${wsUrl}?app_id=1089&l=EN&brand=deriv`;

function opened(socket: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      resolve();
    });
    socket.once('error', reject);
  });
}

function closed(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) resolve();
    socket.once('close', () => {
      resolve();
    });
    socket.terminate();
  });
}

/**
 * Counts first ticks: `consumer(onTick)` wraps a stream's consumer so that its first delivery is
 * counted, and later ones cost one boolean test. `all` resolves when `count` streams delivered.
 */
function firstTicks(count: number): {
  consumer: (onTick: (message: unknown) => void) => (message: unknown) => void;
  all: Promise<void>;
} {
  let seen = 0;
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  return {
    consumer: (onTick) => {
      let first = true;
      return (message) => {
        onTick(message);
        if (first) {
          first = false;
          if (++seen === count) done();
        }
      };
    },
    all,
  };
}

interface TickMessage {
  req_id?: number;
  subscription?: { id?: string };
}

/** The floor: one socket; the first reply names the subscription, later ones go by its id. */
export const openBareStreams: StreamBenchClientFactory = async (wsUrl) => {
  const socket = new WebSocket(endpointOf(wsUrl));
  const pending = new Map<number, (message: TickMessage) => void>();
  const consumers = new Map<string, (message: unknown) => void>();
  let nextId = 1;
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as TickMessage;
    const id = message.subscription?.id;
    const consumer = id === undefined ? undefined : consumers.get(id);
    if (consumer) {
      consumer(message);
      return;
    }
    const waiting = message.req_id === undefined ? undefined : pending.get(message.req_id);
    if (waiting && message.req_id !== undefined) {
      pending.delete(message.req_id);
      waiting(message);
    }
  });
  await opened(socket);
  return {
    open: async (symbols, onTick) => {
      const first = firstTicks(symbols.length);
      for (const symbol of symbols) {
        const reqId = nextId++;
        const consumer = first.consumer(onTick);
        pending.set(reqId, (message) => {
          if (message.subscription?.id) consumers.set(message.subscription.id, consumer);
          consumer(message);
        });
        socket.send(JSON.stringify({ ticks: symbol, subscribe: 1, req_id: reqId }));
      }
      await first.all;
    },
    close: () => closed(socket),
  };
};

/** This package's client: `stream(request).listen(onTick)`. */
export const openOurStreams: StreamBenchClientFactory = async (wsUrl) => {
  const client = createDerivClient({ appId: 1089, endpoint: wsUrl, WebSocket });
  client.connect();
  await new Promise<void>((resolve) => {
    const unsubscribe = client.subscribe(() => {
      if (client.getSnapshot().status === 'open') {
        unsubscribe();
        resolve();
      }
    });
  });
  return {
    open: async (symbols, onTick) => {
      const first = firstTicks(symbols.length);
      for (const symbol of symbols) {
        client.stream({ ticks: symbol }).listen(first.consumer(onTick));
      }
      await first.all;
    },
    close: () => client.close(),
  };
};

interface Observable {
  subscribe(next: (message: unknown) => void): { unsubscribe(): void };
}
interface DerivApiBasic {
  subscribe(request: Record<string, unknown>): Observable;
  disconnect(): Promise<void> | void;
}

/** `@deriv/deriv-api`'s basic client: `api.subscribe(request).subscribe(onTick)`. */
export const openDerivApiStreams: StreamBenchClientFactory = async (wsUrl) => {
  const require = createRequire(import.meta.url);
  // A UMD bundle whose module.exports is the class itself.
  const DerivAPIBasic = require('@deriv/deriv-api/dist/DerivAPIBasic.js') as new (options: {
    connection: WebSocket;
  }) => DerivApiBasic;
  const socket = new WebSocket(endpointOf(wsUrl));
  const api = new DerivAPIBasic({ connection: socket });
  await opened(socket);
  return {
    open: async (symbols, onTick) => {
      const first = firstTicks(symbols.length);
      for (const symbol of symbols) {
        api.subscribe({ ticks: symbol }).subscribe(first.consumer(onTick));
      }
      await first.all;
    },
    close: () => closed(socket),
  };
};
