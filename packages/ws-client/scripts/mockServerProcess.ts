/**
 * Child-process entry: runs the mock server in its own process (so benchmarks and the leak test
 * measure the client alone) and answers `login` requests over IPC. Bundled by
 * `spawnMockServer.ts` with esbuild; never imported by the library.
 */
import { startMockServer } from '@deriv-auth/mock-server';

interface LoginCommand {
  type: 'login';
  id: number;
  user: string;
}

const server = await startMockServer({ idleTimeoutMs: 0, maxLogEntries: 1 });
process.send?.({ type: 'ready', wsUrl: server.wsUrl });
process.on('message', (message: LoginCommand | { type: 'close' }) => {
  if (message.type === 'login') {
    server.login({ appId: 1089, user: message.user }).then(
      ({ accounts }) => process.send?.({ type: 'login', id: message.id, accounts }),
      (error: unknown) => process.send?.({ type: 'login', id: message.id, error: String(error) }),
    );
  } else {
    void server.close().then(() => process.exit(0));
  }
});
