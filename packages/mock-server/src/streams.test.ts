import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer } from './startMockServer.js';
import { openClient, type TestClient } from './test/testClient.js';
import type { MockServer } from './types.js';

let server: MockServer;
let client: TestClient;

beforeEach(async () => {
  server = await startMockServer({ ticks: { intervalMs: 10 } });
  client = await openClient(`${server.wsUrl}?app_id=1089`);
});

afterEach(async () => {
  client.close();
  await server.close();
});

const ticksOf = (id: string): Record<string, unknown>[] =>
  client.messages.filter(
    (message) => (message['subscription'] as { id?: string } | undefined)?.id === id,
  );

describe('ticks streams', () => {
  it('streams ticks of a synthetic symbol at the configured rate, with the req_id', async () => {
    const first = await client.call({ ticks: 'R_50', subscribe: 1, req_id: 7 });
    expect(first).toMatchObject({ msg_type: 'tick', tick: { symbol: 'R_50' }, req_id: 7 });
    const id = (first['subscription'] as { id: string }).id;
    await client.next(() => ticksOf(id).length >= 4);
    expect(ticksOf(id).at(-1)).toMatchObject({ msg_type: 'tick', req_id: 7, tick: { id } });
    expect(server.connections()[0]?.subscriptions).toBe(1);
    expect(await client.call({ forget: id })).toMatchObject({ forget: 1 });
    expect(server.connections()[0]?.subscriptions).toBe(0);
  });

  it('answers one tick without subscribe, and InvalidSymbol for an unknown symbol', async () => {
    expect(await client.call({ ticks: 'R_100' })).not.toHaveProperty('subscription');
    expect((await client.call({ ticks: 'NOPE' }))['error']).toMatchObject({
      code: 'InvalidSymbol',
    });
  });

  it('stalls a stream while a stallStream fault is in force, and resumes after', async () => {
    const first = await client.call({ ticks: 'R_100', subscribe: 1 });
    const id = (first['subscription'] as { id: string }).id;
    const resume = server.inject({ type: 'stallStream', call: 'ticks' });
    await client.call({ ping: 1 });
    const stalledAt = ticksOf(id).length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(ticksOf(id).length).toBe(stalledAt);
    resume();
    await client.next(() => ticksOf(id).length > stalledAt);
  });

  it('refuses the 101st subscription on one connection', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    await client.call({ authorize: accounts[0]?.token });
    const symbols = ['R_100', 'R_50', 'R_25', 'R_10', '1HZ100V'];
    // 5 tick streams, 1 balance stream and 94 contract streams make 100.
    for (const symbol of symbols) await client.call({ ticks: symbol, subscribe: 1 });
    await client.call({ balance: 1, subscribe: 1 });
    for (let index = 0; index < 94; index += 1) {
      const bought = await client.call({
        buy: '1',
        price: 1,
        parameters: { contract_type: 'CALL', currency: 'USD', symbol: 'R_100' },
      });
      const contractId = (bought['buy'] as { contract_id: number }).contract_id;
      const stream = await client.call({
        proposal_open_contract: 1,
        contract_id: contractId,
        subscribe: 1,
      });
      expect(stream).toHaveProperty('subscription.id');
    }
    expect(server.connections()[0]?.subscriptions).toBe(100);
    const refused = await client.call({ website_status: 1, subscribe: 1 });
    expect(refused['error']).toMatchObject({ code: 'SubscriptionLimitExceeded' });
  });
});

describe('proposal_open_contract', () => {
  it('reports a contract bought on this account, and refuses others', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    await client.call({ authorize: accounts[0]?.token });
    const bought = await client.call({
      buy: '1',
      price: 5,
      parameters: { contract_type: 'CALL', currency: 'USD', symbol: 'R_100' },
    });
    const contractId = (bought['buy'] as { contract_id: number }).contract_id;
    expect(
      await client.call({ proposal_open_contract: 1, contract_id: contractId, subscribe: 1 }),
    ).toMatchObject({
      proposal_open_contract: { contract_id: contractId, buy_price: 5, status: 'open' },
      subscription: { id: expect.any(String) as string },
    });
    expect(
      (await client.call({ proposal_open_contract: 1, contract_id: 1 }))['error'],
    ).toMatchObject({ code: 'ContractNotFound' });
  });

  it('credits the balance on sell, and the balance stream sees buy and sell', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    await client.call({ authorize: accounts[0]?.token });
    const stream = await client.call({ balance: 1, subscribe: 1 });
    const id = (stream['subscription'] as { id: string }).id;
    const bought = await client.call({
      buy: '1',
      price: 40,
      parameters: { contract_type: 'CALL', currency: 'USD', symbol: 'R_100' },
    });
    const contractId = (bought['buy'] as { contract_id: number }).contract_id;
    expect(await client.call({ sell: contractId, price: 0 })).toMatchObject({
      sell: { balance_after: 10_000, sold_for: 40 },
    });
    await client.next(() => ticksOf(id).length >= 3);
    expect(
      ticksOf(id).map((message) => (message['balance'] as { balance: number }).balance),
    ).toEqual([10_000, 9960, 10_000]);
    expect((await client.call({ sell: contractId, price: 0 }))['error']).toMatchObject({
      code: 'InvalidSellContractProposal',
    });
  });
});

describe('logout and streams', () => {
  it('ends the account streams and keeps the tick streams', async () => {
    const { accounts } = await server.login({ appId: 1089 });
    await client.call({ authorize: accounts[0]?.token });
    await client.call({ balance: 1, subscribe: 1 });
    const ticks = await client.call({ ticks: 'R_100', subscribe: 1 });
    await client.call({ logout: 1 });
    expect(server.connections()[0]?.subscriptions).toBe(1);
    const id = (ticks['subscription'] as { id: string }).id;
    const seen = ticksOf(id).length;
    await client.next(() => ticksOf(id).length > seen);
  });
});
