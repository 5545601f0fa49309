/**
 * A small JSON Schema draft-04 validator covering what Deriv's request schemas use: `type`,
 * `required`, `properties`, `additionalProperties: false`, `pattern`, `enum`, `items`, `maxItems`,
 * `uniqueItems`, `minimum`, `maximum`, `oneOf`, `patternProperties`, `minProperties` and local
 * `$ref`s into `definitions` (also enough for the served calls' response schemas). Messages
 * follow the wording of Deriv's (Perl JSON::Validator) errors closely enough for clients to show.
 */

/** The subset of a draft-04 schema the validator reads. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly patternProperties?: Readonly<Record<string, JsonSchema>>;
  readonly minProperties?: number;
  readonly pattern?: string;
  readonly enum?: readonly unknown[];
  readonly items?: JsonSchema;
  readonly maxItems?: number;
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly oneOf?: readonly JsonSchema[];
  readonly $ref?: string;
  readonly definitions?: Readonly<Record<string, JsonSchema>>;
  readonly sensitive?: number;
  readonly auth_required?: number;
  readonly auth_scopes?: readonly string[];
  readonly [keyword: string]: unknown;
}

/** Field name (top-level request key, or `_` for the request itself) to Deriv-style message. */
export type ValidationDetails = Record<string, string>;

const patternCache = new Map<string, RegExp>();

function compiledPattern(source: string): RegExp {
  let pattern = patternCache.get(source);
  if (pattern === undefined) {
    pattern = new RegExp(source, 'u');
    patternCache.set(source, pattern);
  }
  return pattern;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, expected: string): boolean {
  const actual = typeOf(value);
  return actual === expected || (expected === 'number' && actual === 'integer');
}

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (schema.$ref === undefined) return schema;
  const name = schema.$ref.replace(/^#\/definitions\//u, '');
  return root.definitions?.[name] ?? {};
}

/** Returns the first problem with `value`, or undefined when it satisfies `schema`. */
function check(value: unknown, schemaOrRef: JsonSchema, root: JsonSchema): string | undefined {
  const schema = resolve(schemaOrRef, root);
  if (schema.oneOf !== undefined) {
    const passing = schema.oneOf.filter(
      (option) => check(value, option, root) === undefined,
    ).length;
    if (passing !== 1)
      return passing === 0 ? 'None of the oneOf rules match.' : 'More than one oneOf rule matches.';
  }
  if (schema.type !== undefined) {
    const types = typeof schema.type === 'string' ? [schema.type] : schema.type;
    if (!types.some((type) => matchesType(value, type)))
      return `Expected ${types.join('/')} - got ${typeOf(value)}.`;
  }
  if (schema.enum !== undefined && !schema.enum.includes(value)) {
    return `Not in enum list: ${schema.enum.map(String).join(', ')}.`;
  }
  if (
    typeof value === 'string' &&
    schema.pattern !== undefined &&
    !compiledPattern(schema.pattern).test(value)
  ) {
    return `String does not match ${schema.pattern}.`;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      return `${value} < minimum(${schema.minimum}).`;
    if (schema.maximum !== undefined && value > schema.maximum)
      return `${value} > maximum(${schema.maximum}).`;
  }
  if (Array.isArray(value)) return checkArray(value, schema, root);
  if (typeOf(value) === 'object') {
    const details = checkObject(value as Record<string, unknown>, schema, root);
    const first = Object.entries(details)[0];
    return first === undefined ? undefined : `${first[0]}: ${first[1]}`;
  }
  return undefined;
}

function checkArray(
  value: readonly unknown[],
  schema: JsonSchema,
  root: JsonSchema,
): string | undefined {
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    return `Too many items: ${value.length}/${schema.maxItems}.`;
  }
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    return `Not enough items: ${value.length}/${schema.minItems}.`;
  }
  if (
    schema.uniqueItems === true &&
    new Set(value.map((item) => JSON.stringify(item))).size !== value.length
  ) {
    return 'Unique items required.';
  }
  if (schema.items !== undefined) {
    for (const [index, item] of value.entries()) {
      const problem = check(item, schema.items, root);
      if (problem !== undefined) return `/${index}: ${problem}`;
    }
  }
  return undefined;
}

function checkObject(
  value: Record<string, unknown>,
  schema: JsonSchema,
  root: JsonSchema,
): ValidationDetails {
  const details: ValidationDetails = {};
  for (const key of schema.required ?? []) {
    if (!(key in value)) details[key] = 'Missing property.';
  }
  const properties = schema.properties ?? {};
  if (schema.minProperties !== undefined && Object.keys(value).length < schema.minProperties) {
    details['_'] = `Not enough properties: ${Object.keys(value).length}/${schema.minProperties}.`;
  }
  for (const [key, field] of Object.entries(value)) {
    const propertySchema = Object.hasOwn(properties, key) ? properties[key] : undefined;
    const patterned = propertySchema === undefined ? patternSchemas(schema, key) : [];
    for (const patternSchema of patterned) {
      const problem = check(field, patternSchema, root);
      if (problem !== undefined) details[key] = problem;
    }
    if (propertySchema === undefined && patterned.length > 0) continue;
    if (propertySchema === undefined) {
      if (schema.additionalProperties === false)
        details[key] = 'Properties not allowed: ' + key + '.';
      else if (typeof schema.additionalProperties === 'object') {
        const problem = check(field, schema.additionalProperties, root);
        if (problem !== undefined) details[key] = problem;
      }
      continue;
    }
    const problem = check(field, propertySchema, root);
    if (problem !== undefined) details[key] = problem;
  }
  return details;
}

function patternSchemas(schema: JsonSchema, key: string): JsonSchema[] {
  if (schema.patternProperties === undefined) return [];
  return Object.entries(schema.patternProperties)
    .filter(([pattern]) => compiledPattern(pattern).test(key))
    .map(([, patternSchema]) => patternSchema);
}

/**
 * Validates a request object against a call's request schema.
 *
 * @param request - the parsed request (a JSON object)
 * @param schema - the call's `send.json`
 * @returns an empty object when valid, else one message per offending top-level field
 */
export function validateRequest(
  request: Record<string, unknown>,
  schema: JsonSchema,
): ValidationDetails {
  return checkObject(request, schema, schema);
}
