/**
 * The New API's token endpoint, `POST /oauth2/token` (form-encoded, public clients, no secret):
 * the authorization-code grant with the S256 PKCE check, and the refresh-token grant as configured
 * (rotate, reuse or disabled). Errors are RFC 6749 §5.2 JSON with its statuses: 400 for
 * `invalid_request`, `invalid_grant`, `unsupported_grant_type`; 401 for `invalid_client`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockTokenResponse } from '../newApiTypes.js';
import {
  answerPreflight,
  BodyTooLargeError,
  corsHeaders,
  readBody,
  sendJson,
} from './httpExchange.js';
import type { NewApiContext } from './newApiContext.js';
import { verifyS256 } from './pkce.js';

export const TOKEN_PATH = '/oauth2/token';

/** An RFC 6749 §5.2 error and the status it goes with. */
interface TokenError {
  readonly status: 400 | 401 | 413 | 415;
  readonly error: string;
  readonly description: string;
}

type TokenOutcome = MockTokenResponse | TokenError;

const invalidRequest = (description: string): TokenError => ({
  status: 400,
  error: 'invalid_request',
  description,
});
const invalidGrant = (description: string): TokenError => ({
  status: 400,
  error: 'invalid_grant',
  description,
});

/** The one value of `name`, or a reason to refuse (missing, empty or repeated). */
function single(form: URLSearchParams, name: string): string | TokenError {
  const values = form.getAll(name);
  if (values.length > 1) return invalidRequest(`${name} is repeated.`);
  const value = values[0];
  if (value === undefined || value === '') return invalidRequest(`${name} is required.`);
  return value;
}

function exchangeCode(
  context: NewApiContext,
  form: URLSearchParams,
  clientId: string,
): TokenOutcome {
  const code = single(form, 'code');
  if (typeof code !== 'string') return code;
  const redirectUri = single(form, 'redirect_uri');
  if (typeof redirectUri !== 'string') return redirectUri;
  const verifier = single(form, 'code_verifier');
  if (typeof verifier !== 'string') return verifier;
  const record = context.tokens.spendCode(code, clientId);
  if (record === undefined)
    return invalidGrant(
      'The authorization code is invalid, expired, used or issued to another client.',
    );
  if (record.redirectUri !== redirectUri)
    return invalidGrant('redirect_uri does not match the one of the authorization request.');
  if (!verifyS256(verifier, record.challenge))
    return invalidGrant('The code_verifier does not match the code_challenge.');
  const tokens = context.tokens.issueTokens(record, true);
  record.issued.push(
    tokens.access_token,
    ...(tokens.refresh_token === undefined ? [] : [tokens.refresh_token]),
  );
  return tokens;
}

function refresh(context: NewApiContext, form: URLSearchParams, clientId: string): TokenOutcome {
  const { config, tokens, faults } = context;
  if (config.refresh === 'disabled')
    return {
      status: 400,
      error: 'unsupported_grant_type',
      description: 'This server issues no refresh tokens.',
    };
  const token = single(form, 'refresh_token');
  if (typeof token !== 'string') return token;
  const record = tokens.refresh.get(token);
  if (record === undefined || record.revoked || record.clientId !== clientId)
    return invalidGrant('The refresh token is invalid, revoked or issued to another client.');
  if (faults.takeFault('refuseRefresh') !== undefined)
    return invalidGrant('The refresh token is invalid, revoked or issued to another client.');
  if (config.refresh === 'reuse') return tokens.issueTokens(record, false);
  record.revoked = true;
  return tokens.issueTokens(record, true);
}

function grant(context: NewApiContext, form: URLSearchParams): TokenOutcome {
  const clientId = single(form, 'client_id');
  if (typeof clientId !== 'string' || !context.config.clients.has(clientId))
    return { status: 401, error: 'invalid_client', description: 'Unknown client_id.' };
  const grantType = single(form, 'grant_type');
  if (typeof grantType !== 'string') return grantType;
  if (grantType === 'authorization_code') return exchangeCode(context, form, clientId);
  if (grantType === 'refresh_token') return refresh(context, form, clientId);
  return {
    status: 400,
    error: 'unsupported_grant_type',
    description: 'Use authorization_code or refresh_token.',
  };
}

function isForm(request: IncomingMessage): boolean {
  const type = request.headers['content-type'] ?? '';
  return type.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/** `/oauth2/token`: OPTIONS (CORS preflight) and POST. */
export function handleTokenRequest(
  context: NewApiContext,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const allowed = context.config.allowedOrigins;
  if (request.method === 'OPTIONS') {
    answerPreflight(request, response, allowed, 'POST');
    return;
  }
  const cors = corsHeaders(request.headers, allowed);
  const answer = (outcome: TokenOutcome): void => {
    if ('access_token' in outcome) sendJson(response, 200, outcome, cors);
    else
      sendJson(
        response,
        outcome.status,
        { error: outcome.error, error_description: outcome.description },
        outcome.status === 401 ? { ...cors, 'www-authenticate': 'Basic realm="oauth2"' } : cors,
      );
  };
  if (request.method !== 'POST') {
    request.resume();
    sendJson(
      response,
      405,
      { error: 'invalid_request', error_description: 'Use POST.' },
      { ...cors, allow: 'POST, OPTIONS' },
    );
    return;
  }
  if (!isForm(request)) {
    request.resume();
    answer(invalidRequest('Content-Type must be application/x-www-form-urlencoded.'));
    return;
  }
  readBody(request).then(
    (body) => {
      answer(grant(context, new URLSearchParams(body)));
    },
    (error: unknown) => {
      answer(
        error instanceof BodyTooLargeError
          ? { status: 413, error: 'invalid_request', description: 'The body is too large.' }
          : invalidRequest('The body could not be read.'),
      );
    },
  );
}
