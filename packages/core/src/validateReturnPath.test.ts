import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateReturnPath } from './validateReturnPath.js';

const origin = 'https://app.example.com';

describe('validateReturnPath', () => {
  it.each([
    ['/', '/'],
    ['/trade', '/trade'],
    ['/trade?symbol=R_50#chart', '/trade?symbol=R_50#chart'],
    ['/a/../b', '/b'],
    ['/%2F%2Fevil.com', '/%2F%2Fevil.com'],
  ])('accepts %s', (candidate, expected) => {
    expect(validateReturnPath(candidate, { origin })).toBe(expected);
  });

  it.each([
    '//evil.com',
    '//evil.com/path',
    '/\\evil.com',
    '\\/evil.com',
    '/\\/evil.com',
    '/\t/evil.com',
    '/\n/evil.com',
    ' /trade',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,hi',
    'https://evil.com/',
    'https://app.example.com.evil.com/',
    'https://app.example.com/trade',
    'trade',
    '',
    '/trade with space',
    '/\u0000',
    // Issue 9.1: dot segments collapse into a protocol-relative path.
    '/.//evil.com',
    '/x/..//evil.com',
    '/x/../..//evil.com/path',
    '/%2e//evil.com',
    '/%2E%2E//evil.com',
  ])('refuses %j', (candidate) => {
    expect(validateReturnPath(candidate, { origin })).toBeUndefined();
  });

  it('refuses non-strings and an unusable origin', () => {
    expect(validateReturnPath(42 as unknown as string, { origin })).toBeUndefined();
    expect(validateReturnPath('/trade', { origin: 'not a url' })).toBeUndefined();
    expect(validateReturnPath('/trade', { origin: 'data:text/plain,x' })).toBeUndefined();
  });
});

// CI sets FC_NUM_RUNS=100000; FC_SEED replays a failure.
const numRuns = Number(process.env['FC_NUM_RUNS'] ?? 10_000);
const seed = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) };

describe('validateReturnPath: property', () => {
  // Path-shaped pieces that make the URL parser collapse, switch hosts or re-encode.
  const piece = fc.constantFrom(
    '/',
    '//',
    '.',
    '..',
    '%2e',
    '%2E',
    '%2f',
    '\\',
    '?',
    '#',
    'evil.com',
    '@',
    ':',
    'x',
    '%',
    '\t',
  );
  const candidate = fc.oneof(
    fc.string(),
    fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')),
    fc.array(piece, { maxLength: 12 }).map((pieces) => `/${pieces.join('')}`),
  );

  it('returns only a path that resolves on the origin, or undefined', () => {
    fc.assert(
      fc.property(candidate, (path) => {
        const returned = validateReturnPath(path, { origin });
        if (returned === undefined) return true;
        return (
          new URL(returned, origin).origin === origin &&
          returned.startsWith('/') &&
          !returned.startsWith('//')
        );
      }),
      { numRuns, ...seed },
    );
  }, 120_000);
});
