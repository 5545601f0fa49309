/**
 * The New API's REST side under `/trading/v1/options/`: list and create accounts, and one-time
 * socket URLs. Bearer tokens from `/oauth2/token`; answers `{ data, meta }`, errors Deriv's
 * envelope `{ errors: [{ status, code, message }], meta }` with the HTTP status mirrored. Checks in
 * order: token (401), rate limit per token (429), scope (403), account id format (400), account of
 * this user (404).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockNewApiScope } from '../newApiTypes.js';
import { answerPreflight, corsHeaders, sendJson } from './httpExchange.js';
import type { NewApiContext } from './newApiContext.js';
import { createAccount } from './newApiCreateAccount.js';
import type { RestError, RestExchange } from './newApiRestExchange.js';
import { OTP_SOCKET_PATHS } from './otpSockets.js';

export const REST_PREFIX = '/trading/v1/options/';
const ACCOUNTS_PATH = '/trading/v1/options/accounts';
const OTP_PATH = /^\/trading\/v1\/options\/accounts\/([^/]*)\/otp$/u;
/** Deriv's ids are letters then digits (`DOT90004580`); anything else is a 400, not a 404. */
const ACCOUNT_ID_PATTERN = /^[A-Z]{2,8}\d{1,16}$/u;

const unauthorized: RestError = {
  status: 401,
  code: 'Unauthorized',
  message: 'Invalid or missing authentication credentials',
};

/** Fixed one-window counters per access token. */
const windows = new WeakMap<NewApiContext, Map<string, { start: number; count: number }>>();

/** Counts one call of `token`; the seconds until the window resets when over the limit. */
function overLimit(context: NewApiContext, token: string, now: number): number | undefined {
  const limit = context.config.restRateLimit;
  if (limit === false) return undefined;
  let counters = windows.get(context);
  if (counters === undefined) {
    counters = new Map<string, { start: number; count: number }>();
    windows.set(context, counters);
  }
  let window = counters.get(token);
  if (window === undefined || now - window.start >= limit.windowMs) {
    for (const [key, old] of counters) if (now - old.start >= limit.windowMs) counters.delete(key);
    window = { start: now, count: 0 };
    counters.set(token, window);
  }
  window.count += 1;
  if (window.count <= limit.maxRequests) return undefined;
  return Math.max(1, Math.ceil((window.start + limit.windowMs - now) / 1000));
}

function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer +([!-~]+)$/iu.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function requireScope(exchange: RestExchange, scope: MockNewApiScope): boolean {
  if (exchange.grant.scopes.includes(scope)) return true;
  exchange.fail({
    status: 403,
    code: 'AccessDenied',
    message: `This token lacks the ${scope} scope.`,
  });
  return false;
}

function listAccounts(exchange: RestExchange): void {
  if (!requireScope(exchange, 'trade')) return;
  const { accounts, config } = exchange.context;
  exchange.reply(
    200,
    accounts
      .forUser(exchange.grant.userId)
      .map((account) => accounts.toBody(account, config.balanceAsString)),
  );
}

function issueOtp(exchange: RestExchange, accountId: string): void {
  if (!requireScope(exchange, 'trade')) return;
  if (!ACCOUNT_ID_PATTERN.test(accountId)) {
    exchange.fail({ status: 400, code: 'ValidationError', message: 'Invalid account ID format' });
    return;
  }
  const { accounts, tokens, faults } = exchange.context;
  const account = accounts.get(accountId);
  if (account?.userId !== exchange.grant.userId) {
    exchange.fail({ status: 404, code: 'AccountNotFound', message: 'Account not found' });
    return;
  }
  if (!account.active) {
    exchange.fail({ status: 403, code: 'AccessDenied', message: 'The account is inactive.' });
    return;
  }
  if (faults.takeFault('otpServerError') !== undefined) {
    exchange.fail({ status: 500, code: 'InternalError', message: 'Failed to generate OTP' });
    return;
  }
  const otp = tokens.issueOtp(account.accountId, account.userId);
  const host = exchange.request.headers.host ?? '127.0.0.1';
  exchange.reply(200, { url: `ws://${host}${OTP_SOCKET_PATHS[account.accountType]}?otp=${otp}` });
}

/** Answers one request under {@link REST_PREFIX} (unknown paths get the 404 envelope). */
export function handleRestRequest(
  context: NewApiContext,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const started = Date.now();
  const allowed = context.config.allowedOrigins;
  const otpMatch = OTP_PATH.exec(url.pathname);
  const isAccounts = url.pathname === ACCOUNTS_PATH;
  const methods = isAccounts ? 'GET, POST' : 'POST';
  if (request.method === 'OPTIONS' && (isAccounts || otpMatch !== null)) {
    answerPreflight(request, response, allowed, methods);
    return;
  }
  const cors = corsHeaders(request.headers, allowed);
  const meta = (): Record<string, unknown> => ({
    endpoint: url.pathname,
    method: request.method ?? '',
    timing: Date.now() - started,
  });
  const fail = (error: RestError, headers: Record<string, string> = {}): void => {
    request.resume();
    sendJson(response, error.status, { errors: [error], meta: meta() }, { ...cors, ...headers });
  };
  if (!isAccounts && otpMatch === null) {
    fail({ status: 404, code: 'NotFound', message: 'Resource not found' });
    return;
  }
  if (!(isAccounts ? ['GET', 'POST'] : ['POST']).includes(request.method ?? '')) {
    fail(
      { status: 405, code: 'MethodNotAllowed', message: 'Method not allowed' },
      { allow: methods },
    );
    return;
  }
  const token = bearerToken(request);
  const grant = token === undefined ? undefined : context.tokens.checkAccess(token);
  if (token === undefined || grant === undefined) {
    fail(unauthorized, { 'www-authenticate': 'Bearer' });
    return;
  }
  const retryAfter = overLimit(context, token, started);
  if (retryAfter !== undefined) {
    fail(
      { status: 429, code: 'TooManyRequests', message: 'Rate limit exceeded for this token' },
      { 'retry-after': String(retryAfter) },
    );
    return;
  }
  const exchange: RestExchange = {
    context,
    request,
    response,
    grant,
    reply: (status, data) => {
      sendJson(response, status, { data, meta: meta() }, cors);
    },
    fail,
  };
  if (otpMatch !== null) {
    request.resume();
    issueOtp(exchange, decodeURIComponentSafely(otpMatch[1] ?? ''));
  } else if (request.method === 'GET') {
    request.resume();
    listAccounts(exchange);
  } else if (requireScope(exchange, 'account_manage')) createAccount(exchange);
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
