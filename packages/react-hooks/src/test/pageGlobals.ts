/**
 * A happy-dom page for a test that stays in Node's environment: the window's globals that Node
 * lacks (`document`, `window`, `HTMLElement`, ...) are added; Node's own (`fetch`, `Request`,
 * `Headers`, `Event`, `AbortController`, ...) stay, so a server running in the same process works.
 */
import { Window } from 'happy-dom';

const page = new Window({ url: 'http://localhost/' });
const target = globalThis as unknown as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(page)) {
  if (key in globalThis) continue;
  target[key] = (page as unknown as Record<string, unknown>)[key];
}
target['window'] = page;
// React's act() environment flag, as the happy-dom environment sets it.
target['IS_REACT_ACT_ENVIRONMENT'] = true;
