import { request } from 'node:http';
import WebSocket from 'ws';
import { startMockServer, type MockServer } from '@deriv-auth/mock-server';
import {
  createDerivSession,
  createMemoryStorage,
  type DerivSession,
  type WebSocketConstructorLike,
} from '@deriv-auth/ws-client';

/** The WebSocket constructor for Node: happy-dom's own one must not be used against the mock server. */
export const NodeWebSocket: WebSocketConstructorLike = WebSocket;

/** A fresh mock server on a loopback port. */
export function startServer(): Promise<MockServer> {
  // The tests follow the consent page non-interactively, an opt-in of the mock server.
  return startMockServer({ port: 0, oauth: { autoApprove: true } });
}

/** A session on `server`, created outside React as an app would (memory storage: nothing leaks between tests). */
export function createTestSession(server: MockServer): DerivSession {
  return createDerivSession({
    client: {
      appId: 1089,
      endpoint: server.wsUrl,
      WebSocket: NodeWebSocket,
      reconnect: { initialDelayMs: 20, maxDelayMs: 100 },
    },
    storage: createMemoryStorage(),
  });
}

/**
 * Opens a login URL as a browser would with the mock server's non-interactive login
 * (`&user=..&auto=1`) and returns where the 302 points: the app's callback with tokens.
 */
export function followLogin(loginUrl: string, user = 'john'): Promise<string> {
  const url = new URL(loginUrl);
  url.searchParams.set('user', user);
  url.searchParams.set('auto', '1');
  return new Promise((resolve, reject) => {
    const outgoing = request(url, (response) => {
      response.resume();
      const location = response.headers.location;
      if (response.statusCode === 302 && location) resolve(new URL(location, url).href);
      else
        reject(new Error(`expected a 302 from the login page, got ${String(response.statusCode)}`));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Moves the happy-dom page to `url`, as a navigation would (sessionStorage, being per tab, stays). */
export function visit(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}
