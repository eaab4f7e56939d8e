// Checks every operation the UI sends (src/lib/operations.ts) against the running service's schema.
// BASE_URL (default http://localhost:8080).
import { buildSchema, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
let sdl = await (await fetch(`${base}/graphql/schema.graphql`)).text();
let schema;
for (let attempt = 0; !schema; attempt++) {
  try {
    schema = buildSchema(sdl);
  } catch (e) {
    // the printed schema leaves some custom scalars (DateTime…) undeclared: declare them and try again
    const missing = /Unknown type "(\w+)"/.exec(String(e.message));
    if (!missing || attempt > 10) { throw e; }
    sdl = `scalar ${missing[1]}\n${sdl}`;
  }
}
const source = readFileSync(new URL('../src/lib/operations.ts', import.meta.url), 'utf8');
const constants = Object.fromEntries([...source.matchAll(/const (\w+) = '([^']*)';/g)].map((m) => [m[1], m[2]]));
const operations = [...source.matchAll(/export const (\w+) = `([^`]*)`;/g)]
  .map(([, name, text]) => [name, text.replace(/\$\{(\w+)\}/g, (_, c) => constants[c])]);
let failed = 0;
for (const [name, text] of operations) {
  const errors = validate(schema, parse(text));
  if (errors.length) {
    failed++;
    console.error(`${name}: ${errors.map((e) => e.message).join('; ')}`);
  }
}
if (failed || operations.length === 0) {
  console.error(`${failed} of ${operations.length} operations do not match the schema`);
  process.exit(1);
}
console.log(`all ${operations.length} UI operations match the service's schema`);
