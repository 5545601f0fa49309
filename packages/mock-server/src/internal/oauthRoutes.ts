/**
 * The HTTP side: Deriv's legacy OAuth login page at `/oauth2/authorize` (pick a user, Authorize or
 * Deny, 302 to the app's registered URL) and a tiny index page. Every request must name this
 * server in `Host`; a decision is taken only from this server's own form (same origin, one-time
 * token), or by `GET ...&auto=1` when the server was started with `oauth: { autoApprove: true }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockApp, MockLoginAccount } from '../types.js';
import type { ConsentGuard } from './consentGuard.js';
import {
  SECURITY_HEADERS,
  chosenUser,
  readConsentDecision,
  receiveConsentForm,
  redirect,
  refuse,
  sendHtml,
} from './consentSteps.js';
import type { MockState } from './mockState.js';
import { renderErrorPage, renderLoginPage } from './oauthHtml.js';
import { parseRequestTarget } from './requestTarget.js';

/** The registered redirect URL with `acctN`/`tokenN`/`curN`, then `state` and `route`. */
export function buildRedirectUrl(
  app: MockApp,
  accounts: readonly MockLoginAccount[],
  extra: { state?: string | null; route?: string | null },
): string {
  const url = new URL(app.redirectUri);
  accounts.forEach((account, index) => {
    url.searchParams.append(`acct${index + 1}`, account.account);
    url.searchParams.append(`token${index + 1}`, account.token);
    url.searchParams.append(`cur${index + 1}`, account.currency);
  });
  if (extra.state != null) url.searchParams.append('state', extra.state);
  if (extra.route != null) url.searchParams.append('route', extra.route);
  return url.toString();
}

/** The redirect for a user who pressed Deny. */
function buildDenyUrl(
  app: MockApp,
  extra: { state?: string | null; route?: string | null },
): string {
  const url = new URL(app.redirectUri);
  url.searchParams.append('error', 'access_denied');
  url.searchParams.append('error_description', 'The user denied the authorization request.');
  if (extra.state != null) url.searchParams.append('state', extra.state);
  if (extra.route != null) url.searchParams.append('route', extra.route);
  return url.toString();
}

/** Answers one login step: the page (GET), the form submit (POST), or the non-interactive `auto=1`. */
function answerLogin(
  state: MockState,
  guard: ConsentGuard,
  params: URLSearchParams,
  response: ServerResponse,
  submitted: boolean,
): void {
  const appIdText = params.get('app_id');
  const app =
    appIdText !== null && /^\d+$/u.test(appIdText) ? state.apps.get(Number(appIdText)) : undefined;
  if (app === undefined) {
    sendHtml(
      response,
      400,
      renderErrorPage(
        'Unknown application',
        appIdText === null
          ? 'The app_id parameter is missing.'
          : /^\d{1,16}$/u.test(appIdText)
            ? `No application is registered with app_id ${appIdText}.`
            : 'The app_id parameter is not a number.',
      ),
    );
    return;
  }
  const extra = { state: params.get('state'), route: params.get('route') };
  const step = readConsentDecision(guard, params, submitted);
  if ('refusal' in step) {
    refuse(response, step.refusal);
    return;
  }
  if (step.decision === 'deny') {
    redirect(response, buildDenyUrl(app, extra));
    return;
  }
  if (step.decision === 'authorize') {
    const userId = chosenUser(state, params, response);
    if (userId === undefined) return;
    redirect(response, buildRedirectUrl(app, state.issueTokens(app.appId, userId), extra));
    return;
  }
  sendHtml(
    response,
    200,
    renderLoginPage(app, [...state.users.values()], params, guard.issueFormToken()),
  );
}

/**
 * Other routes on the same server (the New API): answers and returns true when `url` is one of
 * theirs. Called after the request target and `Host` checks.
 */
export type ExtraRoutes = (url: URL, request: IncomingMessage, response: ServerResponse) => boolean;

/** Handles every plain HTTP request of the mock server. */
export function handleHttpRequest(
  state: MockState,
  urls: Readonly<Record<string, unknown>>,
  guard: ConsentGuard,
  request: IncomingMessage,
  response: ServerResponse,
  extraRoutes?: ExtraRoutes,
): void {
  const url = parseRequestTarget(request.url);
  if (url === undefined) {
    refuse(response, {
      status: 400,
      title: 'Bad request target',
      message: 'This server takes request targets of the form /path?query only.',
    });
    return;
  }
  const wrongHost = guard.checkHost(request.headers);
  if (wrongHost !== undefined) {
    request.resume();
    refuse(response, wrongHost);
    return;
  }
  if (extraRoutes?.(url, request, response) === true) return;
  if (url.pathname === '/oauth2/authorize' && request.method === 'GET') {
    answerLogin(state, guard, url.searchParams, response, false);
    return;
  }
  if (url.pathname === '/oauth2/authorize' && request.method === 'POST') {
    receiveConsentForm(guard, request, response, (form) => {
      answerLogin(state, guard, form, response, true);
    });
    return;
  }
  if (url.pathname === '/' && request.method === 'GET') {
    response.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/json' });
    response.end(
      JSON.stringify(
        {
          name: '@deriv-auth/mock-server',
          ...urls,
          apps: [...state.apps.values()],
          users: [...state.users.keys()],
        },
        null,
        2,
      ),
    );
    return;
  }
  sendHtml(response, 404, renderErrorPage('Not found', 'Nothing is served at this path.'));
}
