import { isOpdId } from '@sakip/domain';
import { ANGGARAN } from './templates';
import { Problems, Progress, Table } from './table';
import {
  BUDGET_STAGES,
  type AnggaranDocument,
  type BudgetStage,
  type BudgetStageDocument,
} from './types';
import { parseAmountCell, parseDateCell, parseEnumCell, parseYearCell } from './values';
import type { SheetData } from './workbook';

const STAGE_MAP: Record<string, BudgetStage> = Object.fromEntries(BUDGET_STAGES.map((s) => [s, s]));
const KEMENDAGRI_CODE = /^[0-9A-Z]+(\.[0-9A-Z]+)*$/;

export function parseAnggaran(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): AnggaranDocument | null {
  const sheet = sheets.get('anggaran');
  if (!sheet) return null;
  const t = new Table(sheet, ANGGARAN, problems);
  const stages = new Map<string, BudgetStageDocument>();
  const lineKeys = new Map<string, number>();
  for (const r of t.rows) {
    progress.tick();
    const ctx = t.row(r);
    const opdId = ctx.required('id_opd');
    let valid = true;
    if (opdId !== null && !isOpdId(opdId)) {
      ctx.problem(
        'id_opd',
        `ID OPD '${opdId}' tidak valid (format 18.04-DISKOPERINDAG) / invalid OPD id '${opdId}'`,
      );
      valid = false;
    }
    const year = ctx.parse('tahun', parseYearCell);
    const stage = ctx.parse('tahap', (c) => parseEnumCell(c, STAGE_MAP, BUDGET_STAGES));
    const documentRef = ctx.required('dokumen');
    const date = ctx.parse('tanggal', parseDateCell);
    const programCode = ctx.required('kode_program');
    const kegiatanCode = ctx.optional('kode_kegiatan');
    const subKegiatanCode = ctx.optional('kode_sub_kegiatan');
    const amount = ctx.parse('pagu', (c) => parseAmountCell(c));
    const fundingSource = ctx.optional('sumber_dana');
    if (subKegiatanCode !== null && kegiatanCode === null) {
      ctx.problem(
        'kode_kegiatan',
        `Wajib diisi bila kode_sub_kegiatan diisi / required when kode_sub_kegiatan is filled`,
      );
      valid = false;
    }
    // Kemendagri numeric codes nest: a kegiatan code starts with its program code, a sub kegiatan with its kegiatan code.
    const nests = (child: string | null, parent: string | null, column: string) => {
      if (child === null || parent === null) return;
      if (
        KEMENDAGRI_CODE.test(child) &&
        KEMENDAGRI_CODE.test(parent) &&
        !child.startsWith(`${parent}.`)
      ) {
        ctx.problem(
          column,
          `Kode '${child}' tidak berada di bawah '${parent}' / code '${child}' does not start with '${parent}.'`,
        );
        valid = false;
      }
    };
    nests(kegiatanCode, programCode, 'kode_kegiatan');
    nests(subKegiatanCode, kegiatanCode, 'kode_sub_kegiatan');
    if (
      !valid ||
      opdId === null ||
      year === null ||
      stage === null ||
      documentRef === null ||
      date === null ||
      programCode === null ||
      amount === null
    )
      continue;
    const stageKey = [opdId, year, stage, documentRef].join('\u0000');
    let doc = stages.get(stageKey);
    if (doc === undefined) {
      doc = { opdId, year, stage, documentRef, date, lines: [], source: ctx.source };
      stages.set(stageKey, doc);
    } else if (doc.date !== date) {
      ctx.problem(
        'tanggal',
        `Tanggal ${date} berbeda dengan baris ${doc.source.row} (${doc.date}) untuk dokumen yang sama / date ${date} differs from row ${doc.source.row} (${doc.date}) for the same document`,
      );
      continue;
    }
    const lineKey = [stageKey, programCode, kegiatanCode ?? '', subKegiatanCode ?? ''].join(
      '\u0000',
    );
    const first = lineKeys.get(lineKey);
    if (first !== undefined) {
      ctx.problem(
        'kode_program',
        `Baris anggaran ganda (sama dengan baris ${first}) / duplicate budget line (same as row ${first})`,
      );
      continue;
    }
    lineKeys.set(lineKey, r.row);
    doc.lines.push({
      programCode,
      kegiatanCode,
      subKegiatanCode,
      amount,
      fundingSource,
      source: ctx.source,
    });
  }
  return { kind: 'anggaran', stages: [...stages.values()] };
}
