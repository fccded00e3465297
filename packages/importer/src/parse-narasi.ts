import { readTemplateSheet, RowKeys } from './read-rows';
import { Problems, Progress } from './table';
import type { NarasiDocument, NarrativeRow } from './types';
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
 * the sasaran exists in the plan in force is checked against the database by the application.
 */
export function parseNarasi(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): NarasiDocument | null {
  const rows = readTemplateSheet(sheets, 'narasi', 'Narasi', problems, progress);
  if (!rows) return null;
  const out: NarrativeRow[] = [];
  const keys = new RowKeys('kode_sasaran', (row) => {
    const what = `${row.text('kode_sasaran')} ${row.text('tahun')}`;
    return { id: `Narasi ${what}`, en: `narrative of ${what}` };
  });
  for (const row of rows) {
    const opdId = row.get('id_opd', 'opd_id');
    const sasaranCode = row.get('kode_sasaran', 'text');
    const year = row.get('tahun', 'year');
    const text = { faktorPendukung: '', faktorPenghambat: '', solusi: '' };
    for (const [column, field] of FIELDS) {
      const v = row.text(column);
      const length = [...v].length;
      if (length > MAX_CHARS)
        row.problem(
          column,
          `Teks terlalu panjang: ${length} karakter (maksimal ${MAX_CHARS}) / text too long: ${length} characters (at most ${MAX_CHARS})`,
        );
      text[field] = v;
    }
    if (FIELDS.every(([, f]) => text[f] === ''))
      row.problem(
        'faktor_pendukung',
        'Isi paling sedikit satu: faktor_pendukung, faktor_penghambat atau solusi / fill in at least one of faktor_pendukung, faktor_penghambat or solusi',
      );
    if (!row.valid || opdId === null || sasaranCode === null || year === null) continue;
    if (!keys.first(row, [opdId, sasaranCode, year])) continue;
    out.push({ opdId, sasaranCode, year, ...text, source: row.ctx.source });
  }
  return { kind: 'narasi', rows: out };
}
