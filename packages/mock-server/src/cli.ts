#!/usr/bin/env node
/**
 * `deriv-mock-server [--port 8080] [--host 127.0.0.1] [--app 1089=http://localhost:5173/redirect]...
 * [--idle-timeout 120000]`: starts the mock server, prints its URLs, closes cleanly on Ctrl-C.
 */
import { parseArgs } from 'node:util';
import { defaultUsers } from './fixtures.js';
import { startMockServer } from './startMockServer.js';
import type { MockApp, MockServerOptions } from './types.js';

const USAGE = `Usage: deriv-mock-server [--port 8080] [--host 127.0.0.1] [--app ID=REDIRECT_URL]... [--idle-timeout MS]

Starts a local Deriv-compatible OAuth page and WebSocket API. App 1089 -> http://localhost:5173/redirect
is registered by default; --app adds or replaces apps. Ctrl-C stops it.`;

function parseApp(text: string): MockApp {
  const match = /^(\d+)=(.+)$/u.exec(text);
  if (match?.[1] === undefined || match[2] === undefined)
    throw new Error(`--app expects ID=REDIRECT_URL, got "${text}".`);
  return { appId: Number(match[1]), redirectUri: new URL(match[2]).toString() };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      app: { type: 'string', multiple: true, default: [] },
      'idle-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port expects 0-65535, got "${values.port}".`);
  const options: MockServerOptions = {
    port,
    host: values.host,
    apps: values.app.map(parseApp),
    ...(values['idle-timeout'] === undefined
      ? {}
      : { idleTimeoutMs: Number(values['idle-timeout']) }),
  };
  const server = await startMockServer(options);
  console.log(`Deriv mock server listening
  OAuth login : ${server.oauthUrl}?app_id=1089
  WebSocket   : ${server.wsUrl}?app_id=1089
  HTTP        : ${server.httpUrl}
  Users       : ${defaultUsers.map((user) => user.id).join(', ')}
Press Ctrl-C to stop.`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
