import { randomBytes } from 'node:crypto';
import type { TokenRecord } from './mockState.js';

/** An active stream (`subscribe: 1`) of one connection. */
export interface Subscription {
  readonly id: string;
  readonly call: string;
  readonly loginid: string | undefined;
  readonly echoRequest: Record<string, unknown>;
  readonly reqId: unknown;
}

/** A Deriv error as it goes on the wire. */
export interface DerivWireError {
  readonly code: string;
  readonly message: string;
  readonly details?: Record<string, unknown>;
}

/** Deriv's answer to an auth-required call on a connection without that account authorized. */
export const authorizationRequired: DerivWireError = {
  code: 'AuthorizationRequired',
  message: 'Please log in.',
};

/**
 * Deriv's limit of live subscriptions per connection, and the error past it. The code is the
 * mock's choice: the reference does not name the one Deriv sends.
 */
export const subscriptionLimit = {
  max: 100,
  error: {
    code: 'SubscriptionLimitExceeded',
    message: 'You have reached the limit of 100 subscriptions on this connection.',
  } satisfies DerivWireError,
} as const;

/** What one connection's session holds: authorized accounts, the active one, its streams. */
export class Session {
  /** Accounts authorized on this connection by login id (the `authorize` token plus `tokens`). */
  readonly authorized = new Map<string, TokenRecord>();
  active: string | undefined;
  readonly subscriptions = new Map<string, Subscription>();

  /** Replaces the session by a new authorization (a second `authorize` switches). */
  authorize(main: TokenRecord, extra: readonly TokenRecord[]): void {
    this.authorized.clear();
    for (const record of [main, ...extra]) this.authorized.set(record.loginid, record);
    this.active = main.loginid;
  }

  /** Forgets one account (or all); the session is signed out when the active one goes. */
  signOut(loginid?: string): TokenRecord[] {
    const removed =
      loginid === undefined
        ? [...this.authorized.values()]
        : [this.authorized.get(loginid)].filter((r) => r !== undefined);
    if (loginid === undefined || loginid === this.active) {
      this.authorized.clear();
      this.active = undefined;
    } else this.authorized.delete(loginid);
    return removed;
  }

  /**
   * The account a call acts on: its `loginid` field if given, else the active account.
   * Returns an error when that account is not (or no longer) authorized here.
   */
  resolveAccount(loginid: unknown): TokenRecord | DerivWireError {
    const target = typeof loginid === 'string' ? loginid : this.active;
    const record = target === undefined ? undefined : this.authorized.get(target);
    if (record === undefined) return authorizationRequired;
    if (record.revoked) {
      this.signOut(record.loginid);
      return { code: 'InvalidToken', message: 'The token is invalid.' };
    }
    return record;
  }

  addSubscription(
    call: string,
    loginid: string | undefined,
    echoRequest: Record<string, unknown>,
    reqId: unknown,
  ): Subscription | undefined {
    for (const existing of this.subscriptions.values()) {
      if (existing.call === call && existing.loginid === loginid) return undefined;
    }
    const subscription: Subscription = {
      id: randomBytes(16).toString('hex'),
      call,
      loginid,
      echoRequest,
      reqId,
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  /** Cancels the streams of the given types; returns their ids. */
  forgetAll(types: readonly string[]): string[] {
    const ids: string[] = [];
    for (const subscription of this.subscriptions.values()) {
      if (types.includes(subscription.call)) {
        ids.push(subscription.id);
        this.subscriptions.delete(subscription.id);
      }
    }
    return ids;
  }
}
