'use client';
import { createContext, useContext, type ReactNode } from 'react';
import { DerivAuthError } from '@deriv-auth/core';
import type { DerivSession } from '@deriv-auth/ws-client';

const DerivContext = createContext<DerivSession | undefined>(undefined);
DerivContext.displayName = 'DerivContext';

/** Props of {@link DerivProvider}. */
export interface DerivProviderProps {
  /** The session, created once outside React (module scope or a `useState` initializer). */
  session: DerivSession;
  /** The tree that may call the `useDeriv*` hooks. */
  children?: ReactNode;
}

/**
 * Makes a Deriv session available to the hooks below it.
 *
 * @remarks
 * The provider never creates, connects or closes the session: its life is the app's, so
 * StrictMode's simulated unmounts and a remounted tree cannot drop the socket or the login.
 *
 * @param props - `session` and `children`.
 * @returns The children, with the session in context.
 * @throws Never.
 * @example
 * ```tsx
 * const session = createDerivSession({ client: { appId: 1089 }, storage: createSessionStorage() })
 * createRoot(root).render(<DerivProvider session={session}><App /></DerivProvider>)
 * ```
 * @see {@link useDerivSession}
 */
export function DerivProvider({ session, children }: DerivProviderProps): ReactNode {
  return <DerivContext.Provider value={session}>{children}</DerivContext.Provider>;
}

/**
 * Returns the session given to the nearest {@link DerivProvider}, for calls the other hooks do not
 * wrap (`session.send(...)`).
 *
 * @returns The session instance (stable across renders).
 * @throws {@link @deriv-auth/core!DerivAuthError} `missing_provider` when no provider is above.
 * @example
 * ```tsx
 * const session = useDerivSessionInstance()
 * const onClick = () => session.send({ balance: 1 })
 * ```
 * @see {@link DerivProvider}
 */
export function useDerivSessionInstance(): DerivSession {
  const session = useContext(DerivContext);
  if (!session) {
    throw new DerivAuthError(
      'missing_provider',
      'Use Deriv hooks inside <DerivProvider session={...}>.',
    );
  }
  return session;
}
