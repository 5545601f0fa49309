import { useLogin } from '@deriv-auth/react-hooks';
import { useState } from 'react';
import type { DemoConfig } from '../demoConfig';
import { useDemoFlow } from '../demoFlow';
import { ErrorNotice } from './ErrorNotice';

/** Props of {@link LoginButton}. */
export interface LoginButtonProps {
  readonly config: DemoConfig;
  /** Button text (default "Log in with Deriv"). */
  readonly label?: string;
  readonly large?: boolean;
}

/**
 * Starts the OAuth login: a one-time state is kept for this tab and the browser leaves for the
 * Deriv login page (`startLogin` from `@deriv-auth/login`).
 *
 * @param props - Demo settings and presentation.
 * @returns The button.
 */
export function LoginButton({
  config,
  label = 'Log in with Deriv',
  large = false,
}: LoginButtonProps) {
  const { newApi } = useDemoFlow();
  // One option switches the flow: `newApi` (OAuth 2.0 + PKCE) or the legacy app id.
  const { login } = useLogin(
    newApi
      ? { newApi }
      : {
          appId: config.appId,
          oauthUrl: config.oauthUrl,
          language: config.language,
          brand: config.brand,
        },
  );
  const [leaving, setLeaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  return (
    <>
      <button
        type="button"
        className={`button button-primary${large ? ' button-large' : ''}`}
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          const fail = (cause: unknown): void => {
            // Storage blocked, or no browser: stay here and say so.
            setLeaving(false);
            setError(cause);
          };
          try {
            // The New API's login() is a promise (its PKCE challenge is a Web Crypto digest).
            const pending = login();
            if (typeof pending !== 'string') pending.catch(fail);
          } catch (cause) {
            fail(cause);
          }
        }}
      >
        {leaving ? 'Opening Deriv…' : label}
      </button>
      {error === undefined ? null : <ErrorNotice error={error} />}
    </>
  );
}
