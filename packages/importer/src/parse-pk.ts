import { isOpdId } from '@sakip/domain';
import { PK_ANGGARAN, PK_KEYS, PK_TARGET } from './templates';
import { KeyValueSheet, Problems, Progress, Table, UniqueKeys } from './table';
import type { PkBudget, PkDocument, PkTarget } from './types';
import {
  parseAmountCell,
  parseDateCell,
  parseNipCell,
  parseTargetCell,
  parseYearCell,
} from './values';
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

  const tt = new Table(targetSheet, PK_TARGET, problems);
  const targets: PkTarget[] = [];
  const codes = new UniqueKeys();
  for (const r of tt.rows) {
    progress.tick();
    const ctx = tt.row(r);
    const indicatorCode = ctx.required('kode_indikator');
    if (
      indicatorCode !== null &&
      !codes.check(ctx, indicatorCode, 'kode_indikator', 'kode_indikator')
    )
      continue;
    // Range targets need the indicator's polarity, which lives in the database: accepted here,
    // checked by the lead.
    const t = ctx.parse('target', (c) => parseTargetCell(c, true));
    const satuanHitung = ctx.optional('satuan_hitung');
    if (t === null || indicatorCode === null) continue;
    if (t.unit !== undefined && satuanHitung !== null && t.unit !== satuanHitung) {
      ctx.problem(
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
      source: ctx.source,
    });
  }

  const budgets: PkBudget[] = [];
  const anggaran = sheets.get('anggaran');
  if (anggaran) {
    const at = new Table(anggaran, PK_ANGGARAN, problems);
    const programs = new UniqueKeys();
    for (const r of at.rows) {
      progress.tick();
      const ctx = at.row(r);
      const programCode = ctx.required('kode_program');
      if (programCode !== null && !programs.check(ctx, programCode, 'kode_program', 'kode_program'))
        continue;
      const amount = ctx.parse('pagu', (c) => parseAmountCell(c));
      if (programCode !== null && amount !== null)
        budgets.push({ programCode, amount, source: ctx.source });
    }
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
