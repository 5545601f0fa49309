import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestSchemas } from './requestSchemas.generated.js';
import { validateRequest, type JsonSchema } from './validateRequest.js';

const schemaDirectory = new URL('../schemas/', import.meta.url);

describe('request schemas', () => {
  it('the generated module matches the committed send.json copies', () => {
    const files = readdirSync(schemaDirectory).filter((file) => file.endsWith('.send.json'));
    expect(Object.keys(requestSchemas).sort()).toEqual(
      files.map((file) => file.replace('.send.json', '')).sort(),
    );
    for (const file of files) {
      const schema: unknown = JSON.parse(readFileSync(new URL(file, schemaDirectory), 'utf8'));
      expect(requestSchemas[file.replace('.send.json', '')]).toEqual(schema);
    }
  });
});

describe('validateRequest', () => {
  const authorize = requestSchemas['authorize'] as JsonSchema;

  it.each([
    [{ authorize: 'a1-abc' }, {}],
    [
      {
        authorize: 'a1-abc',
        add_to_login_history: 1,
        tokens: ['a1-x'],
        passthrough: {},
        req_id: 3,
      },
      {},
    ],
    [{}, { authorize: 'Missing property.' }],
    [{ authorize: 5 }, { authorize: 'Expected string - got integer.' }],
    [{ authorize: 'a1', req_id: 1.5 }, { req_id: 'Expected integer - got number.' }],
    [
      { authorize: 'a1', add_to_login_history: 2 },
      { add_to_login_history: 'Not in enum list: 1, 0.' },
    ],
    [
      { authorize: 'a1', tokens: ['ok', 'not ok'] },
      { tokens: '/1: String does not match ^[\\w\\-]{1,128}$.' },
    ],
    [{ authorize: 'a1', passthrough: [] }, { passthrough: 'Expected object - got array.' }],
  ])('authorize %j -> %j', (request, details) => {
    expect(validateRequest(request, authorize)).toEqual(details);
  });

  it('checks nested objects, uniqueItems and maximum', () => {
    expect(
      validateRequest(
        { buy: '1', price: 1, parameters: { contract_type: 'CALL', currency: 'USD' } },
        requestSchemas['buy'] as JsonSchema,
      ),
    ).toEqual({ parameters: 'symbol: Missing property.' });
    expect(
      validateRequest(
        { api_token: 1, new_token_scopes: ['read', 'read'] },
        requestSchemas['api_token'] as JsonSchema,
      ),
    ).toEqual({ new_token_scopes: 'Unique items required.' });
    expect(
      validateRequest(
        {
          buy: '1',
          price: 1,
          parameters: {
            contract_type: 'CALL',
            currency: 'USD',
            symbol: 'R_10',
            duration: 100_000_000,
          },
        },
        requestSchemas['buy'] as JsonSchema,
      ),
    ).toEqual({ parameters: 'duration: 100000000 > maximum(99999999).' });
  });

  it('accepts every token the official pattern allows and rejects every other string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 140 }), (token) => {
        const valid = /^[\w-]{1,128}$/u.test(token);
        expect(Object.keys(validateRequest({ authorize: token }, authorize))).toHaveLength(
          valid ? 0 : 1,
        );
      }),
    );
  });
});
