// Times parsing + validation of a 50,000-row bulk-targets file (CSV and XLSX):
//   pnpm bench            (= tsx bench/import.bench.ts [rows])
// Target: ≥ 5,000 rows/s for parsing + validation.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseImportBuffer } from '../src/index';
import { BENCH_DIR, generateTargets } from './generate-targets';

const rows = Number(process.argv[2] ?? 50000);
const RUNS = 3;

async function main(): Promise<void> {
  const csv = join(BENCH_DIR, `target-bench-${rows}.csv`);
  const xlsx = join(BENCH_DIR, `target-bench-${rows}.xlsx`);
  if (!existsSync(csv) || !existsSync(xlsx)) await generateTargets(rows, BENCH_DIR);
  let worst = Infinity;
  for (const path of [csv, xlsx]) {
    const buf = await readFile(path);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = await parseImportBuffer(buf, basename(path));
      const ms = performance.now() - t0;
      if (!r.ok)
        throw new Error(
          `${path}: ${r.problems.length} problems, first: ${JSON.stringify(r.problems[0])}`,
        );
      if (r.document.kind !== 'target' || r.document.rows.length !== rows)
        throw new Error(`${path}: expected ${rows} rows`);
      times.push(ms);
    }
    const best = Math.min(...times);
    const rate = Math.round((rows / best) * 1000);
    worst = Math.min(worst, rate);
    console.log(
      `${basename(path)}: ${rows} rows in ${best.toFixed(0)} ms (best of ${RUNS}; runs ${times.map((t) => t.toFixed(0)).join(', ')} ms) = ${rate.toLocaleString('en-US')} rows/s`,
    );
  }
  console.log(worst >= 5000 ? `OK: ≥ 5,000 rows/s` : `SLOW: below 5,000 rows/s`);
  if (worst < 5000) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
