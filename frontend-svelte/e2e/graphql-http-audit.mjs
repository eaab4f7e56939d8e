// The GraphQL-over-HTTP server audit of the graphql-http package (the spec's reference implementation) against the
// running service: every MUST and every SHOULD must pass (MAYs are reported). BASE_URL (default http://localhost:8080).
import { serverAudits } from 'graphql-http';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const audits = serverAudits({ url: `${base}/graphql`, fetchFn: fetch });
const results = await Promise.all(audits.map((audit) => audit.fn()));
const tally = {};
let failed = 0;
for (const result of results) {
  const level = result.name.split(' ')[0];
  tally[level] ??= { ok: 0, total: 0 };
  tally[level].total++;
  if (result.status === 'ok') {
    tally[level].ok++;
    continue;
  }
  const required = level === 'MUST' || level === 'SHOULD';
  if (required) { failed++; }
  const why = result.status === 'error' || result.status === 'warn' ? result.reason : '';
  console.error(`${required ? 'FAIL' : 'note'} ${result.id} ${result.name}${why ? ` - ${why}` : ''}`);
}
console.log(Object.entries(tally).map(([level, t]) => `${level} ${t.ok}/${t.total}`).join(', '));
if (failed) {
  console.error(`graphql-http audit: ${failed} MUST/SHOULD audits failed`);
  process.exit(1);
}
console.log('graphql-http audit: every MUST and SHOULD passes');
