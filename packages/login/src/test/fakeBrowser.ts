import { randomFillSync } from 'node:crypto';
import type { BrowserEnvironment } from '../browserEnvironment.js';

/** A browser environment held in memory: what tests read back about navigation and storage. */
export interface FakeBrowser {
  readonly environment: BrowserEnvironment;
  /** Every URL `location.assign` was asked to open. */
  readonly assigned: string[];
  /** Every URL `history.replaceState` wrote, in order. */
  readonly replaced: string[];
  readonly storage: Map<string, string>;
  /** The page's URL now. */
  href(): string;
  /** Simulates arriving on `url` (a redirect, a reload). */
  visit(url: string): void;
  /** Moves the wall clock. */
  advance(ms: number): void;
}

/** Builds a {@link FakeBrowser} on `href`; `storage: false` simulates disabled storage. */
export function createFakeBrowser(href: string, options: { storage?: boolean } = {}): FakeBrowser {
  let current = href;
  let now = 1_700_000_000_000;
  const assigned: string[] = [];
  const replaced: string[] = [];
  const storage = new Map<string, string>();
  const environment: BrowserEnvironment = {
    location: {
      get href() {
        return current;
      },
      assign(url: string) {
        assigned.push(url);
      },
    },
    history: {
      state: null,
      replaceState(_data: unknown, _unused: string, url?: string | URL | null) {
        current = new URL(String(url ?? current), current).href;
        replaced.push(current);
      },
    },
    storage:
      options.storage === false
        ? undefined
        : {
            getItem: (key) => storage.get(key) ?? null,
            setItem: (key, value) => {
              storage.set(key, value);
            },
            removeItem: (key) => {
              storage.delete(key);
            },
          },
    random: (bytes) => randomFillSync(bytes),
    now: () => now,
  };
  return {
    environment,
    assigned,
    replaced,
    storage,
    href: () => current,
    visit(url) {
      current = url;
    },
    advance(ms) {
      now += ms;
    },
  };
}
