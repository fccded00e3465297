import { NARASI } from './templates';
import { firstOccurrence, opdIdOf } from './row-checks';
import { Problems, Progress, Table } from './table';
import type { NarasiDocument, NarrativeRow } from './types';
import { parseYearCell } from './values';
import type { SheetData } from './workbook';

/** Domain NARRATIVE_MAX_CHARS (realizations/narrative.decider.ts). */
const MAX_CHARS = 10_000;
const FIELDS = [
  ['faktor_pendukung', 'faktorPendukung'],
  ['faktor_penghambat', 'faktorPenghambat'],
  ['solusi', 'solusi'],
] as const;

/**
 * Analisis capaian per sasaran and year (faktor pendukung, faktor penghambat, solusi). Whether
 * the sasaran exists in the plan in force is checked by the lead.
 */
export function parseNarasi(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): NarasiDocument | null {
  const sheet = sheets.get('narasi');
  if (!sheet) return null;
  const t = new Table(sheet, NARASI, problems);
  const rows: NarrativeRow[] = [];
  const seen = new Map<string, number>();
  const opdIds = new Map<string, boolean>();
  for (const r of t.rows) {
    progress.tick();
    const ctx = t.row(r);
    const opdId = opdIdOf(ctx, opdIds);
    const sasaranCode = ctx.required('kode_sasaran');
    const year = ctx.parse('tahun', parseYearCell);
    const text = { faktorPendukung: '', faktorPenghambat: '', solusi: '' };
    let valid = true;
    for (const [column, field] of FIELDS) {
      const v = ctx.text(column);
      const length = [...v].length;
      if (length > MAX_CHARS) {
        ctx.problem(
          column,
          `Teks terlalu panjang: ${length} karakter (maksimal ${MAX_CHARS}) / text too long: ${length} characters (at most ${MAX_CHARS})`,
        );
        valid = false;
      }
      text[field] = v;
    }
    if (FIELDS.every(([, f]) => text[f] === '')) {
      ctx.problem(
        'faktor_pendukung',
        'Isi paling sedikit satu: faktor_pendukung, faktor_penghambat atau solusi / fill in at least one of faktor_pendukung, faktor_penghambat or solusi',
      );
      valid = false;
    }
    if (!valid || opdId === null || sasaranCode === null || year === null) continue;
    const key = [opdId, sasaranCode, year].join('\u0000');
    if (
      !firstOccurrence(
        seen,
        key,
        ctx,
        'kode_sasaran',
        `Narasi ${sasaranCode} ${year}`,
        `narrative of ${sasaranCode} ${year}`,
      )
    )
      continue;
    rows.push({ opdId, sasaranCode, year, ...text, source: ctx.source });
  }
  return { kind: 'narasi', rows };
}
