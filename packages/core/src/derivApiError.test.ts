import { describe, expect, it } from 'vitest';
import { createDerivApiError, DerivApiError, isDerivApiError } from './derivApiError.js';
import { isDerivAuthError } from './derivAuthError.js';
import { KNOWN_DERIV_ERROR_CODES } from './derivErrorCode.js';
import { REDACTED } from './redactSecrets.js';

const TOKEN = 'a1-SECRETSECRETSECRET';

describe('createDerivApiError', () => {
  it('keeps Deriv code, message, details, msg_type and req_id, with echo_req redacted', () => {
    const error = createDerivApiError({
      error: {
        code: 'InputValidationFailed',
        message: 'Input validation failed: tokens',
        details: { tokens: 'too many' },
      },
      msg_type: 'authorize',
      req_id: 7,
      echo_req: { authorize: TOKEN, tokens: [TOKEN], req_id: 7 },
    });
    expect(error).toBeInstanceOf(DerivApiError);
    expect(error.name).toBe('DerivApiError');
    expect(error.code).toBe('InputValidationFailed');
    expect(error.message).toBe('Input validation failed: tokens');
    expect(error.serverMessage).toBe('Input validation failed: tokens');
    expect(error.details).toEqual({ tokens: REDACTED });
    expect(error.msgType).toBe('authorize');
    expect(error.reqId).toBe(7);
    expect(error.echoReq).toStrictEqual({ authorize: REDACTED, tokens: REDACTED, req_id: 7 });
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('adds a hint to the errors people hit while wiring up sign-in', () => {
    const error = createDerivApiError({
      error: { code: 'InvalidToken', message: 'Token is not valid for current app ID.' },
      msg_type: 'authorize',
    });
    expect(error.message).toMatch(/^Token is not valid for current app ID\. .*app id/);
    expect(error.serverMessage).toBe('Token is not valid for current app ID.');
  });

  it('tolerates missing fields and keeps unknown codes', () => {
    const error = createDerivApiError({ error: { code: 'SomethingNew', message: 'New.' } });
    expect(error.code).toBe('SomethingNew');
    expect(error.msgType).toBe('');
    expect(error).not.toHaveProperty('reqId');
    expect(error.echoReq).toStrictEqual({});
  });

  it('never copies a token from a careless server message', () => {
    const error = createDerivApiError({
      error: { code: 'X', message: `bad url ?token1=${TOKEN}` },
      msg_type: 'x',
    });
    expect(error.message).not.toContain(TOKEN);
  });

  it('is recognised by both guards', () => {
    const error = createDerivApiError({
      error: { code: 'RateLimit', message: 'Slow down.' },
      msg_type: 'ticks',
    });
    expect(isDerivApiError(error)).toBe(true);
    expect(isDerivAuthError(error)).toBe(true);
    expect(isDerivApiError(new Error('x'))).toBe(false);
  });

  it('lists the error codes seen in Deriv traffic', () => {
    expect(KNOWN_DERIV_ERROR_CODES).toEqual(
      expect.arrayContaining([
        'InvalidToken',
        'AuthorizationRequired',
        'PermissionDenied',
        'InputValidationFailed',
        'RateLimit',
        'InvalidAppID',
        'AlreadySubscribed',
        'UnrecognisedRequest',
        'OutputValidationFailed',
      ]),
    );
  });
});
