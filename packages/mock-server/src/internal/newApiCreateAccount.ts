/**
 * `POST /trading/v1/options/accounts`: a JSON body `{ currency, group, account_type }` creates an
 * account (`201`, `data: [account]`), or finds an identical active one (`200`, `data: account`), as
 * Deriv's docs show. Field errors use Deriv's codes: `FieldIsRequired`, `ValidationError`.
 */
import { BodyTooLargeError, readBody } from './httpExchange.js';
import type { RestError, RestExchange } from './newApiRestExchange.js';

const CURRENCY_PATTERN = /^[A-Z]{3,5}$/u;
const GROUP_PATTERN = /^[a-z0-9_-]{1,32}$/u;
const FIELDS = ['currency', 'group', 'account_type'] as const;

type AccountRequest = { currency: string; group: string; accountType: 'demo' | 'real' };

const validation = (message: string): RestError => ({
  status: 400,
  code: 'ValidationError',
  message,
});

/** The request, or the first thing wrong with it. */
function readAccountRequest(body: string): AccountRequest | RestError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return validation('The body must be a JSON object.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return validation('The body must be a JSON object.');
  const fields = parsed as Record<string, unknown>;
  for (const field of FIELDS)
    if (!Object.hasOwn(fields, field) || fields[field] === '' || fields[field] == null)
      return { status: 400, code: 'FieldIsRequired', message: `${field} is required` };
  const { currency, group, account_type: accountType } = fields;
  if (typeof currency !== 'string' || !CURRENCY_PATTERN.test(currency))
    return validation('currency must be a currency code such as USD.');
  if (typeof group !== 'string' || !GROUP_PATTERN.test(group))
    return validation('group must be a group name such as row.');
  if (accountType !== 'demo' && accountType !== 'real')
    return validation('account_type must be demo or real.');
  return { currency, group, accountType };
}

/** Reads the body and answers 201 (created), 200 (identical exists) or a 400/413 error. */
export function createAccount(exchange: RestExchange): void {
  const { accounts, config } = exchange.context;
  readBody(exchange.request).then(
    (body) => {
      const wanted = readAccountRequest(body);
      if ('status' in wanted) {
        exchange.fail(wanted);
        return;
      }
      const { account, created } = accounts.create(exchange.grant.userId, wanted);
      const shown = accounts.toBody(account, config.balanceAsString);
      exchange.reply(created ? 201 : 200, created ? [shown] : shown);
    },
    (error: unknown) => {
      exchange.fail(
        error instanceof BodyTooLargeError
          ? { status: 413, code: 'PayloadTooLarge', message: 'The body is too large.' }
          : validation('The body could not be read.'),
      );
    },
  );
}
