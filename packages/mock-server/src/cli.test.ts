import { describe, expect, it } from 'vitest';
import { parseCliArguments, runCli, USAGE } from './internal/runCli.js';
import { openClient } from './test/testClient.js';

describe('deriv-mock-server command', () => {
  it('defaults to 127.0.0.1:8080 and reads --app, --host, --idle-timeout, --auto-approve, --allow-host', () => {
    expect(parseCliArguments([])).toEqual({
      port: 8080,
      host: '127.0.0.1',
      apps: [],
      oauth: { autoApprove: false, allowedHosts: [] },
    });
    expect(
      parseCliArguments([
        '--port',
        '0',
        '--host',
        '::1',
        '--app',
        '42=http://localhost:3000/cb',
        '--idle-timeout',
        '500',
        '--auto-approve',
        '--allow-host',
        'mock.test',
      ]),
    ).toEqual({
      port: 0,
      host: '::1',
      apps: [{ appId: 42, redirectUri: 'http://localhost:3000/cb' }],
      idleTimeoutMs: 500,
      oauth: { autoApprove: true, allowedHosts: ['mock.test'] },
    });
  });

  it('reads --client, one client per id with each of its redirect URLs', () => {
    expect(
      parseCliArguments([
        '--client',
        'myApp1=http://localhost:3000/cb',
        '--client',
        'myApp1=http://localhost:3000/other',
      ]),
    ).toMatchObject({
      newApi: {
        clients: [
          {
            clientId: 'myApp1',
            redirectUris: ['http://localhost:3000/cb', 'http://localhost:3000/other'],
          },
        ],
      },
    });
  });

  it.each([
    [['--client', 'my-app=http://a/cb']],
    [['--client', 'myApp1']],
    [['--port', 'x']],
    [['--port', '70000']],
    [['--app', '1089']],
    [['--app', 'x=http://a']],
    [['--idle-timeout', '-1']],
    [['--nope']],
  ])('rejects %j', (argv) => {
    expect(() => parseCliArguments(argv)).toThrow();
  });

  it('prints usage for --help', async () => {
    const printed: string[] = [];
    expect(await runCli(['--help'], (text) => printed.push(text))).toBeUndefined();
    expect(printed).toEqual([USAGE]);
  });

  it('starts a server that serves the registered app and prints its URLs', async () => {
    const printed: string[] = [];
    const server = await runCli(
      ['--port', '0', '--app', '77=http://localhost:9999/back', '--auto-approve'],
      (text) => printed.push(text),
    );
    if (server === undefined) throw new Error('no server');
    expect(printed[0]).toContain(`${server.wsUrl}?app_id=1089`);
    expect(printed[0]).toContain(server.oauthUrl);
    expect(printed[0]).toContain(server.newApi.authorizeUrl);
    const response = await fetch(`${server.oauthUrl}?app_id=77&auto=1`, { redirect: 'manual' });
    expect(response.headers.get('location')).toMatch(
      /^http:\/\/localhost:9999\/back\?acct1=CR799393&token1=/u,
    );
    const client = await openClient(`${server.wsUrl}?app_id=77`);
    expect((await client.call({ ping: 1 }))['ping']).toBe('pong');
    client.close();
    await server.close();
  });
});
