import ExcelJS from 'exceljs';
import {
  parseImportBuffer,
  type ImportDocument,
  type ImportProblem,
  type ParseResult,
} from '../src/index';

export type CellSpec = string | number | Date | null | { value: number | Date; numFmt: string };

/** Builds an XLSX in memory: sheet name → rows of cells. */
export async function xlsx(sheets: Record<string, CellSpec[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((row, r) => {
      row.forEach((spec, c) => {
        if (spec === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof spec === 'object' && !(spec instanceof Date)) {
          cell.value = spec.value;
          cell.numFmt = spec.numFmt;
        } else cell.value = spec;
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function parseXlsx(
  sheets: Record<string, CellSpec[][]>,
  name = 'import.xlsx',
): Promise<ParseResult<ImportDocument>> {
  return parseImportBuffer(await xlsx(sheets), name);
}

export function ok<K extends ImportDocument['kind']>(
  r: ParseResult<ImportDocument>,
  kind: K,
): Extract<ImportDocument, { kind: K }> {
  if (!r.ok)
    throw new Error(
      `expected ok, got problems:\n${r.problems.map((p) => `${p.sheet}!${p.row} ${p.column}: ${p.message}`).join('\n')}`,
    );
  if (r.document.kind !== kind) throw new Error(`expected ${kind}, got ${r.document.kind}`);
  return r.document as Extract<ImportDocument, { kind: K }>;
}

export function problems(r: ParseResult<ImportDocument>): ImportProblem[] {
  if (r.ok) throw new Error('expected problems, the file parsed');
  return r.problems;
}

/** [sheet, row, column] triples, for compact assertions. */
export const where = (ps: ImportProblem[]): string[] =>
  ps.map((p) => `${p.sheet}!${p.row}:${p.column}`);

export const SK_SHEET: CellSpec[][] = [
  ['kolom', 'nilai'],
  ['id_opd', '18.04-DISKOPERINDAG'],
  ['nomor', '050/18/KPTS/III.06/1/2023'],
  ['judul', 'Penetapan IKU dan IKI'],
  ['tanggal', '4 Januari 2023'],
  ['tempat', 'Liwa'],
  ['penandatangan', 'AKSANI, SP., M.Si'],
  ['nip', null],
  ['jabatan_penandatangan', 'Pengguna Anggaran'],
  ['jenis', 'penetapan'],
  ['periode_awal', 2023],
  ['periode_akhir', 2024],
  ['dasar_hukum', '1. Undang-Undang Nomor 23 Tahun 2014'],
  ['dasar_hukum', '2. Peraturan Pemerintah Nomor 8 Tahun 2006'],
];

export const RENSTRA_SHEET: CellSpec[][] = [
  ['kode', 'tingkat', 'nama', 'kode_induk'],
  ['SS-1', 'sasaran', 'Meningkatnya Kualitas Koperasi', null],
  ['SS-2', 'Sasaran', 'Meningkatnya PDRB Sektor Perdagangan', null],
  ['PRG-1', 'program', 'Program Pengawasan Koperasi', 'SS-1'],
];

export const INDIKATOR_HEADER: CellSpec[] = [
  'kode',
  'jenis',
  'kode_elemen',
  'kode_jabatan',
  'nama',
  'formula',
  'satuan',
  'polaritas',
  'target_2023',
  'target_2024',
];
