// The whole app: one module for the start page and the redirect page. `completeLogin` runs first,
// so the tokens leave the address bar before anything else; the page then follows the session's
// snapshot. No framework: the login's callback store and the session are plain
// `getSnapshot()` + `subscribe()` stores.
import { completeLogin, getLoginCallbackStore, startLogin } from '@deriv-auth/login';
import { createDerivSession, createSessionStorage } from '@deriv-auth/ws-client';

const APP_ID = 1089;
const setting = (name) =>
  document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') || undefined;
const oauthUrl = setting('deriv-oauth-url');
const endpoint = setting('deriv-endpoint');

const session = createDerivSession({
  client: { appId: APP_ID, endpoint },
  storage: createSessionStorage(), // survives a reload of this tab, nothing more
});
const callback = getLoginCallbackStore(session);
const completing = completeLogin({ session, account: 'virtual' });

const status = document.querySelector('#status');
const loginButton = document.querySelector('#login');
const logoutButton = document.querySelector('#logout');

function render() {
  const { status: sessionStatus, authorize, error } = session.getSnapshot();
  const login = callback.getSnapshot();
  if (login.status === 'error') status.textContent = `Login failed: ${login.error.code}`;
  else if (sessionStatus === 'authorized' && authorize)
    status.textContent = `Signed in as ${authorize.loginid} (${authorize.balance} ${authorize.currency})`;
  else if (sessionStatus === 'error' && error) status.textContent = `Signed out: ${error.code}`;
  else if (login.status === 'pending' || sessionStatus === 'authorizing')
    status.textContent = 'Signing you in…';
  else status.textContent = 'Signed out';
  const signedIn = sessionStatus === 'authorized';
  loginButton.hidden = signedIn;
  logoutButton.hidden = !signedIn;
}

session.subscribe(render);
callback.subscribe(render);
render();

loginButton.addEventListener('click', () => startLogin({ appId: APP_ID, oauthUrl, returnTo: '/' }));
logoutButton.addEventListener('click', () => void session.logout());

completing.then(
  (result) => {
    if (result.handled && result.returnTo) history.replaceState(null, '', result.returnTo);
  },
  () => {}, // shown by render() through the callback store
);
