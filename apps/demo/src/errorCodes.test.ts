import {
  KNOWN_DERIV_ERROR_CODES,
  LOGIN_URL_ERROR_CODES,
  OAUTH_REDIRECT_ERROR_CODES,
} from '@deriv-auth/core';
import { DERIV_LOGIN_ERROR_CODES } from '@deriv-auth/login';
import { DERIV_REACT_ERROR_CODES } from '@deriv-auth/react-hooks';
import { DERIV_SERVER_ERROR_CODES } from '@deriv-auth/server';
import {
  DERIV_CONNECTION_ERROR_CODES,
  DERIV_REST_ERROR_CODES,
  DERIV_SESSION_ERROR_CODES,
} from '@deriv-auth/ws-client';
import { describe, expect, it } from 'vitest';

// Every code the SDK can throw belongs to exactly one class, across every package: an app that
// branches on `error.code` never meets one string with two meanings. The demo sees every layer, so
// the check lives here (each package checks its own classes beside their code).
const CLASSES: Record<string, readonly string[]> = {
  OAuthRedirectError: OAUTH_REDIRECT_ERROR_CODES,
  LoginUrlError: LOGIN_URL_ERROR_CODES,
  DerivApiError: KNOWN_DERIV_ERROR_CODES,
  DerivConnectionError: DERIV_CONNECTION_ERROR_CODES,
  DerivSessionError: DERIV_SESSION_ERROR_CODES,
  DerivRestError: DERIV_REST_ERROR_CODES,
  DerivLoginError: DERIV_LOGIN_ERROR_CODES,
  DerivReactError: DERIV_REACT_ERROR_CODES,
  DerivServerError: DERIV_SERVER_ERROR_CODES,
};

describe('error codes across the SDK', () => {
  it('gives no code to two classes', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const [name, codes] of Object.entries(CLASSES))
      for (const code of codes) {
        const first = owner.get(code);
        if (first !== undefined && first !== name) shared.push(`${code} (${first}, ${name})`);
        owner.set(code, name);
      }
    expect(shared).toStrictEqual([]);
  });
});
