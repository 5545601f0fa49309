import type { BrowserEnvironment } from '../browserEnvironment.js';
import { DerivLoginError } from '../derivLoginError.js';

/** What a started login leaves in per-tab storage until its callback arrives. */
export interface LoginRecord {
  /** The one-time `state` sent to the provider. */
  readonly state: string;
  /** Wall-clock ms after which the callback is refused. */
  readonly expiresAt: number;
  /** Where the app wanted to be after login, checked again on the way back. */
  readonly returnTo?: string | undefined;
  /** New API only: the PKCE code verifier the code is bound to (a secret, kept for this tab only). */
  readonly codeVerifier?: string | undefined;
}

/** How long a started login waits for its callback by default: ten minutes. */
export const DEFAULT_LOGIN_TTL_MS = 10 * 60 * 1000;

/** Default key in `sessionStorage`. */
export const DEFAULT_STORAGE_KEY = '@deriv-auth/login';

type TabStorage = NonNullable<BrowserEnvironment['storage']>;

/** Runs `operation` on the tab's storage; a missing or throwing storage becomes `storage_unavailable`. */
function withStorage<Result>(
  environment: BrowserEnvironment,
  operation: (storage: TabStorage) => Result,
): Result {
  const fail = (cause?: unknown): DerivLoginError =>
    new DerivLoginError(
      'storage_unavailable',
      'sessionStorage is unavailable.',
      cause === undefined ? {} : { cause },
    );
  const { storage } = environment;
  if (!storage) throw fail();
  try {
    return operation(storage);
  } catch (cause) {
    throw fail(cause);
  }
}

/** Keeps `record` for this tab, replacing any login started before. */
export function saveLoginRecord(
  environment: BrowserEnvironment,
  key: string,
  record: LoginRecord,
): void {
  withStorage(environment, (storage) => {
    storage.setItem(key, JSON.stringify(record));
  });
}

/**
 * Reads and removes the pending login in one step, so a second callback (reload, replay, another
 * code path) finds nothing: the state is one-time.
 */
export function consumeLoginRecord(
  environment: BrowserEnvironment,
  key: string,
): LoginRecord | undefined {
  const raw = withStorage(environment, (storage) => {
    const value = storage.getItem(key);
    storage.removeItem(key);
    return value;
  });
  try {
    const record = JSON.parse(raw ?? 'null') as Partial<LoginRecord> | null;
    // Anything else than what startLogin wrote (tampered, older format) counts as no login.
    return typeof record?.state === 'string' && typeof record.expiresAt === 'number'
      ? (record as LoginRecord)
      : undefined;
  } catch {
    return undefined;
  }
}
