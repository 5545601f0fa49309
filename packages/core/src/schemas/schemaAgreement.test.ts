import { describe, expect, it } from 'vitest';
import { AuthorizeRequestSchema, AuthorizeResponseSchema } from './authorize.js';
import { BalanceRequestSchema, BalanceResponseSchema } from './balance.js';
import { LogoutRequestSchema, LogoutResponseSchema } from './logout.js';
import { PingRequestSchema, PingResponseSchema } from './ping.js';
import { TimeRequestSchema, TimeResponseSchema } from './time.js';
import { WebsiteStatusRequestSchema, WebsiteStatusResponseSchema } from './websiteStatus.js';
// Generated from Deriv's send.json/receive.json by scripts/generateNumericTypes.mjs (committed, so
// this test needs no copy of the schemas).
import official from './numericTypes.generated.json' with { type: 'json' };

const SCHEMAS = {
  'authorize.request': AuthorizeRequestSchema,
  'authorize.response': AuthorizeResponseSchema,
  'balance.request': BalanceRequestSchema,
  'balance.response': BalanceResponseSchema,
  'logout.request': LogoutRequestSchema,
  'logout.response': LogoutResponseSchema,
  'ping.request': PingRequestSchema,
  'ping.response': PingResponseSchema,
  'time.request': TimeRequestSchema,
  'time.response': TimeResponseSchema,
  'website_status.request': WebsiteStatusRequestSchema,
  'website_status.response': WebsiteStatusResponseSchema,
} as const;

interface Definition {
  type: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  element?: Schema;
  values?: unknown[];
}
interface Schema {
  _zod: { def: Definition };
  safeParse(value: unknown): { success: boolean };
}

/**
 * The numeric fields of a zod schema, by the generator's path rules, with the JSON type the schema
 * enforces: found by behaviour (does it take 1.5?), not by reading zod's internals for checks.
 */
function numericFields(schema: Schema, path = '', found: Record<string, string> = {}) {
  const def = schema._zod.def;
  const join = (name: string) => (path ? `${path}.${name}` : name);
  if (def.type === 'optional' || def.type === 'nullable') {
    if (def.innerType) numericFields(def.innerType, path, found);
  } else if (def.type === 'object') {
    for (const [name, child] of Object.entries(def.shape ?? {}))
      numericFields(child, join(name), found);
    if (def.catchall && def.catchall._zod.def.type !== 'unknown')
      numericFields(def.catchall, join('*'), found);
  } else if (def.type === 'array') {
    if (def.element) numericFields(def.element, `${path}[]`, found);
  } else if (def.type === 'number') {
    found[path] = schema.safeParse(1.5).success ? 'number' : 'integer';
  } else if (def.type === 'literal' && def.values?.every((value) => typeof value === 'number')) {
    found[path] = def.values.every((value) => Number.isInteger(value)) ? 'integer' : 'number';
  }
  return found;
}

describe('zod schemas agree with Deriv on integer vs number (generated fixture)', () => {
  it.each(Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[])('%s', (name) => {
    const ours = numericFields(SCHEMAS[name] as unknown as Schema);
    const theirs = (official as Record<string, Record<string, string>>)[name] ?? {};
    expect(Object.keys(ours).length).toBeGreaterThan(0);
    for (const [path, type] of Object.entries(ours))
      expect({ path, type }).toStrictEqual({ path, type: theirs[path] });
  });

  it('refuses the examples of issue 9.12', () => {
    expect(AuthorizeRequestSchema.safeParse({ authorize: 'a1-x', req_id: 1.5 }).success).toBe(
      false,
    );
    expect(
      AuthorizeResponseSchema.safeParse({
        msg_type: 'authorize',
        echo_req: {},
        authorize: { user_id: 1.5 },
      }).success,
    ).toBe(false);
  });
});
