import { describe, expect, it } from 'vitest';
import { TokenErrorResponseSchema, TokenResponseSchema } from './tokenResponse.js';

const ACCESS = 'ory_at_Q2hhbmdlTWVBbmRZb3VMb3NlVGhlR2FtZQ.k3yAbCdEf';
const REFRESH = 'ory_rt_RnJlc2hUb2tlbkZvckRlcml2QXV0aA.Zz9yXw';
// The fields Deriv's reference app reads from the token endpoint.
const DERIV_REPLY = {
  access_token: ACCESS,
  token_type: 'bearer',
  expires_in: 3599,
  refresh_token: REFRESH,
  scope: 'trade account_manage',
};

describe('TokenResponseSchema (RFC 6749 §5.1)', () => {
  it("reads Deriv's reply as it is", () => {
    expect(TokenResponseSchema.parse(DERIV_REPLY)).toStrictEqual(DERIV_REPLY);
  });

  it.each(['Bearer', 'BEARER', 'bEaReR'])(
    'accepts token_type %s and normalises it',
    (tokenType) => {
      expect(TokenResponseSchema.parse({ ...DERIV_REPLY, token_type: tokenType }).token_type).toBe(
        'bearer',
      );
    },
  );

  it('accepts a reply without expires_in, refresh_token and scope (lifetimes unconfirmed)', () => {
    expect(TokenResponseSchema.parse({ access_token: ACCESS, token_type: 'bearer' })).toStrictEqual(
      { access_token: ACCESS, token_type: 'bearer' },
    );
  });

  it('lets unknown fields through (id_token, new server fields)', () => {
    expect(TokenResponseSchema.parse({ ...DERIV_REPLY, id_token: 'x', extra: 1 })).toMatchObject({
      id_token: 'x',
      extra: 1,
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ['no access_token', { access_token: undefined }],
    ['an empty access_token', { access_token: '' }],
    ['an access_token with a newline', { access_token: `${ACCESS}\n` }],
    ['token_type mac', { token_type: 'mac' }],
    ['token_type bearer with a space', { token_type: 'bearer ' }],
    ['no token_type', { token_type: undefined }],
    ['expires_in as a string', { expires_in: '3600' }],
    ['expires_in 0', { expires_in: 0 }],
    ['a negative expires_in', { expires_in: -1 }],
    ['expires_in NaN', { expires_in: Number.NaN }],
    ['expires_in Infinity', { expires_in: Infinity }],
    ['refresh_token null', { refresh_token: null }],
    ['an empty refresh_token', { refresh_token: '' }],
  ])('refuses %s', (_, override) => {
    expect(TokenResponseSchema.safeParse({ ...DERIV_REPLY, ...override }).success).toBe(false);
  });
});

describe('TokenErrorResponseSchema (RFC 6749 §5.2)', () => {
  it.each([
    [{ error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' }],
    [{ error: 'invalid_client' }],
    [{ error: 'invalid_request', error_uri: 'https://auth.deriv.com/errors', status_code: 400 }],
  ])('reads %j', (body) => {
    expect(TokenErrorResponseSchema.parse(body)).toStrictEqual(body);
  });

  it.each<[string, unknown]>([
    ['no error', { error_description: 'x' }],
    ['an empty error', { error: '' }],
    ['a numeric error', { error: 400 }],
    ['a success reply', DERIV_REPLY],
  ])('refuses %s', (_, body) => {
    expect(TokenErrorResponseSchema.safeParse(body).success).toBe(false);
  });
});
