/**
 * Starts the mock server in a separate Node process (bundled from sources with esbuild), for the
 * benchmark and the leak test: the measuring process then holds only clients.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** A mock server running in a child process. */
export interface MockServerProcess {
  readonly wsUrl: string;
  /** Logs a fixture user in; resolves with its accounts (tokens included). */
  login(user?: string): Promise<{ account: string; token: string; currency: string }[]>;
  close(): Promise<void>;
}

// The package directory: from this file's location, or from bench.mjs when this code runs bundled.
const packageDir = process.env['WS_CLIENT_DIR'] ?? fileURLToPath(new URL('..', import.meta.url));
const outfile = `${packageDir}node_modules/.cache/ws-client/mockServerProcess.mjs`;

/** Bundles the child entry (sibling packages from their sources) and starts it. */
export async function spawnMockServer(): Promise<MockServerProcess> {
  mkdirSync(`${packageDir}node_modules/.cache/ws-client`, { recursive: true });
  await build({
    entryPoints: [`${packageDir}scripts/mockServerProcess.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['ws', 'zod'],
    alias: {
      '@deriv-auth/core': `${packageDir}../core/src/index.ts`,
      '@deriv-auth/mock-server': `${packageDir}../mock-server/src/index.ts`,
    },
    logLevel: 'warning',
  });
  const child: ChildProcess = fork(outfile, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiters = new Map<number, (message: LoginReply) => void>();
  let nextId = 1;
  const wsUrl = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      reject(new Error(`mock server process exited with ${String(code)}`));
    });
    child.on('message', (message: ReadyMessage | LoginReply) => {
      if (message.type === 'ready') resolve(message.wsUrl);
      else waiters.get(message.id)?.(message);
    });
  });
  return {
    wsUrl,
    login: (user = 'john') =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        waiters.set(id, (reply) => {
          waiters.delete(id);
          if (reply.accounts) resolve(reply.accounts);
          else reject(new Error(reply.error ?? 'login failed'));
        });
        child.send({ type: 'login', id, user });
      }),
    close: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => {
          resolve();
        });
        child.send({ type: 'close' });
      }),
  };
}

interface ReadyMessage {
  type: 'ready';
  wsUrl: string;
}

interface LoginReply {
  type: 'login';
  id: number;
  accounts?: { account: string; token: string; currency: string }[];
  error?: string;
}
