import WebSocket from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDerivClient } from './createDerivClient.js';
import { SecretRegistry } from './internal/secretRegistry.js';
import { answer, startRawServer, type RawServer } from './test/rawServer.js';

const TOKEN = 'a1-closecosttoken0123456789';
let server: RawServer | undefined;

afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

describe('closing a client', () => {
  it('reads no close reason when nothing is rejected with it (the server echoes ours)', async () => {
    server = await startRawServer((request, socket) => {
      socket.send(answer(request, { authorize: { loginid: 'CR1' } }));
    });
    const scrub = vi.spyOn(SecretRegistry.prototype, 'scrubText');
    const client = createDerivClient({ appId: 1, endpoint: server.url, WebSocket });
    await client.send({ authorize: TOKEN });
    await client.close();
    // The server's close frame echoed our reason ('client closed'): nobody reads it.
    expect(scrub).not.toHaveBeenCalled();
    expect(client.getSnapshot().status).toBe('closed');
    expect(client.getSnapshot().lastError).toBeUndefined();
  });

  it('still scrubs a server close reason that fails a request', async () => {
    server = await startRawServer((request, socket) => {
      if ('ping' in request) socket.close(4001, `revoked ${TOKEN}`);
      else socket.send(answer(request, { authorize: { loginid: 'CR1' } }));
    });
    const client = createDerivClient({
      appId: 1,
      endpoint: server.url,
      WebSocket,
      reconnect: false,
    });
    await client.send({ authorize: TOKEN });
    const error = await client.ping().catch((caught: unknown) => caught);
    await client.close();
    const text = JSON.stringify({
      message: (error as Error).message,
      cause: (error as Error).cause,
    });
    expect(text).toContain('4001');
    expect(text).not.toContain(TOKEN);
  });
});
