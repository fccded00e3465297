// @sakip/importer: parses the SAKIP import templates (XLSX workbooks or CSV sheets) into
// domain-shaped documents, collecting every row-level problem. All-or-nothing: a result with
// problems carries no document. Database cross-checks (unknown OPD, decree number already used,
// unknown jabatan or indicator) are the caller's job. See docs/import-template.md.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseAnggaran } from './parse-anggaran';
import { parseNarasi } from './parse-narasi';
import { parseRealisasi } from './parse-realisasi';
import { parseSerapan } from './parse-serapan';
import { parseOrganisasi } from './parse-organisasi';
import { parsePk } from './parse-pk';
import { parseSk } from './parse-sk';
import { parseTargets } from './parse-target';
import { Problems, Progress } from './table';
import { TEMPLATE_SHEETS } from './templates';
import {
  IMPORT_KINDS,
  type ImportDocument,
  type ImportKind,
  type ParseOptions,
  type ParseResult,
} from './types';
import { normalizeKey } from './values';
import { readCsv, readXlsx, type SheetData, type WorkbookData } from './workbook';

export * from './types';
export type * from './plan-types';
export { parseFormulaText, formatFormula } from './formula-syntax';
export {
  parseTargetCell,
  parseDateCell,
  parseNumberCell,
  parsePeriodCell,
  parseInputsCell,
  parseRupiahCell,
} from './values';
export { TEMPLATE_SHEETS } from './templates';

const KIND_PREFIX = /^(organisasi|sk|pk|anggaran|target|realisasi|narasi|serapan)(?=$|[-_. ])/i;
/** Sheets that are never data: instructions, notes. */
const IGNORED_SHEET = /^(petunjuk|catatan|keterangan|readme|_|#)/;

function kindFromName(name: string): ImportKind | null {
  const m = KIND_PREFIX.exec(basename(name).toLowerCase());
  return m ? (m[1] as ImportKind) : null;
}

function parseMarker(marker: string | null): {
  kind: ImportKind | null;
  sheet: string | null;
  bad: boolean;
} {
  if (marker === null) return { kind: null, sheet: null, bad: false };
  const [k = '', s] = marker.split('/').map((x) => x.trim());
  const kind = (IMPORT_KINDS as readonly string[]).includes(k) ? (k as ImportKind) : null;
  return { kind, sheet: s === undefined || s === '' ? null : normalizeKey(s), bad: kind === null };
}

function kindFromSheets(names: Set<string>): ImportKind | null {
  if (names.has('pk')) return 'pk';
  if (names.has('sk') || names.has('renstra') || names.has('indikator')) return 'sk';
  if (['wilayah', 'opd', 'unit', 'jabatan'].some((n) => names.has(n))) return 'organisasi';
  if (names.has('anggaran')) return 'anggaran';
  if (names.has('target')) return 'target';
  if (names.has('realisasi') || names.has('pembanding')) return 'realisasi';
  if (names.has('narasi')) return 'narasi';
  if (names.has('serapan')) return 'serapan';
  return null;
}

function fail(
  kind: ImportKind | null,
  problems: Problems | { sheet: string; row: number; column: string; message: string }[],
  rowCount = 0,
): ParseResult<ImportDocument> {
  return {
    ok: false,
    kind,
    problems: Array.isArray(problems) ? problems : problems.list,
    rowCount,
  };
}

export async function parseImportFile(
  path: string,
  opts: ParseOptions = {},
): Promise<ParseResult<ImportDocument>> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    return fail(null, [
      {
        sheet: '',
        row: 0,
        column: '',
        message: `Berkas tidak dapat dibuka / cannot open file: ${(e as Error).message}`,
      },
    ]);
  }
  return parseImportBuffer(buf, basename(path), opts);
}

export async function parseImportBuffer(
  buf: Buffer,
  fileName: string,
  opts: ParseOptions = {},
): Promise<ParseResult<ImportDocument>> {
  const ext = extname(fileName).toLowerCase();
  const onRead = opts.onProgress
    ? (done: number, total: number) => opts.onProgress?.({ phase: 'read', done, total })
    : undefined;
  let wb: WorkbookData;
  try {
    if (ext === '.xlsx' || ext === '.xlsm') wb = await readXlsx(buf, onRead);
    else if (ext === '.csv' || ext === '.tsv' || ext === '.txt') wb = readCsv(buf, '', onRead);
    else {
      return fail(null, [
        {
          sheet: '',
          row: 0,
          column: '',
          message: `Format berkas '${ext || fileName}' tidak didukung, gunakan .xlsx atau .csv / unsupported file type '${ext || fileName}', use .xlsx or .csv`,
        },
      ]);
    }
  } catch (e) {
    return fail(null, [
      {
        sheet: '',
        row: 0,
        column: '',
        message: `Berkas tidak dapat dibaca sebagai ${ext === '.xlsx' ? 'XLSX' : 'CSV'} / the file cannot be read: ${(e as Error).message}`,
      },
    ]);
  }

  const problems = new Problems();
  const marker = parseMarker(wb.marker);
  if (marker.bad) {
    problems.add(
      wb.sheets[0]?.name ?? '',
      1,
      '',
      `Penanda '#template: ${wb.marker}' tidak dikenal; gunakan ${IMPORT_KINDS.join(', ')} / unknown template marker '${wb.marker}'`,
    );
    return fail(null, problems);
  }

  // --- which template, which sheets -------------------------------------------------------
  let kind: ImportKind | null;
  const sheets = new Map<string, SheetData>();
  if (wb.format === 'csv') {
    kind = marker.kind ?? kindFromName(fileName);
    if (kind === null) {
      problems.add(
        '',
        0,
        '',
        `Jenis impor tidak diketahui: tulis '#template: <jenis>' di baris pertama atau awali nama berkas dengan ${IMPORT_KINDS.join('-, ')}- / unknown import kind: put '#template: <kind>' on the first line or start the file name with the kind`,
      );
      return fail(null, problems);
    }
    const defs = TEMPLATE_SHEETS[kind];
    let sheetKey = marker.sheet;
    if (sheetKey === null) {
      if (defs.length === 1) sheetKey = normalizeKey(defs[0]?.name ?? '');
      else {
        const tokens = basename(fileName, ext)
          .toLowerCase()
          .split(/[-_. ]+/)
          .slice(1);
        sheetKey = defs.map((d) => normalizeKey(d.name)).find((n) => tokens.includes(n)) ?? null;
        // No sheet named: a template with a single required sheet (realisasi) means that one.
        const required = defs.filter((d) => d.required);
        if (sheetKey === null && required.length === 1)
          sheetKey = normalizeKey(required[0]?.name ?? '');
      }
    }
    const def = defs.find((d) => normalizeKey(d.name) === sheetKey);
    if (!def) {
      problems.add(
        '',
        0,
        '',
        `CSV untuk '${kind}' harus menyebut sheet: '#template: ${kind}/<Sheet>' (${defs.map((d) => d.name).join(', ')}) / a CSV for '${kind}' must name its sheet`,
      );
      return fail(kind, problems);
    }
    const sheet = wb.sheets[0] ?? { name: def.name, rows: [] };
    sheets.set(normalizeKey(def.name), { ...sheet, name: def.name });
  } else {
    const names = new Set(wb.sheets.map((s) => normalizeKey(s.name)));
    kind = marker.kind ?? kindFromSheets(names) ?? kindFromName(fileName);
    if (kind === null) {
      problems.add(
        '',
        0,
        '',
        `Jenis impor tidak dikenali dari nama sheet (${wb.sheets.map((s) => s.name).join(', ')}) / cannot tell the import kind from the sheet names`,
      );
      return fail(null, problems);
    }
    const allowed = new Set(TEMPLATE_SHEETS[kind].map((d) => normalizeKey(d.name)));
    for (const s of wb.sheets) {
      const key = normalizeKey(s.name);
      if (IGNORED_SHEET.test(key)) continue;
      if (!allowed.has(key)) {
        if (s.rows.length > 0)
          problems.add(
            s.name,
            0,
            '',
            `Sheet '${s.name}' bukan bagian template '${kind}' / sheet '${s.name}' is not part of the '${kind}' template`,
          );
        continue;
      }
      if (sheets.has(key)) {
        problems.add(
          s.name,
          0,
          '',
          `Sheet '${s.name}' muncul dua kali / sheet '${s.name}' appears twice`,
        );
        continue;
      }
      sheets.set(key, s);
    }
  }
  for (const d of TEMPLATE_SHEETS[kind]) {
    if (d.required && !sheets.has(normalizeKey(d.name))) {
      problems.add(
        d.name,
        0,
        '',
        `Sheet wajib '${d.name}' tidak ada / required sheet '${d.name}' is missing`,
      );
    }
  }

  // Data rows: a table's header row does not count; key/value sheets (SK, PK) count every row.
  let rowCount = 0;
  for (const [key, s] of sheets)
    rowCount += key === 'sk' || key === 'pk' ? s.rows.length : Math.max(0, s.rows.length - 1);
  if (problems.list.length > 0) return fail(kind, sortProblems(problems, kind), rowCount);

  const progress = new Progress(rowCount, opts.onProgress);
  let doc: ImportDocument | null;
  switch (kind) {
    case 'organisasi':
      doc = parseOrganisasi(sheets, problems, progress);
      break;
    case 'sk':
      doc = parseSk(sheets, problems, progress);
      break;
    case 'pk':
      doc = parsePk(sheets, problems, progress);
      break;
    case 'anggaran':
      doc = parseAnggaran(sheets, problems, progress);
      break;
    case 'target':
      doc = parseTargets(sheets, problems, progress);
      break;
    case 'realisasi':
      doc = parseRealisasi(sheets, problems, progress);
      break;
    case 'narasi':
      doc = parseNarasi(sheets, problems, progress);
      break;
    case 'serapan':
      doc = parseSerapan(sheets, problems, progress);
      break;
  }
  progress.finish();
  if (problems.list.length > 0 || doc === null) {
    if (problems.list.length === 0)
      problems.add('', 0, '', 'Berkas tidak lengkap / the file is incomplete');
    sortProblems(problems, kind);
    if (doc === null) return fail(kind, problems, rowCount);
    return { ok: false, kind, problems: problems.list, rowCount, partial: doc };
  }
  return { ok: true, kind, document: doc, rowCount };
}

/** Problems in template sheet order, then by row (stable otherwise: columns left to right as found). */
function sortProblems(problems: Problems, kind: ImportKind): Problems {
  const order = TEMPLATE_SHEETS[kind].map((d) => normalizeKey(d.name));
  const rank = (sheet: string) => {
    const i = order.indexOf(normalizeKey(sheet));
    return i < 0 ? -1 : i;
  };
  problems.list.sort((a, b) => rank(a.sheet) - rank(b.sheet) || a.row - b.row);
  return problems;
}
export { illustrativeBandarLampungPenetapan, ILLUSTRATIVE_NUMBER } from './illustrative';
export const EXAMPLES_DIR: string = new URL('../examples/', import.meta.url).pathname;
export { TEMPLATES, type TemplateDef, type SheetDef, type ColumnDef } from './templates';
export {
  writeTemplateXlsx,
  decimalCell,
  inputsCell,
  targetCell,
  type TemplateCells,
} from './write-template';
