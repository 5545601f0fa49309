/**
 * The New API's socket endpoints at upgrade time: `/ws/demo|real?otp=` spend a one-time password
 * (400 "OTP parameter is required", 401 "Invalid or expired OTP token", as Deriv documents) and
 * open a socket scoped to its account; `/ws/public` needs nothing. A user holds at most
 * `maxSocketsPerUser` OTP sockets: the next upgrade is refused with 429 (the mock's choice; the
 * OTP is spent by that attempt like by any other).
 */
import type { NewApiContext } from './newApiContext.js';
import { createNewApiEndpoint, type NewApiEndpoint } from './newApiCalls.js';

export const OTP_SOCKET_PATHS = {
  demo: '/trading/v1/options/ws/demo',
  real: '/trading/v1/options/ws/real',
} as const;
export const PUBLIC_SOCKET_PATH = '/trading/v1/options/ws/public';

/** An upgrade to refuse with an HTTP status and a plain-text reason, or the socket to open. */
export type NewApiUpgrade =
  | { readonly status: 400 | 401 | 429; readonly text: string }
  | { readonly endpoint: NewApiEndpoint };

const invalidOtp = { status: 401, text: 'Invalid or expired OTP token' } as const;

/**
 * Decides an upgrade to a New API socket path; undefined when `target` is not one.
 *
 * @param openSocketsOf - how many OTP sockets a user has open now
 */
export function decideNewApiUpgrade(
  context: NewApiContext,
  target: URL,
  openSocketsOf: (userId: string) => number,
): NewApiUpgrade | undefined {
  if (target.pathname === PUBLIC_SOCKET_PATH)
    return { endpoint: createNewApiEndpoint('public', undefined) };
  const kind =
    target.pathname === OTP_SOCKET_PATHS.demo
      ? 'demo'
      : target.pathname === OTP_SOCKET_PATHS.real
        ? 'real'
        : undefined;
  if (kind === undefined) return undefined;
  const otps = target.searchParams.getAll('otp');
  const otp = otps[0];
  if (otp === undefined || otp === '') return { status: 400, text: 'OTP parameter is required' };
  if (otps.length > 1) return invalidOtp;
  const record = context.tokens.spendOtp(otp);
  if (context.faults.takeFault('otpAlreadyUsed') !== undefined) return invalidOtp;
  const account = record === undefined ? undefined : context.accounts.get(record.accountId);
  // An OTP opens the socket of its own account type only: a demo OTP on /ws/real is refused.
  if (account === undefined || account.accountType !== kind) return invalidOtp;
  if (openSocketsOf(account.userId) >= context.config.maxSocketsPerUser)
    return {
      status: 429,
      text: `Too many connections: at most ${context.config.maxSocketsPerUser} sockets per user.`,
    };
  return { endpoint: createNewApiEndpoint(kind, account) };
}
