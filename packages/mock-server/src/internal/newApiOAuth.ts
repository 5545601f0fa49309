/**
 * The New API's authorize endpoint, `/oauth2/auth` (OAuth 2.0 authorization code + PKCE): the same
 * user picker and consent rules as the legacy page (approval by POST with the one-time form token,
 * `GET ...&auto=1` only with `oauth.autoApprove`). An unknown client or a redirect URI the client
 * did not register gets an error page, never a redirect (RFC 6749 §4.1.2.1); every later error
 * goes back to the app as `?error=...&error_description=...&state=...`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NEW_API_SCOPES } from '../fixtures.js';
import type { MockNewApiScope } from '../newApiTypes.js';
import type { NewApiContext } from './newApiContext.js';
import { renderConsentPage, renderErrorPage } from './oauthHtml.js';
import {
  chosenUser,
  readConsentDecision,
  receiveConsentForm,
  redirect,
  refuse,
  sendHtml,
} from './consentSteps.js';
import { isS256Challenge } from './pkce.js';

export const AUTHORIZE_PATH = '/oauth2/auth';

/** Request parameters the consent form carries through. */
const CARRIED = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'prompt',
  'l',
] as const;

/** `redirectUri` with `params` appended, then `state` when the request had one. */
function callbackUrl(
  redirectUri: string,
  params: Record<string, string>,
  state: string | null,
): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.append(name, value);
  if (state !== null) url.searchParams.append('state', state);
  return url.toString();
}

/** The requested scopes, or undefined when one is not a New API scope (or none is given). */
function parseScopes(scope: string | null): MockNewApiScope[] | undefined {
  const names = (scope ?? '').split(' ').filter((name) => name !== '');
  if (names.length === 0) return undefined;
  const known = new Set<string>(NEW_API_SCOPES);
  if (!names.every((name) => known.has(name))) return undefined;
  return [...new Set(names)] as MockNewApiScope[];
}

/** The first parameter given more than once (RFC 6749 §3.1 forbids it), if any. */
function repeatedParameter(params: URLSearchParams): string | undefined {
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

/**
 * The checks whose failure goes back to the app (the client and redirect URI are known good):
 * RFC 6749 §4.1.2.1 codes, PKCE required with S256 (RFC 7636 §4.4.1).
 */
function checkAuthorizeParameters(
  params: URLSearchParams,
  repeated: string | undefined,
): { error: string; description: string } | { scopes: MockNewApiScope[]; challenge: string } {
  if (repeated !== undefined)
    return { error: 'invalid_request', description: 'A parameter is repeated.' };
  if (params.get('response_type') !== 'code')
    return { error: 'unsupported_response_type', description: 'response_type must be code.' };
  const challenge = params.get('code_challenge');
  if (challenge === null || !isS256Challenge(challenge))
    return {
      error: 'invalid_request',
      description: 'code_challenge is required: 43 base64url characters.',
    };
  if (params.get('code_challenge_method') !== 'S256')
    return { error: 'invalid_request', description: 'code_challenge_method must be S256.' };
  const scopes = parseScopes(params.get('scope'));
  if (scopes === undefined)
    return {
      error: 'invalid_scope',
      description: `scope must name some of: ${NEW_API_SCOPES.join(', ')}.`,
    };
  return { scopes, challenge };
}

function badClient(response: ServerResponse, message: string): void {
  sendHtml(response, 400, renderErrorPage('Invalid OAuth request', message));
}

/** One authorize step: the page (GET), its form (POST), or the non-interactive `auto=1`. */
function answerAuthorize(
  context: NewApiContext,
  params: URLSearchParams,
  response: ServerResponse,
  submitted: boolean,
): void {
  const repeated = repeatedParameter(params);
  const clientId = params.get('client_id');
  const client = clientId === null ? undefined : context.config.clients.get(clientId);
  if (client === undefined || repeated === 'client_id') {
    badClient(response, 'The client_id is missing, repeated or not registered with this server.');
    return;
  }
  const redirectUri = params.get('redirect_uri');
  if (
    redirectUri === null ||
    repeated === 'redirect_uri' ||
    !client.redirectUris.includes(redirectUri)
  ) {
    badClient(response, 'The redirect_uri is missing, repeated or not registered for this client.');
    return;
  }
  const state = params.get('state');
  const fail = (error: string, description: string): void => {
    redirect(response, callbackUrl(redirectUri, { error, error_description: description }, state));
  };
  const checked = checkAuthorizeParameters(params, repeated);
  if ('error' in checked) {
    fail(checked.error, checked.description);
    return;
  }
  const { scopes, challenge } = checked;

  const step = readConsentDecision(context.guard, params, submitted);
  if ('refusal' in step) {
    refuse(response, step.refusal);
    return;
  }
  if (step.decision === 'deny') {
    fail('access_denied', 'The user denied the authorization request.');
    return;
  }
  if (step.decision === 'authorize') {
    const userId = chosenUser(context.state, params, response);
    if (userId === undefined) return;
    const code = context.tokens.issueCode(
      { clientId: client.clientId, userId, scopes },
      redirectUri,
      challenge,
    );
    redirect(response, callbackUrl(redirectUri, { code }, state));
    return;
  }
  const hidden = CARRIED.flatMap((name) => {
    const value = params.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  sendHtml(
    response,
    200,
    renderConsentPage({
      language: (params.get('l') ?? 'en').toLowerCase(),
      appName: client.name ?? client.clientId,
      appIdentity: `client ${client.clientId}`,
      action: AUTHORIZE_PATH,
      hidden,
      users: [...context.state.users.values()],
      formToken: context.guard.issueFormToken(),
    }),
  );
}

/** `/oauth2/auth`: GET renders (or auto-approves), POST takes the form's decision. */
export function handleAuthorizeRequest(
  context: NewApiContext,
  url: URL,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  if (request.method === 'GET') {
    answerAuthorize(context, url.searchParams, response, false);
    return;
  }
  if (request.method !== 'POST') {
    request.resume();
    sendHtml(response, 405, renderErrorPage('Method not allowed', 'Use GET or the page form.'));
    return;
  }
  receiveConsentForm(context.guard, request, response, (form) => {
    answerAuthorize(context, form, response, true);
  });
}
