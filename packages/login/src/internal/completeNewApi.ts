import type {
  NewApiCompletion,
  NewApiCompletionRequest,
  NewApiLoginInternals,
} from '../newApiTypes.js';
import { pickListedAccount } from './pickAccount.js';

/** New API: exchanges the code, signs the token source in, loads the list, authorizes the choice. */
export async function completeNewApi(
  login: Pick<NewApiLoginInternals, 'exchange' | 'signIn' | 'signOut'>,
  request: NewApiCompletionRequest,
): Promise<NewApiCompletion> {
  const { session, callback, codeVerifier, returnTo } = request;
  login.signIn(await login.exchange(callback, codeVerifier));
  try {
    // The accounts of an earlier login must not survive this one: the REST list replaces them.
    session.setAccounts([]);
    let authorize = await session.authorize();
    const choice = request.account ?? 'first';
    if (choice !== 'first') {
      const account = pickListedAccount(authorize.account_list ?? [], choice);
      if (account !== authorize.loginid) authorize = await session.authorize(account);
    }
    return { handled: true, account: authorize.loginid, authorize, returnTo };
  } catch (error) {
    // Refused rather than signed in to another account: nothing of this login stays (no socket,
    // no stored tokens for a reload to resume).
    await session.logout?.().catch(() => undefined);
    login.signOut();
    throw error;
  }
}
