import type { NewApiAccount } from '@deriv-auth/core';

// Hand-written checks instead of core's zod schemas (`AccountListResponseSchema`,
// `OtpResponseSchema`, `RestErrorEnvelopeSchema`): the schemas would add ~8 KB gzip to the browser
// bundle. `readRest.test.ts` proves each accepts exactly what its schema accepts.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** `meta` is optional and unchecked, but an object when present. */
const hasMeta = (body: Record<string, unknown>): boolean =>
  body['meta'] === undefined || isObject(body['meta']);
// A decimal as Deriv's reference app types `balance` ("1000.00").
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
// Core's `NEW_API_ACCOUNT_ID_PATTERN` and `isOtpUrl` are not imported: their module builds the
// zod schemas at load. The test checks both copies against core's.
/** Core's `NEW_API_ACCOUNT_ID_PATTERN`. */
export const ACCOUNT_ID = /^[\w-]{1,64}$/;

/** Core's `isOtpUrl`: `wss://` (`ws://` on a loopback host), no credentials, one non-empty `otp`. */
export function isOtpUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  const loopback =
    url.hostname === 'localhost' ||
    url.hostname === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/.test(url.hostname);
  if (url.username || url.password) return false;
  if (url.protocol !== 'wss:' && !(url.protocol === 'ws:' && loopback)) return false;
  const otp = url.searchParams.getAll('otp');
  return otp.length === 1 && otp[0] !== '';
}

function readAccount(item: unknown): NewApiAccount | undefined {
  if (!isObject(item)) return undefined;
  const { account_id: id, balance, currency, group, status, account_type: type } = item;
  if (typeof id !== 'string' || !ACCOUNT_ID.test(id)) return undefined;
  const isBalance =
    (typeof balance === 'number' || (typeof balance === 'string' && DECIMAL.test(balance))) &&
    Number.isFinite(Number(balance));
  if (!isBalance || typeof currency !== 'string' || typeof group !== 'string') return undefined;
  if (typeof status !== 'string' || (type !== 'demo' && type !== 'real')) return undefined;
  return { ...item, balance: Number(balance) } as NewApiAccount;
}

/** `GET /trading/v1/options/accounts`: the accounts (balance as a number), or `undefined`. */
export function readAccountList(body: unknown): NewApiAccount[] | undefined {
  if (!isObject(body) || !hasMeta(body) || !Array.isArray(body['data'])) return undefined;
  const accounts: NewApiAccount[] = [];
  for (const item of body['data'] as unknown[]) {
    const account = readAccount(item);
    if (!account) return undefined;
    accounts.push(account);
  }
  return accounts;
}

/** `POST .../accounts/{id}/otp`: the one-time socket URL, or `undefined`. */
export function readOtpUrl(body: unknown): string | undefined {
  if (!isObject(body) || !hasMeta(body) || !isObject(body['data'])) return undefined;
  const url = body['data']['url'];
  return typeof url === 'string' && isOtpUrl(url) ? url : undefined;
}

/** The first error of Deriv's REST error envelope, or `undefined` when the body is not one. */
export function readRestError(
  body: unknown,
): { status: number; code: string; message: string } | undefined {
  if (!isObject(body) || !hasMeta(body) || !Array.isArray(body['errors'])) return undefined;
  const errors = body['errors'] as unknown[];
  const valid = errors.every(
    (error) =>
      isObject(error) &&
      typeof error['status'] === 'number' &&
      typeof error['code'] === 'string' &&
      typeof error['message'] === 'string',
  );
  return valid ? (errors[0] as { status: number; code: string; message: string }) : undefined;
}
