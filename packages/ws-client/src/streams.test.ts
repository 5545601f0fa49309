import { isDerivApiError } from '@deriv-auth/core';
import type { MockServer } from '@deriv-auth/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import type { DerivClient } from './createDerivClient.js';
import { isDerivConnectionError } from './derivConnectionError.js';
import type { DerivStream, DerivStreamGap } from './streamTypes.js';
import {
  NOTHING_LEFT,
  closeAndCount,
  connectClient,
  defined,
  login,
  startServer,
  until,
} from './test/harness.js';

let server: MockServer | undefined;
let client: DerivClient | undefined;

afterEach(async () => {
  if (client) expect(await closeAndCount(client)).toEqual(NOTHING_LEFT);
  client = undefined;
  await server?.close();
  server = undefined;
});

const serverSubscriptions = (mock: MockServer): number =>
  mock.connections().reduce((sum, connection) => sum + connection.subscriptions, 0);

/** What a listener received, and the errors it ended with. */
function hear<M>(stream: DerivStream<M>): { items: (M | DerivStreamGap)[]; errors: Error[] } {
  const heard = { items: [] as (M | DerivStreamGap)[], errors: [] as Error[] };
  stream.listen(
    (item) => heard.items.push(item),
    (error) => heard.errors.push(error),
  );
  return heard;
}

/** Collects what a listener receives. */
function collect<M>(stream: DerivStream<M>): (M | DerivStreamGap)[] {
  const items: (M | DerivStreamGap)[] = [];
  stream.listen((item) => items.push(item));
  return items;
}

describe('client.stream', () => {
  it('iterates ticks with for await, and close() sends forget and settles once confirmed', async () => {
    server = await startServer({ ticks: { intervalMs: 5 } });
    client = connectClient(server);
    const stream = client.stream({ ticks: 'R_100' });
    const quotes: number[] = [];
    for await (const item of stream) {
      if (item.msg_type === 'stream_gap') continue;
      quotes.push(defined(item.tick?.quote));
      if (quotes.length === 3) break; // `break` closes the stream
    }
    expect(quotes).toHaveLength(3);
    expect(serverSubscriptions(server)).toBe(0);
    expect(server.log().filter((entry) => entry.call === 'forget')).toHaveLength(1);
    expect(client.getDiagnostics()).toMatchObject({ streams: 0, streamConsumers: 0 });
  });

  it('shares one server subscription between identical streams; forget goes out when the last leaves', async () => {
    server = await startServer({ ticks: { intervalMs: 5 } });
    client = connectClient(server);
    const first = client.stream({ ticks: 'R_50' });
    const firstItems = collect(first);
    await until(() => firstItems.length >= 2);
    const second = client.stream({ ticks: 'R_50' });
    // The newest tick at once: a balance would otherwise show nothing until it changes.
    const secondItems = collect(second);
    expect(secondItems).toHaveLength(1);
    expect(second.id).toBe(first.id);
    expect(client.getDiagnostics()).toMatchObject({ streams: 1, streamConsumers: 2 });
    expect(server.log().filter((entry) => entry.call === 'ticks')).toHaveLength(1);
    await first.close();
    expect(serverSubscriptions(server)).toBe(1);
    const seen = secondItems.length;
    await until(() => secondItems.length > seen);
    await second.close();
    expect(serverSubscriptions(server)).toBe(0);
  });

  it('a stream closed and opened again at once keeps its subscription (React StrictMode)', async () => {
    server = await startServer({ ticks: { intervalMs: 5 } });
    client = connectClient(server);
    const first = client.stream({ ticks: 'R_100' });
    const closing = first.close(); // unmount before the subscription was confirmed
    const again = hear(client.stream({ ticks: 'R_100' })); // mount again
    await closing;
    await until(() => again.items.length >= 3);
    expect(again.errors).toEqual([]);
    expect(serverSubscriptions(server)).toBe(1);
    expect(server.log().filter((entry) => entry.call === 'ticks')).toHaveLength(1);
    expect(server.log().filter((entry) => entry.call === 'forget')).toHaveLength(0);
  });

  it('takes the updates already on the wire while forget is in flight: none is dropped', async () => {
    server = await startServer({ ticks: { intervalMs: 1 } });
    client = connectClient(server);
    for (let cycle = 0; cycle < 20; cycle += 1) {
      const stream = client.stream({ ticks: 'R_100' });
      const heard = collect(stream);
      await until(() => heard.length >= 2);
      await stream.close();
    }
    expect(client.getDiagnostics().droppedMessages).toBe(0);
  });

  it('ends with the server error when the subscription is refused', async () => {
    server = await startServer();
    client = connectClient(server);
    const stream = client.stream({ ticks: 'NOT_A_SYMBOL' });
    const errors: Error[] = [];
    stream.listen(
      () => undefined,
      (error) => errors.push(error),
    );
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toSatisfy(
      (error: unknown) => isDerivApiError(error) && error.code === 'InvalidSymbol',
    );
    expect(errors).toHaveLength(1);
    expect(client.getDiagnostics()).toMatchObject({ streams: 0, streamConsumers: 0 });
  });

  it('a throwing listener is counted and isolated: other consumers keep receiving', async () => {
    server = await startServer({ ticks: { intervalMs: 5 } });
    client = connectClient(server);
    const throwing = client.stream({ ticks: 'R_100' });
    throwing.listen(() => {
      throw new Error('consumer bug');
    });
    const healthy = collect(client.stream({ ticks: 'R_100' }));
    await until(() => healthy.length >= 3);
    expect(client.getDiagnostics().listenerErrors).toBeGreaterThanOrEqual(3);
    await throwing.close();
  });

  it('listeners of one consumer: one, two, then one again each get every tick', async () => {
    server = await startServer({ ticks: { intervalMs: 5 } });
    client = connectClient(server);
    const stream = client.stream({ ticks: 'R_100' });
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = stream.listen((item) => first.push(item));
    await until(() => first.length >= 2);
    const stopSecond = stream.listen((item) => second.push(item));
    await until(() => second.length >= 3);
    stopFirst(); // the second is the only listener again
    const [firstSeen, secondSeen] = [first.length, second.length];
    await until(() => second.length >= secondSeen + 3);
    expect(first).toHaveLength(firstSeen);
    stopSecond();
    await stream.close();
  });

  it('closes every stream with `closed` when the client closes', async () => {
    server = await startServer({ ticks: { intervalMs: 5 } });
    const closing = connectClient(server);
    const stream = closing.stream({ ticks: 'R_100' });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await closing.close();
    await expect(iterator.next()).rejects.toSatisfy(
      (error: unknown) => isDerivConnectionError(error) && error.code === 'closed',
    );
    expect(closing.getDiagnostics()).toMatchObject({ streams: 0, streamConsumers: 0 });
  });

  it('a balance stream follows buy and sell', async () => {
    server = await startServer();
    const [account] = await login(server);
    client = connectClient(server);
    await client.authorize(defined(account).token);
    const balances = collect(client.stream({ balance: 1 }));
    await until(() => balances.length === 1);
    const bought = await client.send({
      buy: '1',
      price: 25,
      parameters: { contract_type: 'CALL', currency: 'USD', symbol: 'R_100' },
    });
    await client.send({ sell: defined(bought.buy?.contract_id), price: 0 });
    await until(() => balances.length === 3);
    expect(
      balances.map((item) => (item.msg_type === 'balance' ? item.balance?.balance : item)),
    ).toEqual([10_000, 9975, 10_000]);
  });
});

describe('slow consumers', () => {
  it("'latest' keeps only the newest unread tick", async () => {
    server = await startServer({ ticks: { intervalMs: 2 } });
    client = connectClient(server);
    const stream = client.stream({ ticks: 'R_100' });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const heard = collect(stream);
    await until(() => heard.length >= 10); // ten ticks go unread by the iterator
    const next = await iterator.next();
    expect(next.value).toBe(heard.at(-1));
    await stream.close();
  });

  it('{ keep: 3 } keeps the three newest', async () => {
    server = await startServer({ ticks: { intervalMs: 2 } });
    client = connectClient(server);
    const stream = client.stream({ ticks: 'R_100' }, { buffer: { keep: 3 } });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const heard = collect(stream);
    await until(() => heard.length >= 10);
    const unread = [await iterator.next(), await iterator.next(), await iterator.next()];
    expect(unread.map((result): unknown => result.value)).toEqual(heard.slice(-3));
    await stream.close();
  });

  it("'error' ends the stream with stream_overflow past the limit", async () => {
    server = await startServer({ ticks: { intervalMs: 1 } });
    client = connectClient(server);
    const stream = client.stream({ ticks: 'R_100' }, { buffer: 'error' });
    const iterator = stream[Symbol.asyncIterator]();
    const errors: Error[] = [];
    stream.listen(
      () => undefined,
      (error) => errors.push(error),
    );
    await until(() => errors.length === 1, 20_000);
    expect(isDerivConnectionError(errors[0]) && errors[0].code).toBe('stream_overflow');
    await until(() => serverSubscriptions(defined(server)) === 0);
    expect(client.getDiagnostics()).toMatchObject({ streams: 0, streamConsumers: 0 });
    await expect(iterator.next()).rejects.toSatisfy(
      (error: unknown) => isDerivConnectionError(error) && error.code === 'stream_overflow',
    );
  });

  it('refuses a buffer.keep that is not a positive integer', () => {
    const local = connectClient({ wsUrl: 'ws://127.0.0.1:9' } as MockServer);
    expect(() => local.stream({ ticks: 'R_100' }, { buffer: { keep: 0 } })).toThrow(
      expect.objectContaining({ code: 'invalid_setting' }) as Error,
    );
    void local.close();
  });
});
