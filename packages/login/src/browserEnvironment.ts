import { DerivLoginError } from './derivLoginError.js';

/**
 * The few browser facilities the login glue uses, injectable so the same code runs in tests, in
 * Vue or vanilla apps, and never touches `window` on a server.
 *
 * @remarks
 * `storage` must be per tab (`sessionStorage`): a login started in one tab may only be completed
 * in that tab. `random` fills the bytes of the one-time state; `now` is a wall clock in ms.
 */
export interface BrowserEnvironment {
  /** Where the page is; only `href` is read, `assign` leaves for the login page. */
  readonly location: { readonly href: string; assign(url: string): void };
  /** Used to take the tokens out of the address bar and the history entry. */
  readonly history: {
    readonly state: unknown;
    replaceState(data: unknown, unused: string, url?: string | URL | null): void;
  };
  /** Per-tab storage for the one-time login state, or `undefined` when there is none. */
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;
  /** Fills `bytes` with cryptographically strong random values and returns it. */
  readonly random: (bytes: Uint8Array) => Uint8Array;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
}

/**
 * Options of {@link createBrowserEnvironment}: any facility to use instead of the platform's.
 * `undefined` means "use the platform's", except for `storage`, where a present `undefined` means
 * "no storage" (as in {@link BrowserEnvironment}).
 */
export type CreateBrowserEnvironmentOptions = {
  readonly [Key in keyof BrowserEnvironment]?: BrowserEnvironment[Key] | undefined;
};

function readSessionStorage(): BrowserEnvironment['storage'] {
  try {
    // Reading `sessionStorage` throws when storage is disabled (sandboxed iframes, some privacy modes).
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * Builds a {@link BrowserEnvironment} from the platform (`location`, `history`, `sessionStorage`,
 * `crypto.getRandomValues`, `Date.now`), with any part replaced by `overrides`.
 *
 * @remarks
 * Globals are read when this function is called, never when the module is imported, so importing
 * the package on a server is safe. Call it in an event handler or effect, not during a server render.
 *
 * @param overrides - Facilities to use instead of the platform's (tests, webviews, Vue apps).
 * @throws {@link DerivLoginError} `browser_unavailable` when `location` or `history` is missing and
 *   was not given (server, worker).
 * @example
 * ```ts
 * import { createBrowserEnvironment, startLogin } from '@deriv-auth/login';
 *
 * // In a click handler: the platform's facilities, with the wall clock of a test or a webview.
 * const environment = createBrowserEnvironment({ now: () => Date.now() });
 * startLogin({ appId: 1089, environment });
 * ```
 * @see https://developer.mozilla.org/docs/Web/API/Window/sessionStorage
 */
export function createBrowserEnvironment(
  overrides: CreateBrowserEnvironmentOptions = {},
): BrowserEnvironment {
  const location = overrides.location ?? (globalThis as { location?: Location }).location;
  const history = overrides.history ?? (globalThis as { history?: History }).history;
  if (!location || !history) {
    throw new DerivLoginError(
      'browser_unavailable',
      'No window.location/history (server?): pass an environment.',
    );
  }
  return {
    location,
    history,
    storage: 'storage' in overrides ? overrides.storage : readSessionStorage(),
    random: overrides.random ?? ((bytes) => globalThis.crypto.getRandomValues(bytes)),
    now: overrides.now ?? Date.now,
  };
}
