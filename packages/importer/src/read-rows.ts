// The one way a table sheet of a template is read: every declared column is parsed by its cell
// type, required cells are checked, the OPD id is validated, and a row whose key repeats an
// earlier row is reported. Template parsers add only their own cross-column rules.
import { isOpdId } from '@sakip/domain';
import { sheetDef, type CellType, type ColumnDef, type SheetDef } from './templates';
import { Problems, Progress, Table, type RowCtx } from './table';
import type { ImportKind, RealizationInputs, ReportPeriod } from './types';
import {
  parseAmountCell,
  parseDateCell,
  parseEnumCell,
  parseInputsCell,
  parseNumberCell,
  parsePeriodCell,
  parseRupiahCell,
  parseTargetCell,
  parseYearCell,
  normalizeKey,
  type NumberValue,
  type Parsed,
  type TargetCell,
} from './values';
import type { Cell, SheetData } from './workbook';

interface ValueOf {
  text: string;
  opd_id: string;
  year: number;
  period: ReportPeriod;
  date: string;
  amount: string;
  rupiah: string;
  number: NumberValue;
  inputs: RealizationInputs;
  target: TargetCell;
  enum: string;
}

function parserFor(c: ColumnDef): ((cell: Cell | undefined) => Parsed<unknown>) | null {
  switch (c.type) {
    case 'text':
    case 'opd_id':
      return null;
    case 'year':
      return parseYearCell;
    case 'period':
      return parsePeriodCell;
    case 'date':
      return parseDateCell;
    case 'amount':
      return (cell) => parseAmountCell(cell);
    case 'rupiah':
      return parseRupiahCell;
    case 'number':
      return parseNumberCell;
    case 'inputs':
      return parseInputsCell;
    case 'target':
      return (cell) => parseTargetCell(cell, true);
    case 'enum': {
      const values = c.values ?? {};
      const allowed = [...new Set(Object.values(values))];
      return (cell) => parseEnumCell(cell, values, allowed);
    }
  }
}

const OPD_ID_PROBLEM = (id: string) =>
  `ID OPD '${id}' tidak valid (format 18.04-DISKOPERINDAG) / invalid OPD id '${id}'`;

/** One data row: its parsed cells (null when empty or wrong, the problem filed). */
export class ReadRow {
  constructor(
    readonly ctx: RowCtx,
    private readonly columns: ReadonlyMap<string, ColumnDef>,
    private readonly values: ReadonlyMap<string, unknown>,
    /** False when any cell of the row had a problem. */
    public valid: boolean,
  ) {}

  get<T extends CellType>(column: string, type: T): ValueOf[T] | null {
    const def = this.columns.get(column);
    if (def?.type !== type) throw new Error(`column ${column} is not of type ${type}`);
    return (this.values.get(column) as ValueOf[T] | undefined) ?? null;
  }

  /** The cell as written, '' when empty. */
  text(column: string): string {
    return this.ctx.text(column);
  }

  /** Files a problem on this row and marks it invalid. */
  problem(column: string, message: string): void {
    this.ctx.problem(column, message);
    this.valid = false;
  }
}

export interface SheetReader {
  table: Table;
  rows: ReadRow[];
}

/** Reads every data row of `sheet` by its declaration. */
export function readSheet(
  data: SheetData,
  def: SheetDef,
  problems: Problems,
  progress: Progress,
): SheetReader {
  const table = new Table(data, def.columns, problems);
  const columns = new Map(def.columns.map((c) => [c.name, c]));
  const opdIds = new Map<string, boolean>();
  const rows = table.rows.map((r) => {
    progress.tick();
    const ctx = table.row(r);
    const before = problems.list.length;
    const values = new Map<string, unknown>();
    for (const c of def.columns) {
      const parser = parserFor(c);
      if (c.required && c.missing && table.has(c.name) && ctx.text(c.name) === '') {
        ctx.problem(c.name, c.missing);
        continue;
      }
      const value = parser
        ? c.required
          ? ctx.parse(c.name, parser)
          : ctx.parseIfPresent(c.name, parser)
        : c.required
          ? ctx.required(c.name)
          : ctx.optional(c.name);
      if (value !== null && c.type === 'opd_id' && typeof value === 'string') {
        let ok = opdIds.get(value);
        if (ok === undefined) opdIds.set(value, (ok = isOpdId(value)));
        if (!ok) {
          ctx.problem(c.name, OPD_ID_PROBLEM(value));
          continue;
        }
      }
      if (value !== null) values.set(c.name, value);
    }
    // A required cell left empty only counts when its column exists (a missing column is
    // reported once, on the header).
    const missing = def.columns.some((c) => c.required && !values.has(c.name));
    return new ReadRow(ctx, columns, values, problems.list.length === before && !missing);
  });
  return { table, rows };
}

/** The rows of a template's sheet by its declaration; null when the file has no such sheet. */
export function readTemplateSheet(
  sheets: Map<string, SheetData>,
  kind: ImportKind,
  sheetName: string,
  problems: Problems,
  progress: Progress,
): ReadRow[] | null {
  const data = sheets.get(normalizeKey(sheetName));
  return data ? readSheet(data, sheetDef(kind, sheetName), problems, progress).rows : null;
}

/**
 * Reports a valid row whose key (the sheet's declared key columns, `keyOf` for normalised
 * values) repeats an earlier one; true when the row is the first with its key.
 */
export class RowKeys {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly column: string,
    private readonly label: (row: ReadRow) => { id: string; en: string },
  ) {}
  first(row: ReadRow, key: readonly unknown[]): boolean {
    const k = JSON.stringify(key);
    const at = this.seen.get(k);
    if (at !== undefined) {
      const { id, en } = this.label(row);
      row.problem(
        this.column,
        `${id} ganda (sama dengan baris ${at}) / duplicate ${en} (same as row ${at})`,
      );
      return false;
    }
    this.seen.set(k, row.ctx.rowNumber);
    return true;
  }
}

const KEMENDAGRI_CODE = /^[0-9A-Z]+(\.[0-9A-Z]+)*$/;

/**
 * Budget codes of one row (anggaran, serapan): a sub kegiatan needs its kegiatan, and numeric
 * Kemendagri codes nest (a kegiatan code starts with its program code, and so on).
 */
export function budgetCodes(row: ReadRow): {
  programCode: string | null;
  kegiatanCode: string | null;
  subKegiatanCode: string | null;
} {
  const programCode = row.get('kode_program', 'text');
  const kegiatanCode = row.get('kode_kegiatan', 'text');
  const subKegiatanCode = row.get('kode_sub_kegiatan', 'text');
  if (subKegiatanCode !== null && kegiatanCode === null)
    row.problem(
      'kode_kegiatan',
      `Wajib diisi bila kode_sub_kegiatan diisi / required when kode_sub_kegiatan is filled`,
    );
  const nests = (child: string | null, parent: string | null, column: string) => {
    if (child === null || parent === null) return;
    if (
      KEMENDAGRI_CODE.test(child) &&
      KEMENDAGRI_CODE.test(parent) &&
      !child.startsWith(`${parent}.`)
    )
      row.problem(
        column,
        `Kode '${child}' tidak berada di bawah '${parent}' / code '${child}' does not start with '${parent}.'`,
      );
  };
  nests(kegiatanCode, programCode, 'kode_kegiatan');
  nests(subKegiatanCode, kegiatanCode, 'kode_sub_kegiatan');
  return { programCode, kegiatanCode, subKegiatanCode };
}
