// Signs in several logins on the mock server (legacy flow: its `login` helper is the user pressing
// Authorize and returns the redirect URL) and authorizes every account of each, one session per
// login, side by side. Prints `ok - ...` / `not ok - ...` lines and exits 1 on a failure.
import WebSocket from 'ws';
import { parseOAuthRedirect } from '@deriv-auth/core';
import { createDerivSession, requiresLogin } from '@deriv-auth/ws-client';
import { startMockServer } from '@deriv-auth/mock-server';

let failures = 0;
function check(condition, name) {
  if (!condition) failures += 1;
  console.log(`${condition ? 'ok' : 'not ok'} - ${name}`);
}

/** What your login flow stored: the accounts (with tokens) of one login. */
async function signIn(server, user) {
  const state = crypto.randomUUID();
  const { redirectUrl } = await server.login({ appId: 1089, user, state });
  return parseOAuthRedirect(redirectUrl, { expectedState: state }).accounts;
}

/** Authorizes each account of one login in turn on one socket; returns what each said. */
async function authorizeAll(server, accounts) {
  const session = createDerivSession({
    client: { appId: 1089, endpoint: server.wsUrl, WebSocket },
    accounts,
  });
  try {
    const results = [];
    for (const { account } of accounts) {
      const me = await session.switchAccount(account);
      const { balance } = await session.send({ balance: 1 });
      results.push({
        account,
        loginid: me.loginid,
        balance: balance?.balance,
        currency: me.currency,
      });
    }
    return { results };
  } catch (error) {
    return { error };
  } finally {
    await session.close();
  }
}

const server = await startMockServer();
try {
  const users = ['john', 'multi', 'nocurrency'];
  const logins = await Promise.all(users.map((user) => signIn(server, user)));
  const outcomes = await Promise.all(logins.map((accounts) => authorizeAll(server, accounts)));
  users.forEach((user, index) => {
    const { results = [], error } = outcomes[index];
    for (const { loginid, balance, currency } of results)
      console.log(`  ${user} ${loginid}: ${balance} ${currency || '(no currency)'}`);
    check(
      error === undefined &&
        results.length === logins[index].length &&
        results.every((result) => result.loginid === result.account),
      `${user}: every account of the login authorized as itself (${results.length})`,
    );
  });
  check(
    outcomes[0].results?.some(
      (result) => result.loginid === 'VRTC1859315' && result.balance === 10000,
    ),
    'john: the demo account has its fixture balance',
  );

  // A login whose tokens were revoked: the session ends and asks for a new sign-in.
  const revoked = await authorizeAll(server, await signIn(server, 'revoked'));
  check(
    requiresLogin(revoked.error),
    'revoked: the session asks for a new sign-in (requiresLogin)',
  );
  check(
    !String(revoked.error?.message).includes(logins[0][0].token),
    'no token in the error message',
  );
} finally {
  await server.close();
}
process.exitCode = failures > 0 ? 1 : 0;
