import { connect } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import type { Config } from '@sakip/config';
import { InputError } from '../parse-input';
import { formatProgress, generateSynthetic, type SyntheticSummary } from '../synthetic/generate';
import { NATIONAL, type SyntheticArgs } from '../synthetic/shape';

export { generateSynthetic } from '../synthetic/generate';
export { expectedCounts, NATIONAL, resolveShape, type SyntheticArgs } from '../synthetic/shape';

/** Raw commander options (strings, except the --quarters / --no-quarters flag). */
export interface SyntheticOptions {
  provinces: string;
  kabupaten: string;
  opds: string;
  indicators: string;
  years: string;
  startYear: string;
  quarters: boolean;
  revisions: string;
  concurrency: string;
  scale: string;
  seed: string;
}

export const SYNTHETIC_HELP = `
Writes a deterministic, domain-shaped national dataset straight into the event store
(DATABASE_URL, migrated with \`sakip db migrate\`): regions with Kemendagri codes (PP, PP.KK,
kota from 71), OPDs (PP.KK-OPD<n>) with units and positions, per OPD a plan stream with a
penetapan SK and --revisions perubahan SKs, a KADIS PK per year, and per indicator and year
a realization stream recorded, submitted and verified (TW1–TW4 or YEAR).

The same arguments always give the same events; a second run into the same database replays
(no duplicates), so an interrupted run can simply be started again.

--scale multiplies provinces, kabupaten, OPDs and indicators (each at least 1); years,
quarters and revisions keep their values. Progress goes to stderr, a JSON summary to stdout.

WARNING: the default is the full national shape (38 provinces, 514 kabupaten/kota, 40 OPDs
each, 150 indicators, 5 years, quarterly, 1 revision): about 20,560 OPDs, 15.4 million
realization streams and ~1.9×10^8 events (~10^8 order), hundreds of GB in PostgreSQL. It
needs a large, dedicated database and hours to days; try --scale 0.01 first.`;

function num(name: string, raw: string, errors: string[]): number {
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v))
    errors.push(`${name}: bukan angka / not a number '${raw}'`);
  return v;
}

export function parseSyntheticOptions(o: SyntheticOptions): SyntheticArgs {
  const errors: string[] = [];
  const args: SyntheticArgs = {
    provinces: num('provinces', o.provinces, errors),
    kabupaten: num('kabupaten', o.kabupaten, errors),
    opds: num('opds', o.opds, errors),
    indicators: num('indicators', o.indicators, errors),
    years: num('years', o.years, errors),
    startYear: num('start-year', o.startYear, errors),
    quarters: o.quarters,
    revisions: num('revisions', o.revisions, errors),
    concurrency: num('concurrency', o.concurrency, errors),
    scale: num('scale', o.scale, errors),
    seed: o.seed,
  };
  if (errors.length) throw new InputError(errors);
  return args;
}

export async function synthetic(
  config: Pick<Config, 'DATABASE_URL'>,
  args: SyntheticArgs,
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<SyntheticSummary> {
  let summary: SyntheticSummary;
  const sql = connect(config.DATABASE_URL, {
    max: Math.max(1, args.concurrency),
    applicationName: 'sakip-synthetic',
  });
  try {
    summary = await generateSynthetic(new EventStore(sql), args, {
      onProgress: (p) => io.err(formatProgress(p)),
    });
  } catch (err) {
    if (err instanceof RangeError) throw new InputError([err.message]);
    throw err;
  } finally {
    await sql.end({ timeout: 5 });
  }
  io.out(JSON.stringify(summary, null, 2));
  return summary;
}

export const SYNTHETIC_DEFAULTS = {
  provinces: String(NATIONAL.provinces),
  kabupaten: String(NATIONAL.kabupaten),
  opds: String(NATIONAL.opds),
  indicators: String(NATIONAL.indicators),
  years: String(NATIONAL.years),
  startYear: String(NATIONAL.startYear),
  revisions: String(NATIONAL.revisions),
  concurrency: String(NATIONAL.concurrency),
  scale: String(NATIONAL.scale),
  seed: NATIONAL.seed,
} as const;
