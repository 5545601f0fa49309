import type { ReactNode } from 'react';
import type { DemoConfig } from './demoConfig';
import { ConnectionIndicator } from './components/ConnectionIndicator';
import { usePathname } from './router';
import { CallbackScreen } from './screens/CallbackScreen';
import { HomeScreen } from './screens/HomeScreen';

/** The path Deriv redirects to; register `<origin>/redirect` as the app's redirect URL. */
export const CALLBACK_PATH = '/redirect';

const isLocal = (url: string): boolean =>
  ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);

/** Props of {@link App}. */
export interface AppProps {
  readonly config: DemoConfig;
  /** Replaces the routed screens (server mode's own home, see `serverModeHome.tsx`). */
  readonly home?: ReactNode;
}

/**
 * The whole demo: header with the live connection state, then the screen for the current path.
 *
 * @param props - Settings from the environment.
 * @returns The app.
 */
export function App({ config, home }: AppProps) {
  const pathname = usePathname();
  const server = isLocal(config.wsUrl) ? 'Mock server' : new URL(config.wsUrl).host;
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">
          <img className="brand-mark" src="/favicon.svg" alt="" width="28" height="28" />
          Deriv login demo
        </span>
        <span className="header-meta">
          <span>
            {server} · app {config.appId}
          </span>
          <ConnectionIndicator />
        </span>
      </header>
      <main id="main">
        {home ??
          (pathname === CALLBACK_PATH ? (
            <CallbackScreen config={config} />
          ) : (
            <HomeScreen config={config} />
          ))}
      </main>
      <footer className="footer">
        Built with <code>@deriv-auth/core</code>, <code>@deriv-auth/ws-client</code>,{' '}
        <code>@deriv-auth/login</code> and <code>@deriv-auth/react-hooks</code>.
      </footer>
    </>
  );
}
