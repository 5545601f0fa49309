import { describe, expect, it } from 'vitest';
import * as calls from './callsEntry.js';
import * as core from './index.js';

describe('@deriv-auth/core/calls', () => {
  it('exports the same objects as the main entry', () => {
    expect(Object.keys(calls).sort()).toEqual(
      [
        'CALL_REQUIREMENTS',
        'DERIV_SCOPES',
        'REDACTED',
        'SENSITIVE_FIELD_NAMES',
        'SENSITIVE_REQUEST_FIELDS',
        'getCallName',
        'isAuthRequired',
        'isCallAllowed',
        'isDerivScope',
        'redactSecrets',
        'scrubSecrets',
        'TOO_DEEP',
        'MAX_REDACT_DEPTH',
      ].sort(),
    );
    for (const [name, value] of Object.entries(calls))
      expect(core[name as keyof typeof core]).toBe(value);
  });
});
