import { randomBytes } from 'node:crypto';
import { ALL_SCOPES, defaultApps, defaultUsers } from '../fixtures.js';
import type { MockAccount, MockApp, MockLoginAccount, MockScope, MockUser } from '../types.js';

/** A token issued by a login: who it belongs to, which app may use it, what it may do. */
export interface TokenRecord {
  readonly token: string;
  readonly userId: string;
  readonly loginid: string;
  readonly appId: number;
  readonly scopes: readonly MockScope[];
  revoked: boolean;
}

/** A fixture account with its owner. */
export interface AccountEntry {
  readonly user: MockUser;
  readonly account: MockAccount;
}

/** Listener told when an account's balance changes (balance subscriptions). */
export type BalanceListener = (loginid: string, balance: number) => void;

/**
 * Everything that outlives a connection and a restart: apps, users, balances and issued tokens.
 */
export class MockState {
  readonly apps = new Map<number, MockApp>();
  readonly users = new Map<string, MockUser>();
  readonly accounts = new Map<string, AccountEntry>();
  readonly tokens = new Map<string, TokenRecord>();
  private readonly balances = new Map<string, number>();
  private readonly balanceListeners = new Set<BalanceListener>();

  constructor(apps: readonly MockApp[] = [], users: readonly MockUser[] = []) {
    for (const app of [...defaultApps, ...apps]) this.apps.set(app.appId, app);
    for (const user of [...defaultUsers, ...users]) this.users.set(user.id, user);
    for (const user of this.users.values()) {
      for (const account of user.accounts) {
        this.accounts.set(account.loginid, { user, account });
        this.balances.set(account.loginid, account.balance ?? 0);
      }
    }
  }

  /** Issues fresh tokens for every enabled account of `userId`, bound to `appId`. */
  issueTokens(appId: number, userId: string): MockLoginAccount[] {
    const user = this.users.get(userId);
    if (user === undefined) throw new Error(`Unknown mock user "${userId}".`);
    const scopes = user.scopes ?? ALL_SCOPES;
    return user.accounts
      .filter((account) => account.isDisabled !== true)
      .map((account) => {
        const token = `a1-${randomBytes(24).toString('base64url')}`;
        this.tokens.set(token, {
          token,
          userId,
          loginid: account.loginid,
          appId,
          scopes,
          revoked: user.tokensRevoked === true,
        });
        return { account: account.loginid, token, currency: account.currency };
      });
  }

  revokeToken(token: string): void {
    const record = this.tokens.get(token);
    if (record !== undefined) record.revoked = true;
  }

  revokeUser(userId: string): void {
    for (const record of this.tokens.values()) if (record.userId === userId) record.revoked = true;
  }

  getBalance(loginid: string): number {
    return this.balances.get(loginid) ?? 0;
  }

  /** Moves a balance and tells every balance subscription. */
  setBalance(loginid: string, balance: number): void {
    this.balances.set(loginid, balance);
    for (const listener of this.balanceListeners) listener(loginid, balance);
  }

  onBalanceChange(listener: BalanceListener): () => void {
    this.balanceListeners.add(listener);
    return () => this.balanceListeners.delete(listener);
  }
}
