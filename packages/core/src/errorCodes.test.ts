import { describe, expect, it } from 'vitest';
import { KNOWN_DERIV_ERROR_CODES } from './derivErrorCode.js';
import { LOGIN_URL_ERROR_CODES } from './loginUrlError.js';
import { OAUTH_REDIRECT_ERROR_CODES } from './oAuthRedirectError.js';

// Each class lists each of its codes once. (The constructors take only their class's codes, so a
// code thrown outside these arrays does not compile.) That no code belongs to two classes, across
// every package, is checked where every layer is visible: apps/demo/src/errorCodes.test.ts.
const CLASSES: Record<string, readonly string[]> = {
  OAuthRedirectError: OAUTH_REDIRECT_ERROR_CODES,
  LoginUrlError: LOGIN_URL_ERROR_CODES,
  DerivApiError: KNOWN_DERIV_ERROR_CODES,
};

describe('core error codes', () => {
  it.each(Object.entries(CLASSES))('lists each code of %s once', (_, codes) => {
    expect(new Set(codes).size).toBe(codes.length);
  });
});
