import { createNewApiLogin, type NewApiLogin } from '@deriv-auth/login';
import {
  createDerivSession,
  createMemoryStorage,
  createSessionStorage,
  type DerivSession,
} from '@deriv-auth/ws-client';
import { createContext, useContext, type ReactNode } from 'react';
import type { DemoConfig, DemoFlow } from './demoConfig';

/** Where the login screen's flow choice is kept for this tab (it must survive the redirect). */
const FLOW_KEY = 'deriv-demo:flow';

/** The flow this tab runs: the login screen's choice, else `VITE_DERIV_FLOW`. */
export function readFlow(config: DemoConfig): DemoFlow {
  let chosen: string | null = null;
  try {
    chosen = sessionStorage.getItem(FLOW_KEY);
  } catch {
    // No storage: the configured flow.
  }
  if (chosen === 'legacy') return 'legacy';
  if (chosen === 'newApi' && config.newApi !== undefined) return 'newApi';
  return config.flow;
}

/**
 * Switches the tab to `flow`: the session is made for one flow, so the page reloads with a new
 * one (signed out: the other flow's tokens are no use to it).
 */
export function chooseFlow(flow: DemoFlow): void {
  sessionStorage.setItem(FLOW_KEY, flow);
  location.reload();
}

/** What the demo runs on: the session and, for the New API, its login. */
export interface DemoFlowSetup {
  /** `server`: the demo's own server holds the tokens (`start.mjs --flow=server`). */
  readonly flow: DemoFlow | 'server';
  readonly session: DerivSession;
  /** The New API login (`createNewApiLogin`), for `useLogin`/`useOAuthCallback`'s `newApi`. */
  readonly newApi?: NewApiLogin;
}

/**
 * Creates the session of `flow`. The two differ in one option, `newApi`: the rest of the demo
 * (snapshot, switch, logout, hooks) is the same code.
 */
export function createDemoFlow(config: DemoConfig, flow: DemoFlow): DemoFlowSetup {
  const storage = config.storage === 'session' ? createSessionStorage() : createMemoryStorage();
  const reconnect = { maxAttempts: 20, maxDelayMs: 10_000 };
  if (flow === 'newApi' && config.newApi !== undefined) {
    const newApi = createNewApiLogin({
      clientId: config.newApi.clientId,
      redirectUri: `${location.origin}/redirect`,
      authorizationUrl: config.newApi.authorizationUrl,
      tokenUrl: config.newApi.tokenUrl,
      tokenStorage: config.storage,
    });
    const session = createDerivSession({
      // The client's own endpoint is the public socket; accounts open from one-time URLs.
      client: { appId: config.appId, endpoint: config.newApi.publicWsUrl, reconnect },
      // Its own key: a legacy session's accounts (with tokens) are not a New API session's.
      storage:
        config.storage === 'session'
          ? createSessionStorage(undefined, { key: 'deriv-auth:new-api-accounts' })
          : storage,
      newApi: { tokens: newApi.tokens, restUrl: config.newApi.restUrl },
    });
    return { flow, session, newApi };
  }
  const session = createDerivSession({
    client: {
      appId: config.appId,
      endpoint: config.wsUrl,
      language: config.language,
      brand: config.brand,
      reconnect,
    },
    storage,
  });
  return { flow: 'legacy', session };
}

const FlowContext = createContext<Omit<DemoFlowSetup, 'session'>>({ flow: 'legacy' });

/** Gives the screens the flow and its login. */
export function DemoFlowProvider({
  setup,
  children,
}: {
  readonly setup: DemoFlowSetup;
  readonly children: ReactNode;
}) {
  return <FlowContext.Provider value={setup}>{children}</FlowContext.Provider>;
}

/** The flow of this tab and, for the New API, its login. */
export function useDemoFlow(): Omit<DemoFlowSetup, 'session'> {
  return useContext(FlowContext);
}
