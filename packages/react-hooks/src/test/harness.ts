// The login package's mock-server harness, shared rather than copied, plus what only the React
// tests need.
export {
  NodeWebSocket,
  createTestSession,
  followLogin,
  startServer,
  visit,
} from '../../../login/src/test/harness.js';

/** Counts live Node timers (setTimeout/setInterval handles) right now. */
export function liveTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}
