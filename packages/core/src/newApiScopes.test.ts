import { describe, expect, it } from 'vitest';
import { CALL_REQUIREMENTS } from './generated/callRequirements.js';
import {
  isNewApiScope,
  NEW_API_ENDPOINT_SCOPES,
  NEW_API_PUBLIC_SOCKET_CALLS,
  NEW_API_REMOVED_CALLS,
  NEW_API_SCOPES,
  NEW_API_SOCKET_CALLS,
} from './newApiScopes.js';
import { DERIV_SCOPES } from './derivScope.js';

describe('New API scopes and what needs them', () => {
  it('lists the four documented scopes', () => {
    expect(NEW_API_SCOPES).toStrictEqual([
      'trade',
      'payment',
      'account_manage',
      'application_read',
    ]);
  });

  it('tells New API scopes from legacy ones (no mapping between the sets)', () => {
    expect(NEW_API_SCOPES.filter(isNewApiScope)).toStrictEqual(NEW_API_SCOPES);
    expect(DERIV_SCOPES.filter(isNewApiScope)).toStrictEqual(['trade']);
    expect(['payments', 'admin', 'read', '', undefined, 'TRADE'].some(isNewApiScope)).toBe(false);
  });

  it('maps each documented REST endpoint to its documented scope', () => {
    expect(NEW_API_ENDPOINT_SCOPES).toStrictEqual({
      'GET /trading/v1/options/accounts': 'trade',
      'POST /trading/v1/options/accounts': 'account_manage',
      'POST /trading/v1/options/accounts/{accountId}/otp': 'trade',
    });
  });

  it('lists socket calls known to the v3 API but contracts_list, public ones among them, none removed', () => {
    expect(NEW_API_SOCKET_CALLS).toHaveLength(22);
    // A typo check against Deriv's 137 v3 schemas: only `contracts_list` is new in the New API.
    expect(
      NEW_API_SOCKET_CALLS.filter((call) => !Object.hasOwn(CALL_REQUIREMENTS, call)),
    ).toStrictEqual(['contracts_list']);
    for (const call of NEW_API_PUBLIC_SOCKET_CALLS) expect(NEW_API_SOCKET_CALLS).toContain(call);
    for (const call of NEW_API_REMOVED_CALLS) expect(NEW_API_SOCKET_CALLS).not.toContain(call);
    expect(new Set(NEW_API_SOCKET_CALLS).size).toBe(NEW_API_SOCKET_CALLS.length);
  });
});
