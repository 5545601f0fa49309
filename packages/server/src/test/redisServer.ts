/**
 * Starts a real `redis-server` on a free loopback port for a test file, installing Debian's
 * package first when it is missing (as scripts/test-all.mjs does for Chromium): never skipped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createClient } from 'redis';

const REDIS_SERVER = '/usr/bin/redis-server';

const newClient = (url: string) => createClient({ url });

/** A node-redis client as the tests create it. */
export type RedisClient = ReturnType<typeof newClient>;

function ensureRedisServer(): void {
  if (existsSync(REDIS_SERVER)) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) => {
    const [command = '', ...rest] = [...sudo, ...args];
    spawnSync(command, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', 'redis-server']);
  if (!existsSync(REDIS_SERVER))
    throw new Error(`${REDIS_SERVER} is missing and could not be installed`);
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface RunningRedis {
  url: string;
  /** A new connected client (each instance under test gets its own connection). */
  connect(): Promise<RedisClient>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RunningRedis> {
  ensureRedisServer();
  const port = await freePort();
  const child: ChildProcess = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const clients: RedisClient[] = [];
  const connect = async () => {
    const client = newClient(url);
    await client.connect();
    clients.push(client);
    return client;
  };
  // Wait until it answers (bounded: about ten seconds).
  for (let attempt = 0; ; attempt += 1) {
    try {
      const probe = await createClient({ url, socket: { reconnectStrategy: false } }).connect();
      await probe.ping();
      probe.destroy();
      break;
    } catch (error) {
      if (attempt > 100 || child.exitCode !== null) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    connect,
    async stop() {
      for (const client of clients) client.destroy();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
