// `pnpm bench <name>`: runs one benchmark by name (see docs/benchmarks.md for the figures).
import { spawnSync } from 'node:child_process';

const benches = {
  append: ['@sakip/api', 'bench'],
  'append-batch': ['@sakip/event-store', 'bench'],
  import: ['@sakip/cli', 'bench'],
  load: ['@sakip/api', 'bench:load'],
  queries: ['@sakip/api', 'bench:queries'],
  projections: ['@sakip/read-models', 'bench'],
  reports: ['@sakip/reports', 'bench'],
  'import-parse': ['@sakip/importer', 'bench'],
};
const name = process.argv[2];
if (!name || !benches[name]) {
  console.error(`usage: pnpm bench <${Object.keys(benches).join('|')}> [args]`);
  process.exit(2);
}
const [pkg, script] = benches[name];
const r = spawnSync(
  'pnpm',
  ['--silent', '--filter', pkg, 'run', script, ...process.argv.slice(3)],
  { stdio: 'inherit' },
);
process.exit(r.status ?? 1);
