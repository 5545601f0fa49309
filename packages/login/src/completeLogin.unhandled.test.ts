import { afterEach, describe, expect, it, vi } from 'vitest';
import { completeLogin, type CompleteLoginOptions } from './completeLogin.js';
import { getLoginCallbackStore } from './loginCallbackStore.js';
import { createFakeBrowser } from './test/fakeBrowser.js';

const TOKEN = 'a1-forgedcallbacktoken0000000';
// A forged callback: no login was started in this tab, so it is refused with login_not_started.
const FORGED = `http://localhost:5173/redirect?acct1=CR799393&token1=${TOKEN}&cur1=usd`;

const newSession = (): CompleteLoginOptions['session'] => ({
  setAccounts: () => undefined,
  authorize: () =>
    Promise.resolve({ loginid: 'CR100', scopes: ['read'], balance: 0, currency: 'USD' }),
});

/** Resolves after the task in which completeLogin decides whether to report. */
const nextTask = () =>
  new Promise((resolve) => {
    setTimeout(resolve, 20);
  });

const consoleErrors = () => vi.spyOn(console, 'error').mockImplementation(() => undefined);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a login failure nobody handles does not vanish', () => {
  it('logs `void completeLogin(...)` failures once, with code and no token', async () => {
    const errors = consoleErrors();
    const browser = createFakeBrowser(FORGED);
    const session = newSession();
    void completeLogin({ session, environment: browser.environment });
    // A second call (StrictMode, another component) shares the run: still one report.
    void completeLogin({ session, environment: browser.environment });
    await nextTask();
    expect(errors).toHaveBeenCalledTimes(1);
    const line = errors.mock.calls.flat().map(String).join(' ');
    expect(line).toContain('login_not_started');
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain('a1-');
  });

  it.each([
    ['catch', (promise: Promise<unknown>) => promise.catch(() => undefined)],
    ['then with a rejection handler', (promise: Promise<unknown>) => promise.then(null, () => 0)],
    [
      'await in try/catch',
      async (promise: Promise<unknown>) => {
        try {
          await promise;
        } catch {
          // handled
        }
      },
    ],
  ])('stays quiet when the caller handles the promise (%s)', async (_name, handle) => {
    const errors = consoleErrors();
    const browser = createFakeBrowser(FORGED);
    await handle(completeLogin({ session: newSession(), environment: browser.environment }));
    await nextTask();
    expect(errors).not.toHaveBeenCalled();
  });

  it('stays quiet when the callback store has a subscriber (what useOAuthCallback does)', async () => {
    const errors = consoleErrors();
    const session = newSession();
    const stop = getLoginCallbackStore(session).subscribe(() => undefined);
    void completeLogin({ session, environment: createFakeBrowser(FORGED).environment });
    await nextTask();
    stop();
    expect(errors).not.toHaveBeenCalled();
  });

  it('reports nothing for a page that is not a callback, or a login that succeeds', async () => {
    const errors = consoleErrors();
    void completeLogin({
      session: newSession(),
      environment: createFakeBrowser('http://localhost:5173/').environment,
    });
    await nextTask();
    expect(errors).not.toHaveBeenCalled();
  });
});
