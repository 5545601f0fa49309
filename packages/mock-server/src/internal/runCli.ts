/** The `deriv-mock-server` command, apart from process wiring so tests can run it in-process. */
import { parseArgs } from 'node:util';
import { defaultUsers } from '../fixtures.js';
import { startMockServer } from '../startMockServer.js';
import type { MockOAuthClient } from '../newApiTypes.js';
import type { MockApp, MockServer, MockServerOptions } from '../types.js';

export const USAGE = `Usage: deriv-mock-server [--port 8080] [--host 127.0.0.1] [--app ID=REDIRECT_URL]... [--idle-timeout MS]
                         [--auto-approve] [--allow-host NAME]... [--client CLIENT_ID=REDIRECT_URL]...

Starts a local Deriv-compatible OAuth page and WebSocket API (legacy), and the New API beside it
(OAuth 2.0 + PKCE, REST accounts, one-time socket URLs). App 1089 and OAuth client mockClient1089
-> http://localhost:5173/redirect are registered by default; --app adds or replaces legacy apps,
--client New API clients (repeat it for more redirect URLs of one client). --auto-approve lets
GET ...&auto=1 log in without the form (non-interactive tests); --allow-host accepts another Host
name. Ctrl-C stops it.`;

function parseApp(text: string): MockApp {
  const match = /^(\d+)=(.+)$/u.exec(text);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new Error(`--app expects ID=REDIRECT_URL, got "${text}".`);
  }
  return { appId: Number(match[1]), redirectUri: new URL(match[2]).toString() };
}

/** `--client` values grouped by client id: each adds a redirect URL. */
function parseClients(values: readonly string[]): MockOAuthClient[] {
  const clients = new Map<string, string[]>();
  for (const text of values) {
    const match = /^([A-Za-z0-9]+)=(.+)$/u.exec(text);
    if (match?.[1] === undefined || match[2] === undefined)
      throw new Error(
        `--client expects CLIENT_ID=REDIRECT_URL (letters and digits), got "${text}".`,
      );
    const uris = clients.get(match[1]) ?? [];
    uris.push(new URL(match[2]).toString());
    clients.set(match[1], uris);
  }
  return [...clients].map(([clientId, redirectUris]) => ({ clientId, redirectUris }));
}

/** Options for startMockServer from command-line arguments, or `'help'`. Throws on bad input. */
export function parseCliArguments(argv: readonly string[]): MockServerOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      app: { type: 'string', multiple: true, default: [] },
      'idle-timeout': { type: 'string' },
      'auto-approve': { type: 'boolean', default: false },
      'allow-host': { type: 'string', multiple: true, default: [] },
      client: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return 'help';
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port expects 0-65535, got "${values.port}".`);
  }
  const idle = values['idle-timeout'];
  if (idle !== undefined && !(Number(idle) >= 0)) {
    throw new Error(`--idle-timeout expects milliseconds, got "${idle}".`);
  }
  return {
    port,
    host: values.host,
    apps: values.app.map(parseApp),
    ...(idle === undefined ? {} : { idleTimeoutMs: Number(idle) }),
    oauth: { autoApprove: values['auto-approve'], allowedHosts: values['allow-host'] },
    ...(values.client.length === 0 ? {} : { newApi: { clients: parseClients(values.client) } }),
  };
}

/** The banner printed once the server listens. */
export function describeServer(server: MockServer): string {
  return `Deriv mock server listening
  OAuth login : ${server.oauthUrl}?app_id=1089
  WebSocket   : ${server.wsUrl}?app_id=1089
  New API     : ${server.newApi.authorizeUrl}?client_id=mockClient1089 (PKCE)
                ${server.newApi.tokenUrl}, REST ${server.newApi.restUrl}/trading/v1/options/accounts
  HTTP        : ${server.httpUrl}
  Users       : ${defaultUsers.map((user) => user.id).join(', ')}
Press Ctrl-C to stop.`;
}

/** Parses arguments, starts the server and prints its URLs; resolves with it (undefined for --help). */
export async function runCli(
  argv: readonly string[],
  print: (text: string) => void,
): Promise<MockServer | undefined> {
  const options = parseCliArguments(argv);
  if (options === 'help') {
    print(USAGE);
    return undefined;
  }
  const server = await startMockServer(options);
  print(describeServer(server));
  return server;
}
