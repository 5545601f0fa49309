import { LoginButton } from '../components/LoginButton';
import { ErrorNotice } from '../components/ErrorNotice';
import { FlowChoice } from '../components/FlowChoice';
import type { DemoConfig } from '../demoConfig';
import { useDocumentTitle } from '../useDocumentTitle';

/** Props of {@link LandingScreen}. */
export interface LandingScreenProps {
  readonly config: DemoConfig;
  /** Why the user is back here (a refused login, a revoked session), if anything went wrong. */
  readonly error?: unknown;
}

/**
 * The signed-out view: what the demo does and the login button.
 *
 * @param props - Settings and the error to explain, if any.
 * @returns The screen.
 */
export function LandingScreen({ config, error }: LandingScreenProps) {
  useDocumentTitle(error === undefined ? 'Log in' : 'Login failed');
  return (
    <>
      {error === undefined ? null : <ErrorNotice error={error} />}
      <section className="card hero" aria-labelledby="landing-title" data-testid="landing">
        <h1 id="landing-title">Sign in with your Deriv account</h1>
        <p className="lead">
          You will be sent to Deriv to log in and approve this app. Deriv sends you back with a
          session token per account; the app removes them from the address bar at once and
          authorizes a WebSocket connection with the default account.
        </p>
        <FlowChoice config={config} />
        <LoginButton config={config} large />
      </section>
    </>
  );
}
