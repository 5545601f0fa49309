import { DerivProvider } from '@deriv-auth/react-hooks';
import {
  createDerivSession,
  createMemoryStorage,
  createSessionStorage,
} from '@deriv-auth/ws-client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readDemoConfig } from './demoConfig';
import { ServerModeHome } from './serverModeHome';
import { createServerModeSession, readServerModeConfig } from './serverModeSession';
import './styles.css';

const config = readDemoConfig(import.meta.env);

// The session lives outside React: one socket, one set of accounts, for the life of the tab.
// sessionStorage keeps the tokens of this tab, and which account was active, across reloads (never
// localStorage: other tabs and later visits do not get them).
// Server mode (`start.mjs --flow=server`): the demo's own server keeps the tokens.
const serverMode = readServerModeConfig(import.meta.env);
const server = serverMode && createServerModeSession(config, serverMode);

const session =
  server?.session ??
  createDerivSession({
    client: {
      appId: config.appId,
      endpoint: config.wsUrl,
      language: config.language,
      brand: config.brand,
      reconnect: { maxAttempts: 20, maxDelayMs: 10_000 },
    },
    storage: config.storage === 'session' ? createSessionStorage() : createMemoryStorage(),
  });

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <DerivProvider session={session}>
      <App config={config} home={server && <ServerModeHome backend={server.backend} />} />
    </DerivProvider>
  </StrictMode>,
);
