import type { BrowserEnvironment } from '../browserEnvironment.js';
import { DerivLoginError } from '../derivLoginError.js';

/** What a started login leaves in per-tab storage until its callback arrives. */
export interface LoginRecord {
  /** The one-time `state` sent to the provider. */
  readonly state: string;
  /** Wall-clock ms after which the callback is refused. */
  readonly expiresAt: number;
  /** Where the app wanted to be after login, checked again on the way back. */
  readonly returnTo?: string;
}

/** Default key in `sessionStorage`. */
export const DEFAULT_STORAGE_KEY = '@deriv-auth/login';

function requireStorage(environment: BrowserEnvironment): NonNullable<BrowserEnvironment['storage']> {
  if (!environment.storage) {
    throw new DerivLoginError('storage_unavailable', 'Per-tab storage (sessionStorage) is unavailable, so a login cannot be checked on return.');
  }
  return environment.storage;
}

/** Keeps `record` for this tab, replacing any login started before. */
export function saveLoginRecord(environment: BrowserEnvironment, key: string, record: LoginRecord): void {
  const storage = requireStorage(environment);
  try {
    storage.setItem(key, JSON.stringify(record));
  } catch (cause) {
    throw new DerivLoginError('storage_unavailable', 'Could not write the login state to per-tab storage.', { cause });
  }
}

function isLoginRecord(value: unknown): value is LoginRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['state'] === 'string' &&
    typeof record['expiresAt'] === 'number' &&
    (record['returnTo'] === undefined || typeof record['returnTo'] === 'string')
  );
}

/**
 * Reads and removes the pending login in one step, so a second callback (reload, replay, another
 * code path) finds nothing: the state is one-time.
 */
export function consumeLoginRecord(environment: BrowserEnvironment, key: string): LoginRecord | undefined {
  const storage = requireStorage(environment);
  let raw: string | null;
  try {
    raw = storage.getItem(key);
    storage.removeItem(key);
  } catch (cause) {
    throw new DerivLoginError('storage_unavailable', 'Could not read the login state from per-tab storage.', { cause });
  }
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isLoginRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
