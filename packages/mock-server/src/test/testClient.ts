/** Test helpers: a real `ws` client that sends JSON and awaits replies by req_id. */
import WebSocket from 'ws';

export interface TestClient {
  readonly socket: WebSocket;
  /** Every parsed message received, in order. */
  readonly messages: Record<string, unknown>[];
  /** Sends a request with a fresh req_id (unless given) and resolves with the reply carrying it. */
  call(request: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Resolves with the next message matching `predicate` (already received ones count). */
  next(predicate: (message: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

let nextReqId = 1;

export function openClient(url: string): Promise<TestClient> {
  const socket = new WebSocket(url);
  socket.on('error', () => undefined);
  const messages: Record<string, unknown>[] = [];
  const waiters = new Set<{
    predicate: (message: Record<string, unknown>) => boolean;
    resolve: (message: Record<string, unknown>) => void;
  }>();
  socket.on('message', (data: Buffer) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    } catch {
      message = { malformed: data.toString('utf8') };
    }
    messages.push(message);
    for (const waiter of waiters) {
      if (waiter.predicate(message)) {
        waiters.delete(waiter);
        waiter.resolve(message);
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
    });
  });
  const next = (
    predicate: (message: Record<string, unknown>) => boolean,
  ): Promise<Record<string, unknown>> => {
    const seen = messages.find(predicate);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => waiters.add({ predicate, resolve }));
  };
  const client: TestClient = {
    socket,
    messages,
    closed,
    next,
    call(request) {
      const reqId = typeof request['req_id'] === 'number' ? request['req_id'] : nextReqId++;
      socket.send(JSON.stringify({ ...request, req_id: reqId }));
      return next((message) => message['req_id'] === reqId);
    },
    close: () => {
      socket.close();
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      resolve(client);
    });
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => {
      reject(new Error(`Handshake answered ${response.statusCode}`));
    });
  });
}
