import { useSessionActions, useSessionSnapshot } from '@deriv-auth/react-hooks';
import { useEffect } from 'react';
import type { DemoConfig } from '../demoConfig';
import { AccountScreen } from './AccountScreen';
import { LandingScreen } from './LandingScreen';

/** Props of {@link HomeScreen}. */
export interface HomeScreenProps {
  readonly config: DemoConfig;
}

/**
 * `/`: the account view when signed in, the landing page otherwise. After a reload the session
 * still holds this tab's accounts (sessionStorage), so the active one is authorized again here
(`authorize()` without an account resumes the one the token storage remembers);
 * the callback itself is never processed twice.
 *
 * @param props - Settings.
 * @returns The screen for the session's state.
 */
export function HomeScreen({ config }: HomeScreenProps) {
  const snapshot = useSessionSnapshot();
  const { authorize } = useSessionActions();
  const needsAuthorize = snapshot.status === 'signed_out' && snapshot.accounts.length > 0;

  useEffect(() => {
    // Failures land in the snapshot (`status: 'error'`), shown below.
    if (needsAuthorize) authorize(snapshot.activeAccount).catch(() => undefined);
  }, [needsAuthorize, authorize, snapshot.activeAccount]);

  if (
    snapshot.authorize !== undefined &&
    (snapshot.status === 'authorized' || snapshot.status === 'authorizing')
  ) {
    return <AccountScreen authorize={snapshot.authorize} />;
  }
  if (snapshot.status === 'authorizing' || needsAuthorize) {
    return (
      <section className="card centered" aria-busy="true" data-testid="authorizing">
        <div className="spinner" aria-hidden="true" />
        <h1>Authorizing…</h1>
        <p className="lead">Opening a connection to Deriv with your session token.</p>
      </section>
    );
  }
  return (
    <LandingScreen
      config={config}
      error={snapshot.status === 'error' ? snapshot.error : undefined}
    />
  );
}
