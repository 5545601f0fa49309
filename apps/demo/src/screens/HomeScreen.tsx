import { useSessionSnapshot } from '@deriv-auth/react-hooks';
import type { DemoConfig } from '../demoConfig';
import { AccountScreen } from './AccountScreen';
import { LandingScreen } from './LandingScreen';

/** Props of {@link HomeScreen}. */
export interface HomeScreenProps {
  readonly config: DemoConfig;
}

/**
 * `/`: the account view when signed in, the landing page otherwise. After a reload the session
 * resumes by itself: created with this tab's token storage (sessionStorage), it authorizes the
 * account that was active (ws-client's `resume`, on by default); the callback itself is never
 * processed twice.
 *
 * @param props - Settings.
 * @returns The screen for the session's state.
 */
export function HomeScreen({ config }: HomeScreenProps) {
  const snapshot = useSessionSnapshot();

  if (
    snapshot.authorize !== undefined &&
    (snapshot.status === 'authorized' || snapshot.status === 'authorizing')
  ) {
    return <AccountScreen authorize={snapshot.authorize} />;
  }
  if (snapshot.status === 'authorizing') {
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
