import { useSessionActions, useSessionSnapshot } from '@deriv-auth/react-hooks';
import type { AuthServerBackend } from '@deriv-auth/ws-client';
import { useEffect, useState } from 'react';
import { ErrorNotice } from './components/ErrorNotice';
import { AccountScreen } from './screens/AccountScreen';
import { useDocumentTitle } from './useDocumentTitle';

/** Why the server's callback sent the user back, in words (`?auth_error=` is the server's code). */
const AUTH_ERRORS: Readonly<Record<string, string>> = {
  access_denied: 'You cancelled the login at Deriv.',
  login_expired: 'That login link was already used or has expired. Log in again.',
  login_failed: 'Deriv did not confirm the login. Log in again.',
};

/** What `?auth_error=` says, in words (read only: render may run this twice). */
function readAuthError(): string | undefined {
  const code = new URL(window.location.href).searchParams.get('auth_error');
  if (code === null) return undefined;
  return AUTH_ERRORS[code] ?? 'The login did not complete. Log in again.';
}

/** Drops `?auth_error=` from the address bar, once it has been read. */
function dropAuthError(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('auth_error')) return;
  url.searchParams.delete('auth_error');
  window.history.replaceState(null, '', url.pathname + url.search);
}

/** Props of {@link ServerModeHome}. */
export interface ServerModeHomeProps {
  readonly backend: AuthServerBackend;
}

/**
 * `/` in server mode: asks the server whether this browser is signed in (`GET /auth/session`),
 * and if so authorizes the first account; the rest is the ordinary account view. Logging in is a
 * plain link to the server's login route: the server talks to Deriv, not the page.
 *
 * @param props - The backend of the session.
 * @returns The screen.
 */
export function ServerModeHome({ backend }: ServerModeHomeProps) {
  const snapshot = useSessionSnapshot();
  const { authorize } = useSessionActions();
  const [checking, setChecking] = useState(true);
  const [authError] = useState(readAuthError);
  const [problem, setProblem] = useState<unknown>(undefined);

  useEffect(dropAuthError, []);

  useEffect(() => {
    const controller = new AbortController();
    backend.readSession(controller.signal).then(
      (session) => {
        if (controller.signal.aborted) return;
        if (session.signedIn) authorize().catch(() => undefined); // failures show in the snapshot
        setChecking(false);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setProblem(error);
        setChecking(false);
      },
    );
    return () => {
      controller.abort();
    };
  }, [backend, authorize]);

  const authorized =
    snapshot.status === 'authorized' || snapshot.status === 'authorizing'
      ? snapshot.authorize
      : undefined;
  useDocumentTitle(authorized === undefined ? 'Log in' : 'Signed in');
  const authErrorNotice =
    authError === undefined ? null : (
      <section className="notice notice-error" role="alert" data-testid="auth-error">
        <h2>Login failed</h2>
        <p>{authError}</p>
      </section>
    );
  if (authorized !== undefined)
    return (
      <>
        {authErrorNotice}
        <AccountScreen authorize={authorized} />
      </>
    );
  if (checking || snapshot.status === 'authorizing')
    return (
      <section className="card centered" aria-busy="true" data-testid="authorizing">
        <div className="spinner" aria-hidden="true" />
        <h1>Authorizing…</h1>
        <p className="lead">Asking the demo’s server for a one-time connection to Deriv.</p>
      </section>
    );
  const error = snapshot.status === 'error' ? snapshot.error : problem;
  return (
    <>
      {authErrorNotice}
      {error === undefined ? null : <ErrorNotice error={error} />}
      <section className="card hero" aria-labelledby="landing-title" data-testid="landing">
        <h1 id="landing-title">Sign in with your Deriv account</h1>
        <p className="lead">
          Server mode: the demo’s own server signs you in with Deriv and keeps the tokens. This page
          only gets a cookie it cannot read and, for each connection, a one-time socket address.
        </p>
        <a className="button button-primary button-large" href={backend.loginUrl('/')}>
          Log in with Deriv
        </a>
      </section>
    </>
  );
}
