// `pnpm bench reports [sample]`: LKjIP rendering throughput on a synthetic province of 40
// kabupaten × 40 OPDs (1,600 reports' worth of data generated in memory; the renderers take
// plain data, so no database is involved). Renders `sample` reports per format (default 160,
// spread over the province), prints reports per second and extrapolates to all 1,600.
import { cpus } from 'node:os';
import {
  buildLkjip,
  renderDocx,
  renderPdf,
  syntheticLkjipData,
  type LkjipDocument,
} from '../src/index';

const KABUPATEN = 40;
const OPD_PER_KAB = 40;
const TOTAL = KABUPATEN * OPD_PER_KAB;
const sample = Math.min(TOTAL, Number(process.argv[2] ?? 160));

let t = performance.now();
const models: LkjipDocument[] = [];
for (let k = 0; k < KABUPATEN; k++) {
  for (let o = 0; o < OPD_PER_KAB; o++) {
    const seed = k * OPD_PER_KAB + o + 1;
    models.push(
      buildLkjip(
        syntheticLkjipData(seed, {
          regionCode: `18.${String(k + 1).padStart(2, '0')}`,
          sasaran: 2 + (seed % 4),
          ikuPerSasaran: 1 + (seed % 3),
          programsPerSasaran: 1 + (seed % 3),
        }),
      ),
    );
  }
}
const buildMs = performance.now() - t;
const step = TOTAL / sample;
const picked = Array.from({ length: sample }, (_, i) => models[Math.floor(i * step)]!);

// Warm-up (font parsing, JIT) outside the measurement.
await renderDocx(models[0]!);
await renderPdf(models[0]!);

async function measure(name: string, render: (m: LkjipDocument) => Promise<Buffer>) {
  let bytes = 0;
  t = performance.now();
  for (const m of picked) bytes += (await render(m)).length;
  const ms = performance.now() - t;
  const perSec = (sample * 1000) / ms;
  return {
    name,
    perSec,
    msEach: ms / sample,
    avgKb: bytes / sample / 1024,
    fullMin: TOTAL / perSec / 60,
  };
}

const docx = await measure('DOCX', renderDocx);
const pdf = await measure('PDF', renderPdf);
const both = 1 / (1 / docx.perSec + 1 / pdf.perSec);
console.log(
  `LKjIP rendering — synthetic province ${KABUPATEN} × ${OPD_PER_KAB} = ${TOTAL} OPDs; ${sample} reports per format measured; one process, one core (${cpus()[0]?.model ?? 'cpu'}, ${cpus().length} cores)`,
);
console.log(
  `model build (all ${TOTAL}): ${buildMs.toFixed(0)} ms (${((TOTAL * 1000) / buildMs).toFixed(0)}/s)`,
);
for (const r of [docx, pdf])
  console.log(
    `${r.name.padEnd(5)} ${r.perSec.toFixed(2)} reports/s · ${r.msEach.toFixed(0)} ms each · ${r.avgKb.toFixed(0)} KiB avg · ${TOTAL} reports ≈ ${r.fullMin.toFixed(1)} min`,
  );
console.log(
  `DOCX+PDF per report: ${both.toFixed(2)}/s · ${TOTAL} OPDs ≈ ${(TOTAL / both / 60).toFixed(1)} min on one worker (target < 15 min); with REPORTER_CONCURRENCY spread over N processes divide by N`,
);
