import { DerivProvider } from '@deriv-auth/react-hooks';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readDemoConfig } from './demoConfig';
import { DemoFlowProvider, createDemoFlow, readFlow, type DemoFlowSetup } from './demoFlow';
import { ServerModeHome } from './serverModeHome';
import { createServerModeSession, readServerModeConfig } from './serverModeSession';
import './styles.css';

const config = readDemoConfig(import.meta.env);

// The session lives outside React: one socket, one set of accounts, for the life of the tab.
// sessionStorage keeps the tokens of this tab, and which account was active, across reloads (never
// localStorage: other tabs and later visits do not get them). The flow (legacy or New API) is one
// option of the session; see demoFlow.tsx. Server mode (`start.mjs --flow=server`): the demo's own
// server keeps the tokens and the page asks it for one-time socket URLs.
const serverMode = readServerModeConfig(import.meta.env);
const server = serverMode && createServerModeSession(config, serverMode);
const setup: DemoFlowSetup = server
  ? { flow: 'server', session: server.session }
  : createDemoFlow(config, readFlow(config));
const { session } = setup;

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <DerivProvider session={session}>
      <DemoFlowProvider setup={setup}>
        <App config={config} home={server && <ServerModeHome backend={server.backend} />} />
      </DemoFlowProvider>
    </DerivProvider>
  </StrictMode>,
);
