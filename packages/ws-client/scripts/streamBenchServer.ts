/**
 * Child-process entry of `pnpm bench:streams`: a tick server that is never the bottleneck. The mock
 * server pushes at most one tick per symbol per timer beat (five symbols, one identical
 * subscription each), far below what any client can dispatch; this one answers `ticks`
 * subscriptions for any symbol (so 100 distinct streams fit on one socket) and then writes
 * pre-built frames, Deriv's tick messages byte for byte in the mock's shape, straight to the TCP
 * socket as fast as it drains. Clients' frames are read with `ws`. Bundled by `streamBench.mjs`.
 */
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

interface Subscription {
  readonly id: string;
  /** The tick messages of this subscription, as WebSocket frames (one per quote of a small walk). */
  readonly frames: Buffer[];
}

/** An unmasked text frame (server to client) holding `text`. */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x81, length])
      : length < 65_536
        ? Buffer.from([0x81, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x81, 127]), bigLength(length)]);
  return Buffer.concat([header, payload]);
}
function bigLength(length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}

/** The mock server's tick message for `symbol` at `beat` (same fields, same order). */
function tickMessage(request: Record<string, unknown>, id: string, beat: number): string {
  const quote = Number((1234.56 + ((beat % 21) - 10) * 0.01).toFixed(2));
  return JSON.stringify({
    echo_req: request,
    msg_type: 'tick',
    req_id: request['req_id'],
    subscription: { id },
    tick: {
      ask: Number((quote + 0.01).toFixed(2)),
      bid: Number((quote - 0.01).toFixed(2)),
      epoch: Math.floor(Date.now() / 1000),
      id,
      pip_size: 2,
      quote,
      symbol: request['ticks'],
    },
  });
}

/** One client socket: its subscriptions and the pump that floods them while `flowing`. */
class Connection {
  readonly subscriptions = new Map<string, Subscription>();
  #beat = 0;
  #pumping = false;
  #nextId = 0;
  declare readonly socket: WebSocket;
  declare readonly raw: Socket;

  constructor(socket: WebSocket) {
    this.socket = socket;
    // ws keeps the TCP socket here; frames written to it whole never interleave with ws's own.
    this.raw = (socket as unknown as { _socket: Socket })._socket;
    socket.on('message', (data: Buffer) => {
      this.#handle(JSON.parse(data.toString()) as Record<string, unknown>);
    });
    socket.on('close', () => {
      this.subscriptions.clear();
    });
  }

  #handle(request: Record<string, unknown>): void {
    const reqId = request['req_id'];
    if (typeof request['ticks'] === 'string') {
      this.#nextId += 1;
      const id = `sub${String(this.#nextId).padStart(28, '0')}`;
      const frames = Array.from({ length: 21 }, (_, beat) =>
        textFrame(tickMessage(request, id, beat)),
      );
      this.subscriptions.set(id, { id, frames });
      this.raw.write(frames[0] as Buffer);
      if (flowing) this.pump();
    } else if (typeof request['forget'] === 'string') {
      const known = this.subscriptions.delete(request['forget']);
      this.#reply({ echo_req: request, forget: known ? 1 : 0, msg_type: 'forget', req_id: reqId });
    } else if (request['ping'] === 1) {
      this.#reply({ echo_req: request, msg_type: 'ping', ping: 'pong', req_id: reqId });
    } else {
      this.#reply({
        echo_req: request,
        error: { code: 'UnrecognisedRequest', message: 'Not served by the bench server.' },
        msg_type: 'error',
        req_id: reqId,
      });
    }
  }

  #reply(message: Record<string, unknown>): void {
    this.raw.write(textFrame(JSON.stringify(message)));
  }

  /** Writes rounds (one tick per subscription) until the socket's buffer is full, then on drain. */
  pump(): void {
    if (this.#pumping) return;
    this.#pumping = true;
    const step = (): void => {
      if (!flowing || this.subscriptions.size === 0 || this.raw.destroyed) {
        this.#pumping = false;
        return;
      }
      const batch: Buffer[] = [];
      // About 64 KB per write: a few hundred frames, one syscall.
      for (let bytes = 0; bytes < 65_536;) {
        this.#beat += 1;
        for (const subscription of this.subscriptions.values()) {
          const frame = subscription.frames[this.#beat % 21] as Buffer;
          batch.push(frame);
          bytes += frame.length;
        }
      }
      if (this.raw.write(Buffer.concat(batch))) setImmediate(step);
      else this.raw.once('drain', step);
    };
    step();
  }
}

let flowing = true;
const connections = new Set<Connection>();
const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
server.on('connection', (socket) => {
  const connection = new Connection(socket);
  connections.add(connection);
  socket.on('close', () => connections.delete(connection));
});
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as { port: number };
process.send?.({ type: 'ready', wsUrl: `ws://127.0.0.1:${String(port)}` });
process.on('message', (message: { type: 'flow' | 'pause' | 'close' }) => {
  if (message.type === 'close') {
    for (const connection of connections) connection.socket.terminate();
    server.close(() => process.exit(0));
    return;
  }
  flowing = message.type === 'flow';
  if (flowing) for (const connection of connections) connection.pump();
  process.send?.({ type: message.type });
});
