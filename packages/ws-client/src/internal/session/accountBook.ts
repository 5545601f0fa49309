import { LOGIN_ID_PATTERN, type DerivAccount } from '@deriv-auth/core';
import { DerivSessionError } from '../../derivSessionError.js';
import type { TokenStorage } from '../../tokenStorage.js';

/** Loginids compare case-insensitively (`CR1` and `cr1` are one account). */
export const sameAccount = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** `accounts` without repeats of a loginid (the first one wins). */
export function dedupeAccounts(accounts: readonly DerivAccount[]): DerivAccount[] {
  const seen = new Set<string>();
  return accounts.filter(({ account }) => {
    const key = account.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The `unknown_account` error. The name is echoed only when it looks like a loginid: a caller who
 * passes a token where an account name belongs (`authorize(token)`) must not find it in the message.
 */
export function unknownAccountError(name: string): DerivSessionError {
  const shown = LOGIN_ID_PATTERN.test(name) ? name : 'The given account name';
  return new DerivSessionError(
    'unknown_account',
    `${shown} is not one of this session's accounts.`,
  );
}

/**
 * The session's accounts and their tokens, kept in step with the storage, plus what it takes to
 * revoke every token ever handed out: whether one was sent, and the accounts a refusal forgot
 * whose tokens may still be valid.
 */
export class AccountBook {
  readonly storage: TokenStorage;
  #accounts: DerivAccount[];
  /** Whether a token was handed to the client since the last full logout (so one may be live). */
  tokensSent = false;
  /**
   * Accounts forgotten by a refusal (`session_ended`) whose tokens may still be valid (the others
   * of a multi-account authorize): a later `logout()` still revokes them.
   */
  #unrevokedAfterRefusal: DerivAccount[] = [];

  constructor(storage: TokenStorage, initial: readonly DerivAccount[] | undefined) {
    this.storage = storage;
    this.#accounts = dedupeAccounts(initial ?? storage.load() ?? []);
    if (initial) storage.save(this.#accounts);
  }

  get accounts(): readonly DerivAccount[] {
    return this.#accounts;
  }

  find(account: string): DerivAccount | undefined {
    return this.#accounts.find((candidate) => sameAccount(candidate.account, account));
  }

  /** Replaces the accounts and stores them. */
  replace(next: readonly DerivAccount[]): void {
    this.#accounts = dedupeAccounts(next);
    this.storage.save(this.#accounts);
  }

  /** Removes one account (a logout of that account) and stores the rest. */
  remove(target: DerivAccount): void {
    this.replace(this.#accounts.filter((account) => account !== target));
  }

  /**
   * The server refused the token of `refused`: every account is forgotten, the storage cleared,
   * and the others are kept aside for a later `logout()` (their tokens may still be live).
   */
  forgetAfterRefusal(refused: string): void {
    this.#unrevokedAfterRefusal = dedupeAccounts([
      ...this.#unrevokedAfterRefusal,
      ...this.#accounts.filter((other) => !sameAccount(other.account, refused)),
    ]);
    this.#accounts = [];
    this.storage.clear();
  }

  /** Forgets everything (a full logout); returns every account whose token may still be live. */
  forgetAll(): { held: DerivAccount[]; mayBeLive: boolean } {
    const held = dedupeAccounts([...this.#accounts, ...this.#unrevokedAfterRefusal]);
    const mayBeLive = this.tokensSent && held.length > 0;
    this.#accounts = [];
    this.#unrevokedAfterRefusal = [];
    this.tokensSent = false;
    this.storage.clear();
    return { held, mayBeLive };
  }
}
