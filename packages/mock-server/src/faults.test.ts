import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { openClient, type TestClient } from './test/testClient.js';
import type { MockServer } from './types.js';

let server: MockServer;
let client: TestClient;
const url = (): string => `${server.wsUrl}?app_id=1089`;

beforeEach(async () => {
  server = await startMockServer();
  client = await openClient(url());
});

afterEach(async () => {
  client.close();
  await server.close();
});

describe('fault injection', () => {
  it('drops the TCP connection now (abnormal close 1006)', async () => {
    server.inject({ type: 'drop' });
    expect((await client.closed).code).toBe(1006);
  });

  it('drops the connection when a given call arrives, once with times: 1', async () => {
    server.inject({ type: 'drop', onCall: 'authorize' }, { times: 1 });
    expect((await client.call({ ping: 1 }))['ping']).toBe('pong');
    client.socket.send(JSON.stringify({ authorize: 'a1-abc', req_id: 99 }));
    expect((await client.closed).code).toBe(1006);
    const again = await openClient(url());
    expect((await again.call({ authorize: 'a1-abc' }))['msg_type']).toBe('authorize');
    again.close();
  });

  it('applies a fault to one connection only', async () => {
    const other = await openClient(url());
    const [first, second] = server.connections();
    server.inject({ type: 'noAnswer', call: 'ping' }, { connectionId: second?.id ?? '' });
    expect(first?.id).not.toBe(second?.id);
    expect((await client.call({ ping: 1 }))['ping']).toBe('pong');
    other.socket.send(JSON.stringify({ ping: 1, req_id: 5 }));
    await other.call({ time: 1 });
    expect(other.messages.some((message) => message['msg_type'] === 'ping')).toBe(false);
    other.close();
  });

  it('delays a call by the given time and keeps order of later answers', async () => {
    server.inject({ type: 'delay', call: 'time', ms: 100 });
    const time = client.call({ time: 1 });
    const ping = client.call({ ping: 1 });
    await Promise.all([time, ping]);
    expect(client.messages.map((message) => message['msg_type'])).toEqual(['ping', 'time']);
  });

  it('never answers a call until the fault is removed', async () => {
    const remove = server.inject({ type: 'noAnswer', call: 'time' });
    client.socket.send(JSON.stringify({ time: 1, req_id: 1 }));
    await client.call({ ping: 1 });
    remove();
    await client.call({ time: 1 });
    expect(client.messages.filter((message) => message['msg_type'] === 'time')).toHaveLength(1);
  });

  it('sends malformed JSON now or in place of an answer', async () => {
    server.inject({ type: 'malformed' });
    await client.next((message) => 'malformed' in message);
    server.inject({ type: 'malformed', call: 'ping' }, { times: 1 });
    client.socket.send(JSON.stringify({ ping: 1, req_id: 3 }));
    await client.next(
      (message) =>
        typeof message['malformed'] === 'string' && message['malformed'].includes('"ping"'),
    );
    expect((await client.call({ ping: 1 }))['ping']).toBe('pong');
  });

  it('answers with an unknown req_id', async () => {
    server.inject({ type: 'unknownReqId', call: 'ping' }, { times: 1 });
    client.socket.send(JSON.stringify({ ping: 1, req_id: 12 }));
    const reply = await client.next((message) => message['msg_type'] === 'ping');
    expect(reply['req_id']).not.toBe(12);
  });

  it('closes with a chosen code, now or on a call', async () => {
    server.inject({ type: 'close', code: 4001, reason: 'bye', onCall: 'time' });
    await client.call({ ping: 1 });
    client.socket.send(JSON.stringify({ time: 1 }));
    expect(await client.closed).toEqual({ code: 4001, reason: 'bye' });
    const other = await openClient(url());
    server.inject({ type: 'close', code: 1012 });
    expect((await other.closed).code).toBe(1012);
  });

  it('rejects close codes that cannot be sent', () => {
    expect(() => server.inject({ type: 'close', code: 1006 })).toThrow(RangeError);
  });

  it('rejects a close reason over 123 bytes when injected, not when a request arrives', async () => {
    const reason = 'é'.repeat(62); // 124 bytes
    expect(() => server.inject({ type: 'close', code: 4000, reason, onCall: 'ping' })).toThrow(
      /123 bytes/u,
    );
    expect((await client.call({ ping: 1 }))['ping']).toBe('pong');
  });

  it('refuses the handshake with HTTP 403 (or a chosen status)', async () => {
    server.inject({ type: 'refuseHandshake' }, { times: 1 });
    await expect(openClient(url())).rejects.toThrow('403');
    server.inject({ type: 'refuseHandshake', status: 503 }, { times: 1 });
    await expect(openClient(url())).rejects.toThrow('503');
    (await openClient(url())).close();
  });

  it('stalls the handshake until the server closes', async () => {
    server.inject({ type: 'stallHandshake' }, { times: 1 });
    const stalled = openClient(url());
    let settled = false;
    stalled.then(
      () => (settled = true),
      () => (settled = true),
    );
    await client.call({ ping: 1 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    await server.close();
    await expect(stalled).rejects.toThrow();
  });

  it('clearFaults removes every fault', async () => {
    server.inject({ type: 'noAnswer', call: 'ping' });
    server.clearFaults();
    expect((await client.call({ ping: 1 }))['ping']).toBe('pong');
  });
});

describe('restart', () => {
  it('drops every socket, forgets sessions, keeps tokens and the port', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    await client.call({ authorize: accounts[0]?.token });
    const port = server.port;
    await server.restart();
    expect((await client.closed).code).toBe(1006);
    expect(server.port).toBe(port);
    const again = await openClient(url());
    expect((await again.call({ balance: 1 }))['error']).toMatchObject({
      code: 'AuthorizationRequired',
    });
    expect(await again.call({ authorize: accounts[0]?.token })).toHaveProperty(
      'authorize.loginid',
      'CR799393',
    );
    again.close();
  });
});

describe('received log', () => {
  it('records what each connection received with secrets hidden', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    const token = accounts[0]?.token ?? '';
    await client.call({ authorize: token, req_id: 1 });
    await client.call({ ping: 1, req_id: 2 });
    const id = server.connections()[0]?.id;
    const entries = server.log(id);
    expect(entries.map((entry) => entry.call)).toEqual(['authorize', 'ping']);
    expect(entries[0]?.message).toEqual({ authorize: '<not shown>', req_id: 1 });
    expect(JSON.stringify(server.received)).not.toContain(token);
    server.clearLog();
    expect(server.received).toHaveLength(0);
  });
});
