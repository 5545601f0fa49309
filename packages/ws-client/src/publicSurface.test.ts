import type { MockServer } from '@deriv-auth/mock-server';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDerivClient, type DerivClient } from './createDerivClient.js';
import { createDerivSession } from './createDerivSession.js';
import { isDerivSessionError } from './derivSessionError.js';
import { requiresLogin } from './requiresLogin.js';
import { login, startServer, until } from './test/harness.js';

/** The members of `DerivClient`: nothing else may be reachable on the object a user holds. */
const CLIENT_MEMBERS = [
  'authorize',
  'close',
  'connect',
  'getDiagnostics',
  'getSnapshot',
  'logout',
  'ping',
  'send',
  'stream',
  'subscribe',
].sort();

/** Every string-keyed and symbol-keyed member on `value` and its prototypes, `Object`'s excluded. */
function reachableMembers(value: object): string[] {
  const names = new Set<string>();
  for (
    let target: object | null = value;
    target && target !== Object.prototype;
    target = Object.getPrototypeOf(target) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(target))
      if (name !== 'constructor') names.add(name);
    for (const symbol of Object.getOwnPropertySymbols(target)) names.add(String(symbol));
  }
  return [...names].sort();
}

let server: MockServer;
let client: DerivClient;

beforeEach(async () => {
  server = await startServer();
  client = createDerivClient({ appId: 1089, endpoint: server.wsUrl, WebSocket });
});

afterEach(async () => {
  await client.close();
  await server.close();
});

describe('the public client object', () => {
  it('exposes only the DerivClient members, before and after it connected and authorized', async () => {
    expect(reachableMembers(client)).toEqual(CLIENT_MEMBERS);
    const [account] = await login(server);
    await client.authorize(account?.token ?? '');
    expect(reachableMembers(client)).toEqual(CLIENT_MEMBERS);
  });

  it('exposes no transport internals (setSnapshot, sendNow, socket callbacks)', () => {
    const holder = client as unknown as Record<string, unknown>;
    for (const internal of [
      'setSnapshot',
      'write',
      'markReady',
      'openGate',
      'sendNow',
      'socketOpened',
      'socketMessage',
      'socketEnded',
      'setHandshake',
    ])
      expect(holder[internal]).toBeUndefined();
  });
});

describe('the session', () => {
  it('counts a throwing session listener in the client diagnostics and still notifies the others', async () => {
    const accounts = await login(server);
    const session = createDerivSession({ client, accounts });
    let calls = 0;
    session.subscribe(() => {
      throw new Error('listener bug');
    });
    session.subscribe(() => {
      calls += 1;
    });
    await session.authorize();
    await until(() => calls > 0);
    expect(client.getDiagnostics().listenerErrors).toBeGreaterThan(0);
    await session.close();
  });

  it('rejects authorize without accounts with no_session_account, which requires a login', async () => {
    const session = createDerivSession({ client, accounts: [] });
    const error: unknown = await session.authorize().catch((caught: unknown) => caught);
    expect(isDerivSessionError(error) && error.code).toBe('no_session_account');
    expect(requiresLogin(error)).toBe(true);
    await session.close();
  });

  it('refuses a client object it did not make, with a TypeError', () => {
    const imitation: DerivClient = { ...client, send: client.send.bind(client) };
    expect(() => createDerivSession({ client: imitation })).toThrow(TypeError);
  });
});
