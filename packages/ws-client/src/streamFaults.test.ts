import type { MockServer } from '@deriv-auth/mock-server';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createDerivClient } from './createDerivClient.js';
import { createDerivSession } from './createDerivSession.js';
import type { DerivClient } from './createDerivClient.js';
import { isDerivSessionError } from './derivSessionError.js';
import type { DerivStream, DerivStreamGap } from './streamTypes.js';
import {
  NOTHING_LEFT,
  closeAndCount,
  connectClient,
  defined,
  heapGrowthSteps,
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

const SYMBOLS = ['R_100', 'R_50', 'R_25', 'R_10', '1HZ100V'] as const;

/** What a listener received, and the error it ended with. */
interface Heard<M> {
  items: (M | DerivStreamGap)[];
  errors: Error[];
}

function hear<M>(stream: DerivStream<M>): Heard<M> {
  const heard: Heard<M> = { items: [], errors: [] };
  stream.listen(
    (item) => heard.items.push(item),
    (error) => heard.errors.push(error),
  );
  return heard;
}

const gapIndex = (heard: Heard<unknown>): number =>
  heard.items.findIndex(
    (item) => (item as { msg_type?: string } | undefined)?.msg_type === 'stream_gap',
  );

const newest = (mock: MockServer): { id: string; subscriptions: number } => {
  const connection = mock.connections().at(-1);
  return { id: connection?.id ?? '', subscriptions: connection?.subscriptions ?? 0 };
};

const buyContract = async (target: DerivClient): Promise<number> => {
  const bought = await target.send({
    buy: '1',
    price: 1,
    parameters: { contract_type: 'CALL', currency: 'USD', symbol: 'R_100' },
  });
  return defined(bought.buy?.contract_id);
};

describe('streams across a reconnect', () => {
  it('re-establishes 10 live streams after re-authorizing, in order, once each, gap marked', async () => {
    server = await startServer({ ticks: { intervalMs: 5 } });
    const [account] = await login(server);
    client = connectClient(server);
    await client.authorize(defined(account).token);
    const contracts = [];
    for (let index = 0; index < 4; index += 1) contracts.push(await buyContract(client));
    const streams = [
      ...SYMBOLS.map((symbol) => hear(defined(client).stream({ ticks: symbol }))),
      hear(client.stream({ balance: 1 })),
      ...contracts.map((contractId) =>
        hear(defined(client).stream({ proposal_open_contract: 1, contract_id: contractId })),
      ),
    ];
    await until(() => streams.every((heard) => heard.items.length > 0));
    const before = newest(server);
    expect(before.subscriptions).toBe(10);

    server.inject({ type: 'drop' });
    await until(() => {
      const now = newest(defined(server));
      return now.id !== '' && now.id !== before.id && now.subscriptions === 10;
    });
    await until(() => streams.every((heard) => heard.items.length > gapIndex(heard) + 1));

    for (const heard of streams) {
      expect(gapIndex(heard)).toBeGreaterThan(0);
      expect(heard.errors).toEqual([]);
    }
    const after = newest(server);
    const calls = server.log(after.id).map((entry) => entry.call);
    expect(calls).toEqual([
      'authorize',
      ...SYMBOLS.map(() => 'ticks'),
      'balance',
      ...contracts.map(() => 'proposal_open_contract'),
    ]);
    expect(client.getDiagnostics()).toMatchObject({ streams: 10, streamConsumers: 10 });
  });

  it('a stream closed while reconnecting is not re-established', async () => {
    server = await startServer({ ticks: { intervalMs: 5 } });
    client = connectClient(server, {
      reconnect: { initialDelayMs: 200, maxDelayMs: 200, jitter: 0, maxAttempts: 5 },
    });
    const leaving = client.stream({ ticks: 'R_100' });
    const staying = hear(client.stream({ ticks: 'R_50' }));
    const leavingHeard = hear(leaving);
    await until(() => staying.items.length > 0 && leavingHeard.items.length > 0);
    const before = newest(server);
    server.inject({ type: 'drop' });
    await until(() => defined(client).getSnapshot().status === 'reconnecting');
    await leaving.close(); // nothing live to forget: resolves at once
    await until(() => {
      const now = newest(defined(server));
      return now.id !== '' && now.id !== before.id && now.subscriptions === 1;
    });
    await until(() => staying.items.length > gapIndex(staying) + 1);
    const calls = server.log(newest(server).id).map((entry) => entry.call);
    expect(calls).toEqual(['ticks']);
    expect(client.getDiagnostics()).toMatchObject({ streams: 1, streamConsumers: 1 });
  });
});

describe('streams across a switch and a logout', () => {
  it('ends the account-bound stream with account_switched; the tick stream goes on', async () => {
    server = await startServer({ ticks: { intervalMs: 5 } });
    const accounts = await login(server);
    client = connectClient(server);
    const session = createDerivSession({ client, accounts });
    await session.authorize('CR799393');
    const balance = hear(session.stream({ balance: 1 }));
    const ticks = hear(session.stream({ ticks: 'R_100' }));
    await until(() => balance.items.length > 0 && ticks.items.length > 0);

    await session.switchAccount('VRTC1859315');
    expect(balance.errors).toHaveLength(1);
    expect(isDerivSessionError(balance.errors[0]) && balance.errors[0].code).toBe(
      'account_switched',
    );
    const seen = ticks.items.length;
    await until(() => ticks.items.length > seen + 2);
    expect(ticks.errors).toEqual([]);
    expect(gapIndex(ticks)).toBe(-1);
    // The old account's balance stream was forgotten on the server.
    await until(() => newest(defined(server)).subscriptions === 1);

    // A new balance stream follows the new account.
    const virtual = hear(session.stream({ balance: 1 }));
    await until(() => virtual.items.length > 0);
    expect(virtual.items[0]).toMatchObject({ balance: { loginid: 'VRTC1859315' } });

    await session.logout();
    expect(virtual.errors).toHaveLength(1);
    const afterLogout = ticks.items.length;
    await until(() => ticks.items.length > afterLogout + 2);
    expect(ticks.errors).toEqual([]);
    await session.close();
  });
});

describe('session.stream', () => {
  it('applies the local scope check: an account stream needs an authorized session, ticks do not', async () => {
    server = await startServer({ ticks: { intervalMs: 5 } });
    client = connectClient(server);
    const session = createDerivSession({ client, accounts: await login(server) });
    const balance = hear(session.stream({ balance: 1 }));
    const ticks = hear(session.stream({ ticks: 'R_100' }));
    await until(() => balance.errors.length === 1 && ticks.items.length > 0);
    expect(isDerivSessionError(balance.errors[0]) && balance.errors[0].code).toBe('not_authorized');
    expect(server.log().map((entry) => entry.call)).not.toContain('balance');
    await session.close();
  });
});

describe('no growth', () => {
  it('1,000 subscribe/unsubscribe cycles leave no server subscription, timer or listener', async () => {
    server = await startServer({ ticks: { intervalMs: 1_000 } });
    // Not the harness client: its recorder keeps every event, which would count as growth here.
    const subject = createDerivClient({ appId: 1089, endpoint: server.wsUrl, WebSocket });
    client = subject;
    const mock = server;
    await subject.ping();
    const baseline = subject.getDiagnostics();
    let forgets = 0;
    let cycles = 0;
    // The mock server runs in this process: its received log would count as our growth, so it is
    // emptied (after counting the forgets) before each heap reading.
    const steps = await heapGrowthSteps(async (cycle) => {
      cycles += 1;
      const stream = subject.stream({ ticks: SYMBOLS[cycle % SYMBOLS.length] ?? 'R_100' });
      const first = await stream[Symbol.asyncIterator]().next();
      expect(first.done).toBe(false);
      await stream.close();
      if (cycle % 50 === 49) {
        forgets += mock.log().filter((entry) => entry.call === 'forget').length;
        mock.clearLog();
      }
    });
    forgets += mock.log().filter((entry) => entry.call === 'forget').length;
    // Heap growth per 200 cycles: a leak grows it at every step; noise does not at all of them
    // (the same measurement as leak.test.ts).
    expect(Math.min(...steps)).toBeLessThan(60_000);
    expect(newest(server).subscriptions).toBe(0);
    const after = subject.getDiagnostics();
    expect(after).toMatchObject({
      streams: 0,
      streamConsumers: 0,
      timers: baseline.timers,
      socketListeners: baseline.socketListeners,
      abortListeners: 0,
      inflightRequests: 0,
      subscribers: baseline.subscribers,
      droppedMessages: 0,
    });
    expect(forgets).toBe(cycles); // every cycle's close sent one forget
  });
});
