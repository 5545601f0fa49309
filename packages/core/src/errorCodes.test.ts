import { describe, expect, it } from 'vitest';
import { KNOWN_DERIV_ERROR_CODES } from './derivErrorCode.js';
import { LOGIN_URL_ERROR_CODES } from './loginUrlError.js';
import { OAUTH_REDIRECT_ERROR_CODES } from './oAuthRedirectError.js';

// Every code core can throw belongs to exactly one class: a program that branches on `code` never
// meets one string with two meanings. (The constructors take only their class's codes, so a code
// thrown outside these arrays does not compile; this test covers the other half.) The same check
// across core, ws-client and login belongs to the lowest package that sees all three.
const CLASSES: Record<string, readonly string[]> = {
  OAuthRedirectError: OAUTH_REDIRECT_ERROR_CODES,
  LoginUrlError: LOGIN_URL_ERROR_CODES,
  DerivApiError: KNOWN_DERIV_ERROR_CODES,
};

describe('core error codes', () => {
  it.each(Object.entries(CLASSES))('lists each code of %s once', (_, codes) => {
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives no code to two classes', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const [name, codes] of Object.entries(CLASSES))
      for (const code of codes) {
        const first = owner.get(code);
        if (first) shared.push(`${code} (${first}, ${name})`);
        owner.set(code, name);
      }
    expect(shared).toStrictEqual([]);
  });
});
