import { useOAuthCallback } from '@deriv-auth/react-hooks';
import { useEffect } from 'react';
import { ErrorNotice } from '../components/ErrorNotice';
import { LoginButton } from '../components/LoginButton';
import type { DemoConfig } from '../demoConfig';
import { useDemoFlow } from '../demoFlow';
import { navigate } from '../router';
import { useDocumentTitle } from '../useDocumentTitle';

/** Props of {@link CallbackScreen}. */
export interface CallbackScreenProps {
  readonly config: DemoConfig;
}

/**
 * `/redirect`: where Deriv sends the browser back with the tokens. `useOAuthCallback` takes them out
 * of the URL before the first paint, checks the one-time state, and authorizes the default account;
 * then the app moves on to `/` (replacing this history entry, so Back never returns here).
 *
 * @param props - Settings (which account is the default).
 * @returns The screen.
 */
export function CallbackScreen({ config }: CallbackScreenProps) {
  const { newApi } = useDemoFlow();
  const state = useOAuthCallback({ account: config.defaultAccount, newApi });
  useDocumentTitle(state.status === 'error' ? 'Login failed' : 'Signing in');

  useEffect(() => {
    if (state.status === 'success') navigate(state.returnTo ?? '/', { replace: true });
    if (state.status === 'none') navigate('/', { replace: true });
  }, [state]);

  if (state.status === 'error') {
    return (
      <ErrorNotice error={state.error}>
        <div className="actions">
          <LoginButton config={config} label="Log in again" />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              navigate('/', { replace: true });
            }}
          >
            Back to start
          </button>
        </div>
      </ErrorNotice>
    );
  }
  return (
    <section className="card centered" aria-busy="true" data-testid="callback">
      <div className="spinner" aria-hidden="true" />
      <h1>Signing you in…</h1>
      <p className="lead">Checking the answer from Deriv and authorizing your account.</p>
    </section>
  );
}
