import {
  isDerivScope,
  SnapshotStore,
  type DerivAuthError,
  type SnapshotSource,
} from '@deriv-auth/core';
import type { AuthorizeResult } from '../../authorizeResult.js';
import type { DerivClient } from '../../createDerivClient.js';
import type { SessionSnapshot } from '../../sessionTypes.js';
import type { Authorizer } from '../../authorizer.js';
import type { Transport } from '../transport.js';
import type { AccountBook } from './accountBook.js';

/** What the session decides itself; the snapshot adds the connection and the accounts. */
export interface SessionFields {
  status: SessionSnapshot['status'];
  activeAccount: string | undefined;
  authorize: AuthorizeResult | undefined;
  error: DerivAuthError | undefined;
}

const SIGNED_OUT: SessionFields = {
  status: 'signed_out',
  activeAccount: undefined,
  authorize: undefined,
  error: undefined,
};

/**
 * The session's state and its snapshot store. The snapshot is rebuilt from the state, the
 * client's status and the accounts (never their tokens), and published only when one of them
 * changed. The `epoch` counts identity changes: replies and results of an older epoch are dropped.
 */
export class SessionState {
  readonly #client: DerivClient;
  readonly #book: AccountBook;
  readonly #store: SnapshotStore<SessionSnapshot>;
  #fields: SessionFields = SIGNED_OUT;
  /** Bumped whenever the active identity changes. */
  epoch = 0;

  constructor(client: DerivClient, book: AccountBook, onListenerError: () => void) {
    this.#client = client;
    this.#book = book;
    this.#store = new SnapshotStore(this.#build(), { onListenerError });
  }

  get fields(): Readonly<SessionFields> {
    return this.#fields;
  }

  /** The snapshot half of the store. */
  get store(): SnapshotSource<SessionSnapshot> {
    return this.#store;
  }

  update(patch: Partial<SessionFields>): void {
    this.#fields = { ...this.#fields, ...patch };
    this.publish();
  }

  /** Signs out: no active account, no authorization, no error; a new epoch. */
  signOut(): void {
    this.epoch += 1;
    this.#fields = SIGNED_OUT;
    this.publish();
  }

  /** Rebuilds the snapshot and publishes it when something a reader sees changed. */
  publish(): void {
    const next = this.#build();
    const previous = this.#store.getSnapshot();
    const changed =
      next.status !== previous.status ||
      next.connection !== previous.connection ||
      next.activeAccount !== previous.activeAccount ||
      next.authorize !== previous.authorize ||
      next.error !== previous.error ||
      JSON.stringify(next.accounts) !== JSON.stringify(previous.accounts);
    if (changed) this.#store.setSnapshot(next);
  }

  /** Drops every listener (the session is closing). */
  clearListeners(): void {
    this.#store.clearListeners();
  }

  #build(): SessionSnapshot {
    const fields = this.#fields;
    const next: { -readonly [K in keyof SessionSnapshot]: SessionSnapshot[K] } = {
      status: fields.status,
      connection: this.#client.getSnapshot().status,
      accounts: this.#book.accounts.map(({ account, currency }) =>
        Object.freeze({ account, currency }),
      ),
      scopes: Object.freeze((fields.authorize?.scopes ?? []).filter(isDerivScope)),
    };
    if (fields.activeAccount !== undefined) next.activeAccount = fields.activeAccount;
    if (fields.authorize !== undefined) next.authorize = fields.authorize;
    if (fields.error !== undefined) next.error = fields.error;
    return Object.freeze(next);
  }
}

/** What the parts of a session share: the client's transport, the accounts, the state. */
export interface SessionContext {
  readonly transport: Transport;
  readonly book: AccountBook;
  readonly state: SessionState;
  readonly authorizer: Authorizer;
}
