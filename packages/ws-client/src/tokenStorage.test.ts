import { afterEach, describe, expect, it } from 'vitest';
import { createDerivSession } from './createDerivSession.js';
import { createDerivClient } from './createDerivClient.js';
import { createLocalStorage, createMemoryStorage, createSessionStorage } from './tokenStorage.js';
import { MemoryWebStorage } from './test/memoryWebStorage.js';
import { CANARY_TOKEN, defined } from './test/harness.js';

const accounts = [{ account: 'CR1', token: CANARY_TOKEN, currency: 'USD' }];
const globals = globalThis as { sessionStorage?: Storage; localStorage?: Storage };

afterEach(() => {
  delete globals.sessionStorage;
  delete globals.localStorage;
});

describe('token storage', () => {
  it('memory storage returns copies and forgets on clear', () => {
    const storage = createMemoryStorage();
    expect(storage.load()).toBeUndefined();
    storage.save(accounts);
    const loaded = storage.load();
    expect(loaded).toEqual(accounts);
    defined(defined(loaded)[0]).account = 'changed';
    expect(storage.load()).toEqual(accounts);
    storage.clear();
    expect(storage.load()).toBeUndefined();
  });

  it.each([
    ['sessionStorage', createSessionStorage],
    ['localStorage', createLocalStorage],
  ] as const)('%s storage round-trips and drops a corrupt entry', (_name, create) => {
    const web = new MemoryWebStorage();
    const storage = create(web, { key: 'k' });
    storage.save(accounts);
    expect(create(web, { key: 'k' }).load()).toEqual(accounts);
    web.setItem('k', '[{"account":1}]');
    expect(storage.load()).toBeUndefined();
    expect(web.getItem('k')).toBeNull();
    storage.save(accounts);
    storage.clear();
    expect(web.length).toBe(0);
  });

  it('the default session storage stores nothing where sessionStorage does not exist (SSR)', () => {
    const storage = createSessionStorage();
    storage.save(accounts);
    expect(storage.load()).toBeUndefined();
  });

  it('a session uses memory by default and never touches Web Storage', async () => {
    const session = new MemoryWebStorage();
    const local = new MemoryWebStorage();
    globals.sessionStorage = session;
    globals.localStorage = local;
    const derivSession = createDerivSession({
      client: createDerivClient({ appId: 1089 }),
      accounts,
    });
    derivSession.setAccounts(accounts);
    await derivSession.logout();
    await derivSession.close();
    expect(session.calls + local.calls).toBe(0);
  });

  it('sessionStorage is opt-in and reads the global lazily', () => {
    const storage = createSessionStorage();
    const web = new MemoryWebStorage();
    globals.sessionStorage = web;
    storage.save(accounts);
    expect(web.length).toBe(1);
  });
});
