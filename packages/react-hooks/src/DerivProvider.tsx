'use client';
import { createContext, useContext, type ReactNode } from 'react';
import type { DerivSession } from '@deriv-auth/ws-client';
import { DerivReactError } from './derivReactError.js';

const DerivContext = createContext<DerivSession | undefined>(undefined);
DerivContext.displayName = 'DerivContext';

/** Props of {@link DerivProvider}. */
export interface DerivProviderProps {
  /** The session, created once outside React (module scope or a `useState` initializer). */
  session: DerivSession;
  /** The tree that may call the session hooks. */
  children?: ReactNode;
}

/**
 * Makes a Deriv session available to the hooks below it.
 *
 * @remarks
 * The provider never creates, connects or closes the session: its life is the app's, so
 * StrictMode's simulated unmounts and a remounted tree cannot drop the socket or the login.
 *
 * @example
 * ```tsx
 * import type { ReactNode } from 'react';
 * import { createRoot } from 'react-dom/client';
 * import { createDerivSession, createSessionStorage } from '@deriv-auth/ws-client';
 * import { DerivProvider } from '@deriv-auth/react-hooks';
 *
 * declare function App(): ReactNode;
 *
 * const session = createDerivSession({ client: { appId: 1089 }, storage: createSessionStorage() });
 * createRoot(document.getElementById('root')!).render(
 *   <DerivProvider session={session}>
 *     <App />
 *   </DerivProvider>,
 * );
 * ```
 */
export function DerivProvider({ session, children }: DerivProviderProps): ReactNode {
  return <DerivContext.Provider value={session}>{children}</DerivContext.Provider>;
}

/**
 * Returns the session given to the nearest {@link DerivProvider}, for calls the other hooks do not
 * wrap (`session.send(...)`).
 *
 * @returns The session (stable across renders).
 * @throws {@link DerivReactError} `missing_provider` when no provider is above.
 * @example
 * ```tsx
 * import { useSession } from '@deriv-auth/react-hooks';
 *
 * export function BalanceButton() {
 *   const session = useSession();
 *   return <button onClick={() => void session.send({ balance: 1 }).then(console.log)}>Balance</button>;
 * }
 * ```
 */
export function useSession(): DerivSession {
  const session = useContext(DerivContext);
  if (!session) {
    throw new DerivReactError(
      'missing_provider',
      'Use Deriv hooks inside <DerivProvider session={...}>.',
    );
  }
  return session;
}
