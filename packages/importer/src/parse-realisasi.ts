import { PEMBANDING, REALISASI } from './templates';
import { firstOccurrence, opdIdOf } from './row-checks';
import { Problems, Progress, Table } from './table';
import type { ComparisonRow, RealisasiDocument, RealizationRow } from './types';
import {
  parseEnumCell,
  parseInputsCell,
  parseNumberCell,
  parsePeriodCell,
  parseYearCell,
} from './values';
import type { SheetData } from './workbook';

const SCOPE_MAP: Record<string, 'province' | 'national'> = {
  provinsi: 'province',
  province: 'province',
  nasional: 'national',
  national: 'national',
};

/**
 * Realizations (realisasi kinerja) per indicator and period, with their evidence, and the
 * optional comparison figures. Whether the OPD and indicator exist, the inputs fit the
 * indicator's formula, a typed value agrees with the inputs, and '%' matches the satuan is
 * checked by the lead (domain resolveRealizationValue): every row carries `percent`.
 */
export function parseRealisasi(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): RealisasiDocument | null {
  const sheet = sheets.get('realisasi');
  if (!sheet) return null;
  const t = new Table(sheet, REALISASI, problems);
  const rows: RealizationRow[] = [];
  const seen = new Map<string, number>();
  const opdIds = new Map<string, boolean>();
  for (const r of t.rows) {
    progress.tick();
    const ctx = t.row(r);
    const opdId = opdIdOf(ctx, opdIds);
    const indicatorCode = ctx.required('kode_indikator');
    const year = ctx.parse('tahun', parseYearCell);
    const period = ctx.parse('periode', parsePeriodCell);
    const hasValue = ctx.text('nilai') !== '';
    const hasInputs = ctx.text('input') !== '';
    const value = ctx.parseIfPresent('nilai', parseNumberCell);
    const inputs = ctx.parseIfPresent('input', parseInputsCell);
    let valid = true;
    if (!hasValue && !hasInputs) {
      ctx.problem(
        'nilai',
        `Isi nilai realisasi atau input rumusnya / enter the realization value or the inputs of its formula`,
      );
      valid = false;
    }
    const documentRef = ctx.text('dokumen');
    const dataSource = ctx.text('sumber_data');
    if (documentRef === '' && t.has('dokumen')) {
      ctx.problem(
        'dokumen',
        'Bukti dukung: dokumen sumber wajib diisi / evidence: the source document is required',
      );
    }
    if (dataSource === '' && t.has('sumber_data')) {
      ctx.problem(
        'sumber_data',
        'Bukti dukung: sumber data wajib diisi / evidence: the data source is required',
      );
    }
    if (
      !valid ||
      opdId === null ||
      indicatorCode === null ||
      year === null ||
      period === null ||
      (hasValue && value === null) ||
      (hasInputs && inputs === null) ||
      documentRef === '' ||
      dataSource === ''
    )
      continue;
    const key = [opdId, indicatorCode, year, period].join('\u0000');
    if (
      !firstOccurrence(
        seen,
        key,
        ctx,
        'periode',
        `Realisasi ${indicatorCode} ${year} ${period}`,
        `realization of ${indicatorCode} ${year} ${period}`,
      )
    )
      continue;
    rows.push({
      opdId,
      indicatorCode,
      year,
      period,
      value: value?.value ?? null,
      percent: value?.percent ?? false,
      inputs,
      evidence: { documentRef, dataSource, attachment: null },
      note: ctx.optional('catatan'),
      source: ctx.source,
    });
  }

  const comparisons: ComparisonRow[] = [];
  const cmpSheet = sheets.get('pembanding');
  if (cmpSheet) {
    const c = new Table(cmpSheet, PEMBANDING, problems);
    const cmpSeen = new Map<string, number>();
    for (const r of c.rows) {
      progress.tick();
      const ctx = c.row(r);
      const scope = ctx.parse('cakupan', (x) =>
        parseEnumCell(x, SCOPE_MAP, ['provinsi', 'nasional']),
      );
      const code = ctx.text('kode_wilayah');
      let valid = true;
      if (scope === 'province' && !/^\d{2}$/.test(code)) {
        ctx.problem(
          'kode_wilayah',
          `Kode provinsi '${code}' harus 2 angka (mis. 18) / province code '${code}' must be 2 digits (e.g. 18)`,
        );
        valid = false;
      }
      if (scope === 'national' && code !== '') {
        ctx.problem(
          'kode_wilayah',
          `Angka nasional tidak memakai kode wilayah: kosongkan '${code}' / national figures take no region code: leave '${code}' empty`,
        );
        valid = false;
      }
      const indicatorKey = ctx.required('kunci_indikator');
      const year = ctx.parse('tahun', parseYearCell);
      const value = ctx.parse('nilai', parseNumberCell);
      const dataSource = ctx.required('sumber');
      if (
        !valid ||
        scope === null ||
        indicatorKey === null ||
        year === null ||
        value === null ||
        dataSource === null
      )
        continue;
      const key = [scope, code, indicatorKey, year].join('\u0000');
      const where = scope === 'national' ? 'nasional' : `provinsi ${code}`;
      if (
        !firstOccurrence(
          cmpSeen,
          key,
          ctx,
          'kunci_indikator',
          `Angka pembanding ${indicatorKey} ${year} ${where}`,
          `comparison figure ${indicatorKey} ${year} ${scope === 'national' ? 'national' : `province ${code}`}`,
        )
      )
        continue;
      comparisons.push({
        scope,
        code,
        indicatorKey,
        year,
        value: value.value,
        percent: value.percent,
        dataSource,
        source: ctx.source,
      });
    }
  }
  return { kind: 'realisasi', rows, comparisons };
}
