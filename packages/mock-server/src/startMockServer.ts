import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ConsentGuard, listenedHostnames } from './internal/consentGuard.js';
import { assertValidFault, FaultRegistry } from './internal/faultRegistry.js';
import { MockConnection } from './internal/mockConnection.js';
import { MockState } from './internal/mockState.js';
import type { NewApiEndpoint } from './internal/newApiCalls.js';
import { createNewApiHandle } from './internal/newApiHelpers.js';
import { createNewApiContext, routeNewApiRequest } from './internal/newApiRoutes.js';
import { buildRedirectUrl, handleHttpRequest } from './internal/oauthRoutes.js';
import { ReceivedLog } from './internal/receivedLog.js';
import { LEGACY_WEBSOCKET_PATH, routeUpgrade } from './internal/upgradeRoutes.js';
import type {
  MockConnectionInfo,
  MockFault,
  MockFaultOptions,
  MockLoginOptions,
  MockLoginResult,
  MockServer,
  MockServerOptions,
} from './types.js';

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

/**
 * Starts a local Deriv look-alike: the legacy OAuth login page and the `/websockets/v3` API, with
 * fixture users, token rules as Deriv applies them, and fault injection for tests.
 *
 * @param options - port (0 = any free port), host, extra apps and users, idle timeout, rate limit, OAuth page rules (`oauth.autoApprove`, `oauth.allowedHosts`)
 * @returns the running server's handle: URLs, `login()`, `inject()`, `restart()`, `close()`, the received log
 * @throws {RangeError} when an option is out of range (idle timeout, rate limit, an app's id or redirect URL); the listen error (e.g. `EADDRINUSE`) when the port is taken
 * @example
 * ```ts
 * import WebSocket from 'ws';
 * import { startMockServer } from '@deriv-auth/mock-server';
 *
 * const server = await startMockServer();
 * const { accounts } = await server.login({ appId: 1089, user: 'john' });
 * const socket = new WebSocket(`${server.wsUrl}?app_id=1089`);
 * socket.on('open', () => socket.send(JSON.stringify({ authorize: accounts[0]!.token, req_id: 1 })));
 * // ... later
 * await server.close();
 * ```
 * @see https://developers.deriv.com/docs/api-authentication
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const idleTimeoutMs = options.idleTimeoutMs ?? 120_000;
  if (!(idleTimeoutMs >= 0)) throw new RangeError('idleTimeoutMs must be >= 0.');
  const tickIntervalMs = options.ticks?.intervalMs ?? 1_000;
  if (!(tickIntervalMs > 0)) throw new RangeError('ticks.intervalMs must be > 0.');
  const rateLimit = options.rateLimit ?? false;
  if (rateLimit !== false && !(rateLimit.maxRequests >= 1 && rateLimit.windowMs > 0)) {
    throw new RangeError('rateLimit needs maxRequests >= 1 and windowMs > 0.');
  }
  for (const app of options.apps ?? []) {
    if (!Number.isInteger(app.appId) || app.appId <= 0)
      throw new RangeError(`appId must be a positive integer, got ${app.appId}.`);
    if (!URL.canParse(app.redirectUri))
      throw new RangeError(`redirectUri of app ${app.appId} is not an absolute URL.`);
  }
  const host = options.host ?? '127.0.0.1';
  const guard = new ConsentGuard(
    listenedHostnames(host, options.oauth?.allowedHosts ?? []),
    options.oauth?.autoApprove === true,
  );
  const state = new MockState(options.apps, options.users);
  const faults = new FaultRegistry();
  const newApi = createNewApiContext(state, guard, faults, options.newApi);
  const log = new ReceivedLog(options.maxLogEntries ?? 10_000);
  const context = { state, faults, log, rateLimit };
  const connections = new Map<string, MockConnection>();
  const sockets = new Set<Socket>();
  let connectionCount = 0;

  state.onBalanceChange((loginid, balance) => {
    const currency = state.accounts.get(loginid)?.account.currency ?? '';
    for (const connection of connections.values())
      connection.notifyBalance(loginid, balance, currency);
  });

  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: 1024 * 1024,
  });

  const onConnection = (
    socket: WebSocket,
    target: URL,
    transport: Duplex,
    endpoint: NewApiEndpoint | undefined,
  ): void => {
    if (endpoint !== undefined) {
      connectionCount += 1;
      const id = `c${connectionCount}`;
      connections.set(id, new MockConnection(id, 0, socket, transport, context, endpoint));
      socket.on('close', () => connections.delete(id));
      return;
    }
    const appIdText = target.searchParams.get('app_id');
    const appId = appIdText !== null && /^\d+$/u.test(appIdText) ? Number(appIdText) : Number.NaN;
    if (!state.apps.has(appId)) {
      socket.send(
        JSON.stringify({
          echo_req: {},
          error: { code: 'InvalidAppID', message: 'Your app_id is invalid.' },
          msg_type: 'error',
        }),
      );
      socket.close(1008, 'InvalidAppID');
      return;
    }
    connectionCount += 1;
    const id = `c${connectionCount}`;
    connections.set(id, new MockConnection(id, appId, socket, transport, context));
    socket.on('close', () => connections.delete(id));
  };

  const server = createServer((request, response) => {
    handleHttpRequest(
      state,
      {
        wsUrl: handle.wsUrl,
        oauthUrl: handle.oauthUrl,
        newApi: {
          authorizeUrl: handle.newApi.authorizeUrl,
          tokenUrl: handle.newApi.tokenUrl,
          publicWsUrl: handle.newApi.publicWsUrl,
          clients: [...newApi.config.clients.values()],
        },
      },
      guard,
      request,
      response,
      (url, incoming, outgoing) => routeNewApiRequest(newApi, url, incoming, outgoing),
    );
  });
  const openSocketsOf = (userId: string): number => {
    let count = 0;
    for (const connection of connections.values())
      if (connection.endpoint?.account?.userId === userId) count += 1;
    return count;
  };
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    routeUpgrade({ faults, wss, newApi, openSocketsOf, onConnection }, request, socket, head);
  });

  const dropEverything = (): void => {
    for (const client of wss.clients) client.terminate();
    for (const socket of sockets) socket.destroy();
    connections.clear();
  };

  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      dropEverything();
      server.close(() => {
        resolve();
      });
    });

  // One sweep for every connection instead of a timer reset per message: cheaper on the hot path
  // and with thousands of sockets. A socket closes between idleTimeoutMs and 1.25x that.
  const idleSweep =
    idleTimeoutMs > 0
      ? setInterval(
          () => {
            const now = Date.now();
            for (const connection of connections.values()) {
              if (now - connection.lastActivity >= idleTimeoutMs)
                connection.socket.close(1000, 'Idle timeout');
            }
          },
          Math.max(5, Math.min(1000, Math.floor(idleTimeoutMs / 4))),
        )
      : undefined;
  idleSweep?.unref();

  // One beat for every tick stream of every connection; idle when nobody subscribed.
  let beat = 0;
  const tickPump = setInterval(() => {
    beat += 1;
    for (const connection of connections.values()) connection.pushTicks(beat);
  }, tickIntervalMs);
  tickPump.unref();

  const port = await listen(server, options.port ?? 0, host);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const httpUrl = `http://${urlHost}:${port}`;

  const applyNow = (fault: MockFault, connectionId: string | undefined): boolean => {
    const targets = [...connections.values()].filter(
      (connection) => connectionId === undefined || connection.id === connectionId,
    );
    if (fault.type === 'drop' && fault.onCall === undefined)
      targets.forEach((connection) => {
        connection.socket.terminate();
      });
    else if (fault.type === 'close' && fault.onCall === undefined)
      targets.forEach((connection) => {
        connection.socket.close(fault.code, fault.reason);
      });
    else if (fault.type === 'malformed' && fault.call === undefined)
      targets.forEach((connection) => {
        connection.sendMalformed(undefined);
      });
    else if (fault.type === 'accessTokenExpired') newApi.tokens.expireAllAccess();
    else return false;
    return true;
  };

  const handle: MockServer = {
    httpUrl,
    wsUrl: `ws://${urlHost}:${port}${LEGACY_WEBSOCKET_PATH}`,
    oauthUrl: `${httpUrl}/oauth2/authorize`,
    port,
    get received() {
      return log.all();
    },
    close: () => {
      clearInterval(idleSweep);
      clearInterval(tickPump);
      return stop();
    },
    async restart() {
      await stop();
      await listen(server, port, host);
    },
    login(loginOptions: MockLoginOptions): Promise<MockLoginResult> {
      const app = state.apps.get(loginOptions.appId);
      if (app === undefined)
        return Promise.reject(
          new Error(
            `No app is registered with app_id ${loginOptions.appId}; pass it in startMockServer({ apps }).`,
          ),
        );
      const userId = loginOptions.user ?? state.users.keys().next().value ?? '';
      if (!state.users.has(userId))
        return Promise.reject(new Error(`Unknown mock user "${userId}".`));
      const accounts = state.issueTokens(app.appId, userId);
      return Promise.resolve({
        redirectUrl: buildRedirectUrl(app, accounts, {
          state: loginOptions.state ?? null,
          route: loginOptions.route ?? null,
        }),
        accounts,
      });
    },
    revokeToken: (token) => {
      state.revokeToken(token);
      newApi.tokens.revoke(token);
    },
    revokeUser: (userId) => {
      state.revokeUser(userId);
      newApi.tokens.revokeUser(userId);
    },
    inject(fault: MockFault, faultOptions: MockFaultOptions = {}) {
      assertValidFault(fault, faultOptions);
      if (applyNow(fault, faultOptions.connectionId)) return () => undefined;
      return faults.add(fault, faultOptions);
    },
    clearFaults: () => {
      faults.clear();
    },
    connections: (): MockConnectionInfo[] =>
      [...connections.values()].map((connection) => ({
        id: connection.id,
        appId: connection.appId,
        endpoint: connection.endpoint?.kind ?? 'legacy',
        ...(connection.endpoint?.account === undefined
          ? {}
          : { accountId: connection.endpoint.account.accountId }),
        ...(connection.session.active === undefined ? {} : { loginid: connection.session.active }),
        authorizedLoginids: [...connection.session.authorized.keys()],
        subscriptions: connection.session.subscriptions.size,
      })),
    log: (connectionId) => log.forConnection(connectionId),
    clearLog: () => {
      log.clear();
    },
    newApi: createNewApiHandle(newApi, httpUrl),
  };
  return handle;
}
