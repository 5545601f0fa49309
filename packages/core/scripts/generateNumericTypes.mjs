#!/usr/bin/env node
// Dev-time generator: reads Deriv's official send.json/receive.json for every call core has zod
// schemas for and writes src/schemas/numericTypes.generated.json: the JSON type (`integer` or
// `number`) of each numeric field, by dotted path (`[]` for array items, `*` for pattern
// properties). schemaAgreement.test.ts compares the zod schemas against it, so the test runs
// without the schemas. Usage: node scripts/generateNumericTypes.mjs [schemaDir]
// (default: $DERIV_API_SCHEMAS or /work/shared/reference/deriv-api-schemas).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const schemaDir =
  process.argv[2] ?? process.env.DERIV_API_SCHEMAS ?? '/work/shared/reference/deriv-api-schemas';
const outFile = fileURLToPath(
  new URL('../src/schemas/numericTypes.generated.json', import.meta.url),
);
// The calls core has request and response schemas for.
const CALLS = ['authorize', 'balance', 'logout', 'ping', 'time', 'website_status'];

/** The numeric JSON type of a schema node, or undefined when it is not a number. */
function numericType(node) {
  const types = [node.type ?? []].flat();
  if (types.includes('integer')) return 'integer';
  if (types.includes('number')) return 'number';
  return undefined;
}

/** Collects `path -> integer | number` for every numeric field below `node`. */
function collect(node, path, found) {
  if (node === null || typeof node !== 'object') return found;
  const type = numericType(node);
  if (type && path) found[path] = type;
  for (const [name, child] of Object.entries(node.properties ?? {}))
    collect(child, path ? `${path}.${name}` : name, found);
  for (const child of Object.values(node.patternProperties ?? {}))
    collect(child, `${path}.*`, found);
  if (node.items) collect(node.items, `${path}[]`, found);
  for (const key of ['oneOf', 'anyOf', 'allOf'])
    for (const child of node[key] ?? []) collect(child, path, found);
  return found;
}

const result = {};
for (const call of CALLS)
  for (const [file, direction] of [
    ['send.json', 'request'],
    ['receive.json', 'response'],
  ]) {
    const schema = JSON.parse(readFileSync(join(schemaDir, call, file), 'utf8'));
    result[`${call}.${direction}`] = collect(schema, '', {});
  }
writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${outFile}`);
