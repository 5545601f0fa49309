/**
 * The fixture accounts as the New API shows them (`account_id`, `account_type`, `group`, `status`),
 * sharing balances with the legacy side: one account, two names (`CR799393` = `DOT90004580`).
 * Accounts created over REST exist on the New API only.
 */
import type { MockAccount, MockUser } from '../types.js';
import type { MockState } from './mockState.js';

/** One account as the New API knows it, with its legacy login id (the balance key). */
export interface NewApiAccount {
  readonly accountId: string;
  readonly loginid: string;
  readonly userId: string;
  readonly accountType: 'demo' | 'real';
  readonly currency: string;
  readonly group: string;
  readonly active: boolean;
}

/** The REST `account` object. */
export interface AccountBody {
  readonly account_id: string;
  readonly balance: number | string;
  readonly currency: string;
  readonly group: string;
  readonly status: 'active' | 'inactive';
  readonly account_type: 'demo' | 'real';
}

/** `DOT` and the login id's digits padded to 8: `CR900010` -> `DOT00900010`. */
export function defaultAccountId(loginid: string): string {
  return `DOT${loginid.replace(/\D/gu, '').padStart(8, '0')}`;
}

function fromFixture(user: MockUser, account: MockAccount): NewApiAccount {
  return {
    accountId: account.accountId ?? defaultAccountId(account.loginid),
    loginid: account.loginid,
    userId: user.id,
    accountType: account.isVirtual === true ? 'demo' : 'real',
    currency: account.currency,
    group: account.group ?? 'row',
    active: account.isDisabled !== true,
  };
}

/** Decimals of a balance written as a string: 8 for the crypto currencies of the fixtures, else 2. */
const CRYPTO = new Set(['BTC', 'ETH', 'LTC', 'USDT', 'UST', 'USDC']);

export class NewApiAccounts {
  private readonly byId = new Map<string, NewApiAccount>();
  private created = 0;

  /** @throws {RangeError} when two fixture accounts end up with the same `account_id` */
  constructor(private readonly state: MockState) {
    for (const user of state.users.values())
      for (const account of user.accounts) {
        const entry = fromFixture(user, account);
        if (this.byId.has(entry.accountId))
          throw new RangeError(
            `Two accounts have the New API id ${entry.accountId}; set accountId.`,
          );
        this.byId.set(entry.accountId, entry);
      }
  }

  get(accountId: string): NewApiAccount | undefined {
    return this.byId.get(accountId);
  }

  /** The user's accounts, fixtures first, then those created over REST. */
  forUser(userId: string): NewApiAccount[] {
    return [...this.byId.values()].filter((account) => account.userId === userId);
  }

  /** Creates an account (balance 10 000 for demo, 0 for real) unless an identical one exists. */
  create(
    userId: string,
    wanted: Pick<NewApiAccount, 'accountType' | 'currency' | 'group'>,
  ): { account: NewApiAccount; created: boolean } {
    const existing = this.forUser(userId).find(
      (account) =>
        account.active &&
        account.accountType === wanted.accountType &&
        account.currency === wanted.currency &&
        account.group === wanted.group,
    );
    if (existing !== undefined) return { account: existing, created: false };
    let number: number;
    do {
      this.created += 1;
      number = 95_000_000 + this.created;
    } while (this.byId.has(`DOT${number}`));
    const account: NewApiAccount = {
      ...wanted,
      accountId: `DOT${number}`,
      loginid: `${wanted.accountType === 'demo' ? 'VRTC' : 'CR'}${number}`,
      userId,
      active: true,
    };
    this.byId.set(account.accountId, account);
    this.state.setBalance(account.loginid, wanted.accountType === 'demo' ? 10_000 : 0);
    return { account, created: true };
  }

  /** The REST shape, `balance` a number or (`asString`) a decimal string (`"10000.00"`). */
  toBody(account: NewApiAccount, asString: boolean): AccountBody {
    const balance = this.state.getBalance(account.loginid);
    return {
      account_id: account.accountId,
      balance: asString ? balance.toFixed(CRYPTO.has(account.currency) ? 8 : 2) : balance,
      currency: account.currency,
      group: account.group,
      status: account.active ? 'active' : 'inactive',
      account_type: account.accountType,
    };
  }
}
