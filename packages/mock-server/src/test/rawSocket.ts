/**
 * Test helpers below the `ws` client: raw TCP for request lines and headers no HTTP client would
 * send, and a hand-made WebSocket handshake for frames no WebSocket client would send.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** How long a raw exchange may take before the helper gives up and reports what it got. */
const RAW_WAIT_MS = 5_000;

/**
 * Writes `bytes` to a fresh TCP connection and resolves with everything the server sent until it
 * closed the connection (or `RAW_WAIT_MS` passed, then the helper closes it).
 */
export function exchangeRaw(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), RAW_WAIT_MS);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.write(bytes);
    // Half-close so a server waiting for more of the request answers what it has.
    socket.end();
  });
}

/** A WebSocket frame, client to server (masked), with any header bits a test wants. */
export interface RawFrame {
  readonly opcode?: number;
  readonly fin?: boolean;
  /** The three reserved bits, 0-7 (RSV1 = 4). */
  readonly rsv?: number;
  readonly payload?: Buffer;
  /** Claim this payload length in the header instead of the real one (the payload is not sent). */
  readonly claimedLength?: number;
}

/** Encodes a client frame (masked, as RFC 6455 requires). */
export function encodeFrame(frame: RawFrame): Buffer {
  const payload = frame.payload ?? Buffer.alloc(0);
  const length = frame.claimedLength ?? payload.length;
  const first = ((frame.fin ?? true) ? 0x80 : 0) | ((frame.rsv ?? 0) << 4) | (frame.opcode ?? 1);
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, 0x80 | length]);
  else if (length < 65_536) {
    header = Buffer.alloc(4);
    header.writeUInt8(first, 0);
    header.writeUInt8(0x80 | 126, 1);
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8(first, 0);
    header.writeUInt8(0x80 | 127, 1);
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = randomBytes(4);
  const body =
    frame.claimedLength === undefined
      ? Buffer.from(payload.map((byte, index) => byte ^ (mask[index % 4] ?? 0)))
      : Buffer.alloc(0);
  return Buffer.concat([header, mask, body]);
}

/** A socket past a hand-made WebSocket handshake, and what it received after the 101. */
export interface RawWebSocket {
  readonly socket: Socket;
  /** Resolves with every byte received after the handshake once the server closes. */
  readonly closed: Promise<Buffer>;
}

/** Opens a WebSocket on `path` by hand; resolves once the server answered 101. */
export function openRawWebSocket(port: number, path: string): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let upgraded = false;
    let resolveClosed: (bytes: Buffer) => void = () => undefined;
    const closed = new Promise<Buffer>((done) => (resolveClosed = done));
    const timer = setTimeout(() => socket.destroy(), RAW_WAIT_MS);
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (upgraded) return;
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = received.subarray(0, end).toString('latin1');
      received = received.subarray(end + 4);
      if (!head.startsWith('HTTP/1.1 101')) {
        reject(new Error(`Handshake answered ${head.split('\r\n')[0] ?? ''}`));
        socket.destroy();
        return;
      }
      upgraded = true;
      resolve({ socket, closed });
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolveClosed(upgraded ? received : Buffer.alloc(0));
      if (!upgraded) reject(new Error('Closed before the handshake finished'));
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}

/** The close code of the first close frame in `bytes` (server frames are unmasked), if any. */
export function closeCodeIn(bytes: Buffer): number | undefined {
  let offset = 0;
  while (offset + 2 <= bytes.length) {
    const opcode = (bytes[offset] ?? 0) & 0x0f;
    let length = (bytes[offset + 1] ?? 0) & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      length = bytes.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(start));
      start += 8;
    }
    if (opcode === 8) return length >= 2 ? bytes.readUInt16BE(start) : 1005;
    offset = start + length;
  }
  return undefined;
}
