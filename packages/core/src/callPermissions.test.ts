import { describe, expect, it } from 'vitest';
import { CALL_REQUIREMENTS } from './generated/callRequirements.js';
import { SENSITIVE_FIELD_NAMES, SENSITIVE_REQUEST_FIELDS } from './generated/sensitiveFields.js';
import { getCallName, isAuthRequired, isCallAllowed } from './callPermissions.js';
import { DERIV_SCOPES, isDerivScope } from './derivScope.js';

describe('CALL_REQUIREMENTS (generated from the 137 send.json files)', () => {
  const entries = Object.entries(CALL_REQUIREMENTS);

  it('covers all 137 calls', () => {
    expect(entries).toHaveLength(137);
  });

  it('matches the counts in deriv-facts.md', () => {
    const counts: Record<string, number> = {};
    for (const [, requirement] of entries) {
      const key = requirement.authRequired ? requirement.scopes.join('|') : 'none';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts).toStrictEqual({
      none: 37,
      read: 24,
      'read|trading_information': 7,
      trade: 10,
      payments: 30,
      admin: 29,
    });
  });

  it.each([
    ['authorize', false, []],
    ['ping', false, []],
    ['balance', true, ['read', 'trading_information']],
    ['buy', true, ['trade']],
    ['cashier', true, ['payments']],
    ['api_token', true, ['admin']],
    ['logout', false, []],
  ])('knows what %s needs', (call, authRequired, scopes) => {
    expect(CALL_REQUIREMENTS[call]).toStrictEqual({ authRequired, scopes });
  });

  it('only uses the five scopes, and gives scopes exactly to calls that need auth', () => {
    for (const [, requirement] of entries) {
      for (const scope of requirement.scopes) expect(DERIV_SCOPES).toContain(scope);
      expect(requirement.scopes.length > 0).toBe(requirement.authRequired);
    }
  });

  it('lists the sensitive fields of the schemas', () => {
    expect(SENSITIVE_REQUEST_FIELDS['authorize']).toEqual(['authorize', 'tokens']);
    expect(SENSITIVE_REQUEST_FIELDS['ping']).toBeUndefined();
    expect(SENSITIVE_FIELD_NAMES).toContain('chat_token'); // response-only (p2p_advertiser_info)
    expect(SENSITIVE_FIELD_NAMES).toEqual(
      expect.arrayContaining(['authorize', 'tokens', 'token', 'new_password', 'verification_code']),
    );
  });
});

describe('getCallName', () => {
  it.each<[object, string | undefined]>([
    [{ balance: 1, account: 'all' }, 'balance'],
    [{ ticks: 'R_50', subscribe: 1 }, 'ticks'],
    [{ req_id: 3, authorize: 'x' }, 'authorize'],
    [{ active_symbols: 'brief', landing_company: 'svg' }, 'active_symbols'],
    [{ landing_company: 'id' }, 'landing_company'],
    [{ nothing: 1 }, undefined],
    [{}, undefined],
    [JSON.parse('{"__proto__": 1, "constructor": 1, "toString": 1}') as object, undefined],
  ])('names the call of %j', (request, expected) => {
    expect(getCallName(request)).toBe(expected);
  });

  it('returns undefined for non-objects', () => {
    expect(getCallName(null as unknown as object)).toBeUndefined();
  });
});

describe('isCallAllowed', () => {
  it.each<[string, string[], boolean]>([
    ['buy', ['read'], false],
    ['buy', ['trade'], true],
    ['balance', ['trading_information'], true],
    ['balance', ['read'], true],
    ['balance', ['trade'], false],
    ['ping', [], true],
    ['authorize', [], true],
    ['cashier', ['read', 'trade', 'trading_information', 'admin'], false],
    ['cashier', ['payments'], true],
    ['api_token', [], false],
    ['some_future_call', [], true],
    ['toString', [], true],
    ['__proto__', [], true],
  ])('%s with %j -> %s', (call, granted, allowed) => {
    expect(isCallAllowed(call, granted)).toBe(allowed);
  });

  it('says which calls need auth', () => {
    expect(isAuthRequired('ping')).toBe(false);
    expect(isAuthRequired('balance')).toBe(true);
    expect(isAuthRequired('constructor')).toBe(false);
  });

  it('recognises the five scopes', () => {
    expect(DERIV_SCOPES).toEqual(['read', 'trade', 'trading_information', 'payments', 'admin']);
    expect(DERIV_SCOPES.every(isDerivScope)).toBe(true);
    expect(isDerivScope('write')).toBe(false);
  });
});
