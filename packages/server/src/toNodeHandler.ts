import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FetchHandler } from './createDerivAuthServer.js';

/** Options of {@link toNodeHandler}. */
export interface ToNodeHandlerOptions {
  /** Largest request body read, bytes; a larger one gets `413`. Default 16,384. */
  maxBodyBytes?: number | undefined;
}

/** A Node `http` request listener. */
export type NodeRequestListener = (request: IncomingMessage, response: ServerResponse) => void;

async function readBody(
  request: IncomingMessage,
  limit: number,
): Promise<Buffer<ArrayBuffer> | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return 'too_large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Adapts a Fetch API handler (such as `server.handle`) to Node's `http` module.
 *
 * @remarks
 * The request URL is built from the path and `Host` only; routes read the path and query, so a
 * forged `Host` changes nothing. Each `Set-Cookie` stays its own header. A handler that throws
 * answers `500` with no detail.
 *
 * @example
 * ```ts
 * createServer(toNodeHandler(auth.handle)).listen(3000)
 * ```
 */
export function toNodeHandler(
  handler: FetchHandler,
  options: ToNodeHandlerOptions = {},
): NodeRequestListener {
  const limit = options.maxBodyBytes ?? 16_384;
  return (request, response) => {
    const serve = async () => {
      const method = request.method ?? 'GET';
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
      }
      let body: Buffer<ArrayBuffer> | undefined;
      if (method !== 'GET' && method !== 'HEAD') {
        const read = await readBody(request, limit);
        if (read === 'too_large') {
          response.writeHead(413, { 'content-type': 'text/plain' }).end('Payload too large');
          return;
        }
        body = read;
      }
      const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
      const answer = await handler(
        new Request(url, { method, headers, ...(body ? { body } : {}) }),
      );
      const outgoing: Record<string, string | string[]> = {};
      answer.headers.forEach((value, name) => {
        if (name !== 'set-cookie') outgoing[name] = value;
      });
      const setCookies = answer.headers.getSetCookie();
      if (setCookies.length > 0) outgoing['set-cookie'] = setCookies;
      response.writeHead(answer.status, outgoing);
      response.end(method === 'HEAD' ? undefined : Buffer.from(await answer.arrayBuffer()));
    };
    serve().catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('Internal error');
    });
  };
}
