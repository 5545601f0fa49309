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
  ])('refuses %j', (candidate) => {
    expect(validateReturnPath(candidate, { origin })).toBeUndefined();
  });

  it('refuses non-strings and an unusable origin', () => {
    expect(validateReturnPath(42 as unknown as string, { origin })).toBeUndefined();
    expect(validateReturnPath('/trade', { origin: 'not a url' })).toBeUndefined();
    expect(validateReturnPath('/trade', { origin: 'data:text/plain,x' })).toBeUndefined();
  });
});
