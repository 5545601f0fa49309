/**
 * The HTTP side: Deriv's legacy OAuth login page at `/oauth2/authorize` (pick a user, Authorize or
 * Deny, 302 to the app's registered URL) and a tiny index page. Every request must name this
 * server in `Host`; a decision is taken only from this server's own form (same origin, one-time
 * token), or by `GET ...&auto=1` when the server was started with `oauth: { autoApprove: true }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockApp, MockLoginAccount } from '../types.js';
import type { ConsentGuard, Refusal } from './consentGuard.js';
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

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  // `same-origin`, not `no-referrer`: under `no-referrer` a browser sends `Origin: null` with the
  // page's own form post, and the consent check could not tell it from a cross-site one. No
  // Referer leaves for another origin either way (the app's callback included).
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
} as const;

/** An HTML page with the OAuth pages' security headers. */
export function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
}

/** A refusal as a plain page with its reason (`role="alert"`), never a redirect. */
export function refuse(response: ServerResponse, refusal: Refusal): void {
  sendHtml(response, refusal.status, renderErrorPage(refusal.title, refusal.message));
}

/** A 302 to `location` with the OAuth pages' security headers. */
export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { ...SECURITY_HEADERS, location });
  response.end();
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  // Decoded as one stream: a character split across two chunks stays whole.
  request.setEncoding('utf8');
  for await (const chunk of request) {
    body += String(chunk);
    if (body.length > 16_384) throw new Error('Form too large.');
  }
  return new URLSearchParams(body);
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
  const auto = params.get('auto');
  if (!submitted && (auto === '1' || auto === 'deny')) {
    const refusal = guard.checkAutoApprove();
    if (refusal !== undefined) {
      refuse(response, refusal);
      return;
    }
  }
  const decision = submitted
    ? params.get('decision')
    : auto === 'deny'
      ? 'deny'
      : auto === '1'
        ? 'authorize'
        : undefined;
  if (decision === 'deny') {
    redirect(response, buildDenyUrl(app, extra));
    return;
  }
  if (decision === 'authorize') {
    const userId = params.get('user') ?? state.users.keys().next().value;
    if (userId === undefined || !state.users.has(userId)) {
      sendHtml(
        response,
        400,
        renderErrorPage('Unknown user', 'Pick one of the listed test users.'),
      );
      return;
    }
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
    const crossSite = guard.checkSameOrigin(request.headers);
    if (crossSite !== undefined) {
      request.resume();
      refuse(response, crossSite);
      return;
    }
    readForm(request).then(
      (form) => {
        const expired = guard.spendFormToken(form.get('consent'));
        if (expired === undefined) answerLogin(state, guard, form, response, true);
        else refuse(response, expired);
      },
      () => {
        sendHtml(
          response,
          413,
          renderErrorPage('Request too large', 'The form is larger than expected.'),
        );
      },
    );
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
