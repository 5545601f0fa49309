import { webcrypto } from 'node:crypto';
import { describe, expectTypeOf, it } from 'vitest';
import {
  buildOAuthUrl,
  CALL_REQUIREMENTS,
  createDerivApiError,
  createOAuthState,
  DerivApiError,
  DerivAuthError,
  isCallAllowed,
  isDerivApiError,
  isOAuthRedirectError,
  LOGIN_URL_ERROR_CODES,
  LoginUrlError,
  OAUTH_REDIRECT_ERROR_CODES,
  OAuthRedirectError,
  parseOAuthRedirect,
  redactSecrets,
  safeParseOAuthRedirect,
  skipStateCheck,
  validateReturnPath,
  type Authorize,
  type AuthorizeResponse,
  type DerivAccount,
  type DerivErrorCode,
  KNOWN_DERIV_ERROR_CODES,
  type DerivScope,
  type OAuthRedirect,
  type OAuthRedirectErrorCode,
} from './index.js';
import * as calls from './callsEntry.js';
import {
  ErrorResponseSchema,
  type AuthorizeResponse as SchemasAuthorizeResponse,
} from './schemasEntry.js';

describe('public signatures (CONTRACT.md)', () => {
  it('parses redirects into typed accounts', () => {
    expectTypeOf(parseOAuthRedirect).parameter(0).toEqualTypeOf<string | URL | URLSearchParams>();
    expectTypeOf(parseOAuthRedirect).returns.toEqualTypeOf<OAuthRedirect>();
    expectTypeOf<DerivAccount>().toEqualTypeOf<{
      account: string;
      token: string;
      currency: string;
    }>();
    expectTypeOf<OAuthRedirect['state']>().toEqualTypeOf<string | undefined>();
    const result = safeParseOAuthRedirect('', { expectedState: skipStateCheck });
    // @ts-expect-error -- the state check is on by default: omitting expectedState is an error
    parseOAuthRedirect('');
    // @ts-expect-error -- so is an options object without it
    safeParseOAuthRedirect('', { maxLength: 1 });
    // @ts-expect-error -- and an undefined one
    parseOAuthRedirect('', { expectedState: undefined });
    if (result.success) expectTypeOf(result.data).toEqualTypeOf<OAuthRedirect>();
    else expectTypeOf(result.error).toEqualTypeOf<OAuthRedirectError>();
  });

  it('types error codes and narrows with the guards', () => {
    // @ts-expect-error only typed classes create errors: the base class is abstract
    new DerivAuthError('anything', 'x');
    expectTypeOf<LoginUrlError['code']>().toEqualTypeOf<(typeof LOGIN_URL_ERROR_CODES)[number]>();
    expectTypeOf<OAuthRedirectErrorCode>().toEqualTypeOf<
      (typeof OAUTH_REDIRECT_ERROR_CODES)[number]
    >();
    expectTypeOf<'no_accounts' | 'missing_code'>().toExtend<OAuthRedirectErrorCode>();
    expectTypeOf<OAuthRedirectError['code']>().toEqualTypeOf<OAuthRedirectErrorCode>();
    expectTypeOf<'provider_error'>().toExtend<OAuthRedirectErrorCode>();
    expectTypeOf<OAuthRedirectError>().toExtend<DerivAuthError>();
    expectTypeOf<DerivApiError>().toExtend<DerivAuthError>();
    expectTypeOf<DerivApiError['code']>().toEqualTypeOf<DerivErrorCode>();
    expectTypeOf<'InvalidToken'>().toExtend<DerivErrorCode>();
    expectTypeOf<'SomethingNew'>().toExtend<DerivErrorCode>();
    expectTypeOf<(typeof KNOWN_DERIV_ERROR_CODES)[number]>().toExtend<DerivErrorCode>();
    const caught: unknown = undefined;
    if (isOAuthRedirectError(caught))
      expectTypeOf(caught.providerError).toEqualTypeOf<string | undefined>();
    if (isDerivApiError(caught)) expectTypeOf(caught.reqId).toEqualTypeOf<number | undefined>();
    expectTypeOf(createDerivApiError).returns.toEqualTypeOf<DerivApiError>();
  });

  it('builds URLs and states as strings', () => {
    expectTypeOf(buildOAuthUrl).returns.toBeString();
    expectTypeOf(createOAuthState)
      .parameter(0)
      .toEqualTypeOf<(bytes: Uint8Array<ArrayBuffer>) => ArrayBufferView>();
    // The README's example, with the DOM's and Node's crypto (issue 16.5; TypeScript 7 checked too).
    createOAuthState((bytes) => crypto.getRandomValues(bytes));
    createOAuthState((bytes) => webcrypto.getRandomValues(bytes));
    expectTypeOf(validateReturnPath).returns.toEqualTypeOf<string | undefined>();
    // @ts-expect-error appId is required
    buildOAuthUrl({});
  });

  it('takes undefined for every optional option (exactOptionalPropertyTypes, issue 16.6)', () => {
    const fromEnvironment = undefined as string | undefined;
    buildOAuthUrl({ appId: 1, oauthUrl: fromEnvironment, state: fromEnvironment });
    parseOAuthRedirect('', { expectedState: skipStateCheck, maxLength: undefined });
    redactSecrets({}, { secrets: undefined });
    new LoginUrlError('invalid_app_id', 'x', { cause: undefined, details: undefined });
    new OAuthRedirectError('no_accounts', 'x', {
      details: undefined,
      providerError: undefined,
      providerErrorDescription: undefined,
    });
  });

  it('types scopes, call requirements and redaction', () => {
    expectTypeOf(CALL_REQUIREMENTS['buy']).toEqualTypeOf<
      { readonly authRequired: boolean; readonly scopes: readonly DerivScope[] } | undefined
    >();
    expectTypeOf(isCallAllowed).parameters.toEqualTypeOf<[string, readonly string[]]>();
    expectTypeOf(redactSecrets({ authorize: 'x', req_id: 1 })).toEqualTypeOf<{
      authorize: string;
      req_id: number;
    }>();
  });

  it('makes Authorize the non-optional authorize body', () => {
    expectTypeOf<Authorize>().toEqualTypeOf<NonNullable<AuthorizeResponse['authorize']>>();
    expectTypeOf<Authorize['loginid']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Authorize['scopes']>().toEqualTypeOf<string[] | undefined>();
  });
});

describe('zod-free entries and schema interplay', () => {
  it('accepts the parsed error envelope in createDerivApiError', () => {
    const parsed = ErrorResponseSchema.parse({});
    expectTypeOf(createDerivApiError).toBeCallableWith(parsed);
  });

  it('re-exports the same call helpers from the calls entry', () => {
    expectTypeOf(calls.CALL_REQUIREMENTS).toEqualTypeOf(CALL_REQUIREMENTS);
    expectTypeOf(calls.redactSecrets).toEqualTypeOf(redactSecrets);
  });

  it('exports the inferred types of the schemas entry from the main entry too', () => {
    expectTypeOf<SchemasAuthorizeResponse>().toEqualTypeOf<AuthorizeResponse>();
  });
});
