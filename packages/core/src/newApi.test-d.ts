import { describe, expectTypeOf, it } from 'vitest';
import {
  buildAuthorizationUrl,
  createCodeChallenge,
  createCodeVerifier,
  parseAuthorizationCallback,
  skipStateCheck,
  type AuthorizationCallback,
  type OAuthRedirectError,
  type NewApiScope,
  type TokenResponse,
} from './index.js';
import {
  AccountListResponseSchema,
  RestErrorEnvelopeSchema,
  TokenResponseSchema,
} from './schemasEntry.js';
import type * as z from 'zod/mini';

describe('New API public signatures', () => {
  it('types PKCE as string in, Promise<string> out', () => {
    expectTypeOf(createCodeVerifier).returns.toEqualTypeOf<string>();
    expectTypeOf(createCodeChallenge).returns.toEqualTypeOf<Promise<string>>();
  });

  it('requires expectedState: a string or the skipStateCheck symbol, nothing else', () => {
    expectTypeOf(parseAuthorizationCallback).returns.toEqualTypeOf<AuthorizationCallback>();
    parseAuthorizationCallback('?code=x&state=s', { expectedState: 's' });
    parseAuthorizationCallback('?code=x', { expectedState: skipStateCheck });
    // @ts-expect-error expectedState is required
    parseAuthorizationCallback('?code=x', {});
    // @ts-expect-error a missing state from storage is not a state
    parseAuthorizationCallback('?code=x', { expectedState: null });
    // @ts-expect-error another symbol does not skip the check
    parseAuthorizationCallback('?code=x', { expectedState: Symbol('skip') });
  });

  it('types scopes as the four New API scopes only', () => {
    expectTypeOf<NewApiScope>().toEqualTypeOf<
      'trade' | 'payment' | 'account_manage' | 'application_read'
    >();
    const base = { clientId: 'a', redirectUri: 'https://a/cb', state: 's', codeChallenge: 'c' };
    buildAuthorizationUrl({ ...base, scopes: ['trade', 'application_read'] });
    // @ts-expect-error legacy scopes are not New API scopes
    buildAuthorizationUrl({ ...base, scopes: ['read'] });
    // @ts-expect-error prompt takes registration only
    buildAuthorizationUrl({ ...base, scopes: ['trade'], prompt: 'login' });
  });

  it('infers normalised schema outputs', () => {
    expectTypeOf<TokenResponse['token_type']>().toEqualTypeOf<'bearer'>();
    expectTypeOf<TokenResponse['expires_in']>().toEqualTypeOf<number | undefined>();
    type Account = z.infer<typeof AccountListResponseSchema>['data'][number];
    expectTypeOf<Account['balance']>().toEqualTypeOf<number>();
    expectTypeOf<Account['account_type']>().toEqualTypeOf<'demo' | 'real'>();
    expectTypeOf<
      z.input<typeof AccountListResponseSchema>['data'][number]['balance']
    >().toEqualTypeOf<number | string>();
    type Envelope = z.infer<typeof RestErrorEnvelopeSchema>;
    expectTypeOf<Envelope['errors'][0]['status']>().toEqualTypeOf<number>();
    expectTypeOf<z.infer<typeof TokenResponseSchema>>().toEqualTypeOf<TokenResponse>();
  });

  it('reports a refused callback with the same error class and codes as the legacy redirect', () => {
    expectTypeOf<
      | 'invalid_input'
      | 'invalid_expected_state'
      | 'input_too_long'
      | 'malformed_encoding'
      | 'duplicate_parameter'
      | 'invalid_parameter'
      | 'state_missing'
      | 'state_mismatch'
      | 'provider_error'
      | 'missing_code'
    >().toExtend<OAuthRedirectError['code']>();
  });
});
