import type { NewApiLogin, NewApiLoginInternals } from '../newApiTypes.js';

const internals = new WeakMap<NewApiLogin, NewApiLoginInternals>();

/** @internal The configuration behind `login`; a `TypeError` for an object not made by `createNewApiLogin`. */
export function internalsOf(login: NewApiLogin): NewApiLoginInternals {
  const found = internals.get(login);
  if (!found) throw new TypeError('`newApi` must be a login made by createNewApiLogin.');
  return found;
}

/** @internal Makes `login` usable with `startLogin`/`completeLogin`. */
export function registerNewApiLogin(login: NewApiLogin, internal: NewApiLoginInternals): void {
  internals.set(login, internal);
}
