import { DerivConnectionError } from '../derivConnectionError.js';

/** The longest delay `setTimeout` honours; a longer one (even `2 ** 31`) fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Checks a duration option: a positive number of milliseconds. `Infinity` and anything above
 * {@link MAX_TIMER_MS} (about 24.8 days) are clamped to it, meaning "no practical limit"; `NaN`,
 * zero, negative numbers and non-numbers are refused, because a timer given one fires at once.
 *
 * @param name - the option's name, for the message.
 * @param value - the value given.
 * @returns the duration to use.
 * @throws {DerivConnectionError} `invalid_setting` for a value that is not a positive number.
 */
export function checkTimeout(name: string, value: unknown): number {
  const checked = timeoutOrError(name, value);
  if (typeof checked !== 'number') throw checked;
  return checked;
}

/** {@link checkTimeout} returning the error instead of throwing it (for a call's rejection). */
export function timeoutOrError(name: string, value: unknown): number | DerivConnectionError {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0)
    return new DerivConnectionError(
      'invalid_setting',
      `\`${name}\` must be a positive number of milliseconds (got ${describe(value)}).`,
      { details: { option: name } },
    );
  return Math.min(value, MAX_TIMER_MS);
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return typeof value;
}
