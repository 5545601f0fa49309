#!/usr/bin/env node
// Dev-time generator: turns Deriv's official per-call JSON schemas (send.json, receive.json) into
// TypeScript declarations, committed under src/generated/ so builds and tests never need the
// schemas. Writes:
// - src/generated/derivApiTypes.ts: a request and a response type per call and the `DerivCalls`
//   map. Types only: it compiles to an empty module.
// - src/generated/test/apiTypesCalls.ts: the same map spelled with `@deriv/api-types` names, for
//   the agreement type test (found by shape in that package's index.d.ts, not by guessing names).
// Each file's header records SHA-256 hashes of the schemas, of this script and of the file's own
// body; src/generated/derivApiTypes.test.ts checks them (and regenerates when the schemas exist).
// Not expressible in TypeScript types, so left to the server's validation: `pattern`, `minimum`/
// `maximum`, `minLength`/`maxLength`, `minItems`/`maxItems` (arrays stay `T[]`), `uniqueItems`, and
// `if`/`then`/`else` (used once, to tighten a password pattern).
// Usage: node scripts/generateCallTypes.mjs [schemaDir] [outDir]
// (schemaDir default: $DERIV_API_SCHEMAS or /work/shared/reference/deriv-api-schemas;
// outDir default: src/generated).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const schemaDir =
  process.argv[2] ?? process.env.DERIV_API_SCHEMAS ?? '/work/shared/reference/deriv-api-schemas';
const outDir = process.argv[3] ?? join(packageDir, 'src/generated');

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const pascal = (name) =>
  name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const propertyKey = (name) => (identifier.test(name) ? name : JSON.stringify(name));

const calls = readdirSync(schemaDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(schemaDir, entry.name, 'send.json')))
  .map((entry) => entry.name)
  .sort();

// The schemas' hash covers exactly the bytes this script reads, in a fixed order.
const schemaTexts = calls.flatMap((call) =>
  ['send.json', 'receive.json'].map((file) => {
    const path = join(schemaDir, call, file);
    if (!existsSync(path)) throw new Error(`${call}/${file} is missing`);
    return [`${call}/${file}`, readFileSync(path, 'utf8')];
  }),
);
const schemasHash = sha256(schemaTexts.map(([name, text]) => `${name}\n${text}\n`).join(''));
const generatorHash = sha256(readFileSync(fileURLToPath(import.meta.url), 'utf8'));
const schemas = new Map(schemaTexts.map(([name, text]) => [name, JSON.parse(text)]));

/** TSDoc from a schema's description; `@` is escaped so prose like "@example.com" is no tag. */
function doc(schema, extra = []) {
  const described = schema.description ? String(schema.description).split('\n') : [];
  const lines = [
    ...described.map((line) => line.replaceAll('*/', '*\\/').replaceAll('@', '\\@')),
    ...extra,
  ].map((line) => line.trimEnd());
  if (lines.length === 0) return '';
  return `/**\n${lines.map((line) => ` * ${line}`.trimEnd()).join('\n')}\n */\n`;
}

/** Translates one JSON schema to a TypeScript type. `context` collects `$ref` targets. */
function toType(schema, context) {
  if (schema === true || schema === undefined) return 'unknown';
  if (schema === false) return 'never';
  if (schema.$ref) {
    const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(schema.$ref);
    if (!match) throw new Error(`${context.call}: unsupported $ref ${schema.$ref}`);
    const name = `${context.prefix}${pascal(match[2])}`;
    const target = context.root[match[1]]?.[match[2]];
    if (!target) throw new Error(`${context.call}: dangling $ref ${schema.$ref}`);
    if (!context.definitions.has(name)) {
      context.definitions.set(name, null); // reserve first: definitions may refer to themselves
      context.definitions.set(name, { schema: target, type: toType(target, context) });
    }
    return name;
  }
  const combinator = schema.oneOf ? 'oneOf' : schema.anyOf ? 'anyOf' : undefined;
  if (combinator) {
    // Each branch inherits the keywords written beside the combinator (e.g. `properties` with
    // branches that only add `required`), the branch's own keywords winning.
    const { [combinator]: branches, description: _d, title: _t, ...shared } = schema;
    return union(branches.map((branch) => toType({ ...shared, ...branch }, context)));
  }
  if (schema.enum) {
    // `type: ["null", "string"]` with an enum of strings: the schemas mark nullability in `type`
    // and list only the non-null values in `enum`; Deriv sends null there.
    const nullable = Array.isArray(schema.type) && schema.type.includes('null');
    return union(
      [...schema.enum, ...(nullable ? [null] : [])].map((value) => JSON.stringify(value)),
    );
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return schema.properties ? objectType(schema, context) : 'unknown';
  return union(
    types.map((type) => {
      switch (type) {
        case 'string':
          return 'string';
        case 'integer': // TypeScript has no integer type; the TSDoc keeps the schema's word
        case 'number':
          return 'number';
        case 'boolean':
          return 'boolean';
        case 'null':
          return 'null';
        case 'array':
          return `${wrap(schema.items ? toType(schema.items, context) : 'unknown')}[]`;
        case 'object':
          return objectType(schema, context);
        default:
          throw new Error(`${context.call}: unknown type ${type}`);
      }
    }),
  );
}

/** Whether a type string is a union at its top level (a `|` outside brackets, braces, quotes). */
function isUnion(type) {
  let depth = 0;
  let quote = '';
  for (let index = 0; index < type.length; index++) {
    const char = type[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if ('{[('.includes(char)) depth++;
    else if ('}])'.includes(char)) depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

const wrap = (type) => (isUnion(type) ? `(${type})` : type);

/** A union without repeats, and without literals their primitive already covers. */
function union(types) {
  const unique = [...new Set(types)];
  if (unique.includes('unknown')) return 'unknown';
  return unique
    .filter((type) => !(unique.includes('number') && /^-?\d/.test(type)))
    .filter((type) => !(unique.includes('string') && type.startsWith('"')))
    .join(' | ');
}

/**
 * An object type. `additionalProperties: false` without `patternProperties` gives an exact type
 * (no index signature), so a misspelled key on a fresh object literal is a compile error.
 * Otherwise an index signature carries what else the schema allows (TypeScript cannot restrict
 * keys to a regular expression, so pattern-keyed values apply to every string key).
 */
function objectType(schema, context) {
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const type = toType(property, context);
    const extra = property.type === 'integer' && !property.enum ? ['', 'An integer.'] : [];
    return {
      type,
      text: `${doc(property, extra)}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${type};`,
    };
  });
  const extraValues = Object.values(schema.patternProperties ?? {}).map((pattern) =>
    toType(pattern, context),
  );
  // With `patternProperties`, the patterns describe the keys the server sends (currency codes,
  // login ids): keys outside them get no `unknown` escape hatch unless the schema says so.
  // Without patterns, an object the schema leaves open stays open.
  const open = schema.patternProperties
    ? schema.additionalProperties === true || typeof schema.additionalProperties === 'object'
    : schema.additionalProperties !== false;
  if (open) extraValues.push(toType(schema.additionalProperties, context));
  if (extraValues.length > 0) {
    // An index signature must admit every declared property's type too, and `undefined` when a
    // property is optional (without `exactOptionalPropertyTypes` an optional property's type
    // includes it, and consumers compile our declarations under either setting).
    const value = union(extraValues);
    const hasOptional = Object.keys(schema.properties ?? {}).some((name) => !required.has(name));
    const admitted =
      value === 'unknown'
        ? value
        : union([
            ...extraValues,
            ...members.map((m) => m.type),
            ...(hasOptional ? ['undefined'] : []),
          ]);
    const patterns = Object.keys(schema.patternProperties ?? {});
    const note = patterns.length
      ? `/** Keys matching ${patterns.map((p) => `\`${p}\``).join(', ')}. */\n`
      : '';
    members.push({
      type: admitted,
      text: `${note.replaceAll('@', '\\@')}[key: string]: ${admitted};`,
    });
  }
  if (members.length === 0) return 'Record<string, never>';
  return `{\n${members.map((member) => member.text).join('\n')}\n}`;
}

// Interfaces where the type is one object: tsc caches them by name and names them in errors.
const declaration = (typeName, type) =>
  type.startsWith('{\n') && !isUnion(type)
    ? `export interface ${typeName} ${type}\n\n`
    : `export type ${typeName} = ${type};\n\n`;

let body = '';
const entries = [];
for (const call of calls) {
  const name = pascal(call);
  const send = schemas.get(`${call}/send.json`);
  const receive = schemas.get(`${call}/receive.json`);
  if (!send.properties?.[call] || !send.required?.includes(call))
    throw new Error(`${call}/send.json does not require a "${call}" property`);
  const auth =
    send.auth_required === 1
      ? `Needs an authorized socket; token scopes: ${(send.auth_scopes ?? []).join(', ')}.`
      : 'Needs no authorization.';
  const definitions = new Map();
  const declare = (schema, typeName, extra) => {
    const context = { call, prefix: name, root: schema, definitions };
    const type = toType(schema, context);
    return `${doc(schema, extra)}${declaration(typeName, type)}`;
  };
  body += `// ${call}\n\n`;
  body += declare(send, `${name}Request`, ['', `\`${call}\` request. ${auth}`]);
  body += declare(receive, `${name}Response`, ['', `Reply to {@link ${name}Request}.`]);
  for (const [typeName, definition] of definitions)
    body += `${doc(definition.schema)}${declaration(typeName, definition.type)}`;
  entries.push(`${propertyKey(call)}: { request: ${name}Request; response: ${name}Response };`);
}
body += `/**
 * Every call of Deriv's API (legacy \`/websockets/v3\`), by name: what to send and what comes back.
 * A request is recognised by its call-name field (\`{ ticks_history: 'R_100', ... }\`).
 */
export interface DerivCalls {
${entries.join('\n')}
}
`;

/** A header recording where the body came from, then the body (formatted as the repo formats). */
async function writeGenerated(path, title, text) {
  const formatted = await format(text, {
    parser: 'typescript',
    singleQuote: true,
    printWidth: 100,
    trailingComma: 'all',
  });
  const header = `// ${title}
// Generated by scripts/generateCallTypes.mjs from Deriv's ${calls.length} send.json/receive.json
// schemas. Do not edit by hand: run \`pnpm run generate:types\` in packages/core.
// schemas-sha256: ${schemasHash}
// generator-sha256: ${generatorHash}
// content-sha256: ${sha256(formatted)}
`;
  writeFileSync(path, `${header}\n${formatted}`);
  return `${header}\n${formatted}`;
}

const typesText = await writeGenerated(
  join(outDir, 'derivApiTypes.ts'),
  'Request and response types of every Deriv API call. Types only: compiles to zero bytes.',
  body,
);

// The same map with @deriv/api-types' names, found by shape: the request interface whose first
// property is the call name, the response interface whose `msg_type` is the call name.
const require = createRequire(join(packageDir, 'package.json'));
const apiTypesText = readFileSync(require.resolve('@deriv/api-types/index.d.ts'), 'utf8');
const apiTypesVersion = JSON.parse(
  readFileSync(require.resolve('@deriv/api-types/package.json'), 'utf8'),
).version;
const blocks = [...apiTypesText.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)];
const requestNames = new Map();
const responseNames = new Map();
for (const [, typeName, members] of blocks) {
  const first = /^ {2}(\w+)\??:/m.exec(members.replace(/^\s*\/\*\*[\s\S]*?\*\/\n/gm, ''));
  if (typeName.endsWith('Request') && first && !requestNames.has(first[1]))
    requestNames.set(first[1], typeName);
  const msgType = /^ {2}msg_type\??: ([^;]+);/m.exec(members);
  if (typeName.endsWith('Response') && msgType) responseNames.set(msgType[1], typeName);
}
// Our msg_type union, spelled as json-schema-to-typescript spells it (`"history" | "tick"`).
const msgTypeOf = (call) =>
  schemas
    .get(`${call}/receive.json`)
    .properties.msg_type.enum.map((value) => JSON.stringify(value))
    .join(' | ');
for (const call of calls) responseNames.set(call, responseNames.get(msgTypeOf(call)));
mkdirSync(join(outDir, 'test'), { recursive: true });
const covered = calls.filter((call) => requestNames.has(call) && responseNames.get(call));
const uncovered = calls.filter((call) => !covered.includes(call));
await writeGenerated(
  join(outDir, 'test/apiTypesCalls.ts'),
  `@deriv/api-types ${apiTypesVersion} as a call map, for the agreement type test (test-only).`,
  `import type * as Api from '@deriv/api-types';

/** The calls @deriv/api-types ${apiTypesVersion} types, by name, as its own types. */
export interface ApiTypesCalls {
${covered
  .map(
    (call) =>
      `${propertyKey(call)}: { request: Api.${requestNames.get(call)}; response: Api.${responseNames.get(call)} };`,
  )
  .join('\n')}
}

/** Calls in the official schemas that @deriv/api-types ${apiTypesVersion} has no request or response for. */
export type CallsMissingFromApiTypes = ${uncovered.map((call) => `'${call}'`).join(' | ') || 'never'};
`,
);

console.log(
  `${calls.length} calls, ${typesText.split('\n').length} lines, ${Buffer.byteLength(typesText)} bytes;`,
  `@deriv/api-types ${apiTypesVersion} covers ${covered.length} (missing: ${uncovered.join(', ') || 'none'})`,
);
