#!/usr/bin/env node
// Proves what we would publish works: pack the packages as the registry would receive them,
// install the tarballs into a scratch project with npm, and use them from plain Node.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), 'deriv-auth-pack-'));
const run = (command, args, cwd) =>
  execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  const packages = ['core', 'ws-client', 'mock-server'];
  for (const name of packages)
    run('pnpm', ['pack', '--pack-destination', scratch], join(root, 'packages', name));
  const tarballs = readdirSync(scratch).filter((file) => file.endsWith('.tgz'));
  console.log(`packed: ${tarballs.join(', ')}`);

  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({ name: 'scratch', private: true, type: 'module' }),
  );
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...tarballs.map((file) => `./${file}`),
      'ws@8',
    ],
    scratch,
  );

  writeFileSync(
    join(scratch, 'smoke.mjs'),
    `
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { parseOAuthRedirect, skipStateCheck, buildOAuthUrl } from '@deriv-auth/core';
import { AuthorizeResponseSchema } from '@deriv-auth/core/schemas';
import { createDerivClient } from '@deriv-auth/ws-client';
import { startMockServer } from '@deriv-auth/mock-server';

const seed = 'https://example.com/redirect/?acct1=cr799393& token1=a1-f7pnteezo4jzhpxclctizt27hyeot&cur1=usd& acct2=vrtc1859315& token2=a1clwe3vfuuus5kraceykdsoqm4snfq& cur2=usd';
assert.deepEqual(parseOAuthRedirect(seed, { expectedState: skipStateCheck }).accounts, [
  { account: 'cr799393', token: 'a1-f7pnteezo4jzhpxclctizt27hyeot', currency: 'usd' },
  { account: 'vrtc1859315', token: 'a1clwe3vfuuus5kraceykdsoqm4snfq', currency: 'usd' },
]);
assert.match(buildOAuthUrl({ appId: 1089 }), /^https:\\/\\/oauth\\.deriv\\.com\\/oauth2\\/authorize\\?app_id=1089/);
assert.equal(typeof AuthorizeResponseSchema, 'object');

const server = await startMockServer();
const { accounts } = await server.login({ appId: 1089, user: 'john' });
const client = createDerivClient({ appId: 1089, endpoint: server.wsUrl, WebSocket });
const authorized = await client.authorize(accounts[0].token);
assert.equal(authorized.loginid, accounts[0].account);
client.close();
await server.close();
console.log('installed tarballs work from plain Node: parsed, built a login URL, authorized', authorized.loginid);
`,
  );
  process.stdout.write(run(process.execPath, ['smoke.mjs'], scratch));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
