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

/** What the consent page shows and posts back. */
export interface ConsentPageOptions {
  /** `lang` of the page. */
  readonly language: string;
  /** The app's name and how it is identified (`app_id 1089`, `client mockClient1089`). */
  readonly appName: string;
  readonly appIdentity: string;
  /** Where the form posts (`/oauth2/authorize` or `/oauth2/auth`). */
  readonly action: string;
  /** Request parameters carried through the form as hidden fields. */
  readonly hidden: readonly (readonly [name: string, value: string])[];
  readonly users: readonly MockUser[];
  readonly formToken: string;
}

/**
 * The consent page of both flows: one radio button per fixture user (the first checked),
 * Authorize and Deny, and the one-time `consent` token the form must send back.
 */
export function renderConsentPage(options: ConsentPageOptions): string {
  const hidden = options.hidden
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
  const choices = options.users
    .map(
      (user, index) =>
        `<label><input type="radio" name="user" value="${escapeHtml(user.id)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(describeUser(user))}</label>`,
    )
    .join('\n');
  return page(
    options.language,
    `Log in to ${options.appName} - Deriv mock`,
    `<h1>Log in with Deriv (mock)</h1>
<p><strong>${escapeHtml(options.appName)}</strong> (${escapeHtml(options.appIdentity)}) wants to access your Deriv accounts.</p>
<form method="post" action="${escapeHtml(options.action)}">${hidden}<input type="hidden" name="consent" value="${escapeHtml(options.formToken)}">
<fieldset><legend>Sign in as a test user</legend>
${choices}
</fieldset>
<button type="submit" name="decision" value="authorize">Authorize</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>
<p class="hint">Local test server: no password, tokens are issued for this app only.</p>`,
  );
}

/** The legacy login page (`/oauth2/authorize`): the consent page with the legacy parameters. */
export function renderLoginPage(
  app: MockApp,
  users: readonly MockUser[],
  params: URLSearchParams,
  formToken: string,
): string {
  const hidden = ['app_id', 'state', 'route', 'l', 'brand'].flatMap((name) => {
    const value = params.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  return renderConsentPage({
    language: (params.get('l') ?? 'en').toLowerCase(),
    appName: app.name ?? `App ${app.appId}`,
    appIdentity: `app_id ${app.appId}`,
    action: '/oauth2/authorize',
    hidden,
    users,
    formToken,
  });
}

/** A plain error page (unknown app id, unknown user, 404). */
export function renderErrorPage(title: string, message: string): string {
  return page(
    'en',
    title,
    `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>`,
  );
}
