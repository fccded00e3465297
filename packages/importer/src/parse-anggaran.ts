import { budgetCodes, readTemplateSheet, RowKeys } from './read-rows';
import { Problems, Progress } from './table';
import type { AnggaranDocument, BudgetStage, BudgetStageDocument, FundingSource } from './types';
import type { SheetData } from './workbook';

/** Budget documents: the rows of one (id_opd, tahun, tahap, dokumen) form one stage. */
export function parseAnggaran(
  sheets: Map<string, SheetData>,
  problems: Problems,
  progress: Progress,
): AnggaranDocument | null {
  const rows = readTemplateSheet(sheets, 'anggaran', 'Anggaran', problems, progress);
  if (!rows) return null;
  const stages = new Map<string, BudgetStageDocument>();
  const keys = new RowKeys('kode_program', () => ({
    id: 'Baris anggaran',
    en: 'budget line',
  }));
  for (const row of rows) {
    const { programCode, kegiatanCode, subKegiatanCode } = budgetCodes(row);
    const opdId = row.get('id_opd', 'opd_id');
    const year = row.get('tahun', 'year');
    const stage = row.get('tahap', 'enum') as BudgetStage | null;
    const documentRef = row.get('dokumen', 'text');
    const date = row.get('tanggal', 'date');
    const amount = row.get('pagu', 'amount');
    const fundingSource = row.get('sumber_dana', 'enum') as FundingSource | null;
    if (
      !row.valid ||
      opdId === null ||
      year === null ||
      stage === null ||
      documentRef === null ||
      date === null ||
      programCode === null ||
      amount === null ||
      fundingSource === null
    )
      continue;
    const stageKey = [opdId, year, stage, documentRef].join('\u0000');
    let doc = stages.get(stageKey);
    if (doc === undefined) {
      doc = { opdId, year, stage, documentRef, date, lines: [], source: row.ctx.source };
      stages.set(stageKey, doc);
    } else if (doc.date !== date) {
      row.problem(
        'tanggal',
        `Tanggal ${date} berbeda dengan baris ${doc.source.row} (${doc.date}) untuk dokumen yang sama / date ${date} differs from row ${doc.source.row} (${doc.date}) for the same document`,
      );
      continue;
    }
    const key = [stageKey, programCode, kegiatanCode, subKegiatanCode, fundingSource];
    if (!keys.first(row, key)) continue;
    doc.lines.push({
      programCode,
      kegiatanCode,
      subKegiatanCode,
      amount,
      fundingSource,
      source: row.ctx.source,
    });
  }
  return { kind: 'anggaran', stages: [...stages.values()] };
}
