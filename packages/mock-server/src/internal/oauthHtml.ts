/** HTML of the mock OAuth pages: small, accessible, no scripts, every value escaped. */
import type { MockApp, MockUser } from '../types.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attributes. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => ENTITIES[character] ?? character);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
fieldset{border:1px solid #bbb;border-radius:.5rem;padding:1rem}label{display:block;padding:.4rem 0}
button{font-size:1rem;padding:.5rem 1.25rem;margin:1rem .5rem 0 0;border-radius:.4rem;border:1px solid #333}
button[value=authorize]{background:#ff444f;color:#fff;border-color:#ff444f}:focus-visible{outline:3px solid #0a58ca}
.hint{color:#555;font-size:.9rem}`;

function page(language: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="same-origin"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>
`;
}

function describeUser(user: MockUser): string {
  const accounts = user.accounts
    .map(
      (account) =>
        `${account.loginid}${account.currency === '' ? ' (no currency)' : ` ${account.currency}`}${account.isDisabled === true ? ' disabled' : ''}`,
    )
    .join(', ');
  return `${user.fullname.trim()} (${user.id}): ${accounts}`;
}

/**
 * The login page: one radio button per fixture user (the first checked), Authorize and Deny, and
 * the one-time `consent` token the form must send back.
 */
export function renderLoginPage(
  app: MockApp,
  users: readonly MockUser[],
  params: URLSearchParams,
  formToken: string,
): string {
  const language = (params.get('l') ?? 'en').toLowerCase();
  const hidden = ['app_id', 'state', 'route', 'l', 'brand']
    .map((name) => {
      const value = params.get(name);
      return value === null
        ? ''
        : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
    })
    .join('');
  const choices = users
    .map(
      (user, index) =>
        `<label><input type="radio" name="user" value="${escapeHtml(user.id)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(describeUser(user))}</label>`,
    )
    .join('\n');
  const appName = app.name ?? `App ${app.appId}`;
  return page(
    language,
    `Log in to ${appName} - Deriv mock`,
    `<h1>Log in with Deriv (mock)</h1>
<p><strong>${escapeHtml(appName)}</strong> (app_id ${app.appId}) wants to access your Deriv accounts.</p>
<form method="post" action="/oauth2/authorize">${hidden}<input type="hidden" name="consent" value="${escapeHtml(formToken)}">
<fieldset><legend>Sign in as a test user</legend>
${choices}
</fieldset>
<button type="submit" name="decision" value="authorize">Authorize</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>
<p class="hint">Local test server: no password, tokens are issued for this app only.</p>`,
  );
}

/** A plain error page (unknown app id, unknown user, 404). */
export function renderErrorPage(title: string, message: string): string {
  return page(
    'en',
    title,
    `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>`,
  );
}
