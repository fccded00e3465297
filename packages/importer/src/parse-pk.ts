import { isOpdId } from '@sakip/domain';
import { PK_KEYS } from './templates';
import { readTemplateSheet, RowKeys } from './read-rows';
import { KeyValueSheet, Problems, Progress } from './table';
import type { PkBudget, PkDocument, PkTarget } from './types';
import { parseDateCell, parseNipCell, parseYearCell } from './values';
import type { SheetData } from './workbook';

export function parsePk(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): PkDocument | null {
  const pkSheet = sheets.get('pk');
  const targetSheet = sheets.get('target');
  if (!pkSheet || !targetSheet) return null;
  const kv = new KeyValueSheet(pkSheet, PK_KEYS, [], problems);
  const opdId = kv.required('id_opd');
  if (opdId !== null && !isOpdId(opdId))
    kv.problem(
      'id_opd',
      `ID OPD '${opdId}' tidak valid (format 18.04-DISKOPERINDAG) / invalid OPD id '${opdId}'`,
    );
  const year = kv.parse('tahun', parseYearCell);
  const positionCode = kv.required('kode_jabatan');
  const party = (prefix: string) => {
    const name = kv.required(`${prefix}_nama`);
    const nip = kv.parseIfPresent(`${prefix}_nip`, parseNipCell);
    const position = kv.required(`${prefix}_jabatan`);
    return name === null || position === null ? null : { name, nip, position };
  };
  const firstParty = party('pihak_pertama');
  const secondParty = party('pihak_kedua');
  const date = kv.parse('tanggal', parseDateCell);
  const revisionReason = kv.optional('alasan_perubahan');

  // Range targets need the indicator's polarity, which lives in the database: accepted here,
  // checked by the application.
  const targets: PkTarget[] = [];
  const targetKeys = new RowKeys('kode_indikator', (row) => ({
    id: `Target ${row.text('kode_indikator')}`,
    en: `target of ${row.text('kode_indikator')}`,
  }));
  for (const row of readTemplateSheet(sheets, 'pk', 'Target', problems, progress) ?? []) {
    const indicatorCode = row.get('kode_indikator', 'text');
    const t = row.get('target', 'target');
    const satuanHitung = row.get('satuan_hitung', 'text');
    if (indicatorCode !== null && !targetKeys.first(row, [indicatorCode])) continue;
    if (!row.valid || t === null || indicatorCode === null) continue;
    if (t.unit !== undefined && satuanHitung !== null && t.unit !== satuanHitung) {
      row.problem(
        'satuan_hitung',
        `Satuan '${t.unit}' di sel target berbeda dengan satuan_hitung '${satuanHitung}' / unit '${t.unit}' in the target cell differs from satuan_hitung '${satuanHitung}'`,
      );
      continue;
    }
    targets.push({
      indicatorCode,
      value: t.value,
      min: t.min ?? null,
      max: t.max ?? null,
      unit: satuanHitung ?? t.unit ?? null,
      text: t.text ?? null,
      percent: t.percent,
      source: row.ctx.source,
    });
  }

  const budgets: PkBudget[] = [];
  const programKeys = new RowKeys('kode_program', (row) => ({
    id: `Pagu program ${row.text('kode_program')}`,
    en: `budget of program ${row.text('kode_program')}`,
  }));
  for (const row of readTemplateSheet(sheets, 'pk', 'Anggaran', problems, progress) ?? []) {
    const programCode = row.get('kode_program', 'text');
    const amount = row.get('pagu', 'amount');
    if (programCode !== null && !programKeys.first(row, [programCode])) continue;
    if (row.valid && programCode !== null && amount !== null)
      budgets.push({ programCode, amount, source: row.ctx.source });
  }

  if (
    opdId === null ||
    year === null ||
    positionCode === null ||
    firstParty === null ||
    secondParty === null ||
    date === null
  )
    return null;
  return {
    kind: 'pk',
    opdId,
    year,
    positionCode,
    firstParty,
    secondParty,
    date,
    revisionReason,
    targets,
    budgets,
    source: { sheet: kv.sheet, row: kv.firstRow },
  };
}
