// Header matching, required columns/cells and problem collection for one sheet.
import type { ImportProblem, ProgressEvent, SourceRef } from './types';
import { cellText, normalizeKey, type Parsed } from './values';
import type { Cell, SheetData, SheetRow } from './workbook';

export interface ColumnDef {
  name: string;
  required: boolean;
}

export class Problems {
  readonly list: ImportProblem[] = [];
  add(sheet: string, row: number, column: string, message: string): void {
    this.list.push({ sheet, row, column, message });
  }
}

/** Throttled progress reporting for the validate phase. */
export class Progress {
  private done = 0;
  constructor(
    private readonly total: number,
    private readonly cb: ((p: ProgressEvent) => void) | undefined,
  ) {
    cb?.({ phase: 'validate', done: 0, total });
  }
  tick(): void {
    this.done++;
    if (this.cb && this.done % 2000 === 0)
      this.cb({ phase: 'validate', done: this.done, total: this.total });
  }
  finish(): void {
    this.cb?.({ phase: 'validate', done: this.total, total: this.total });
  }
}

const IGNORED_HEADER = /^(catatan|#)/;

/** A table sheet: row 1 (the first non-blank row) is the header, the rest are data rows. */
export class Table {
  readonly sheet: string;
  readonly headerRow: number;
  readonly rows: SheetRow[];
  private readonly index = new Map<string, number>();
  /** Headers not in the template (other than catatan…), for templates with dynamic columns. */
  readonly extraHeaders: { name: string; col: number }[] = [];

  constructor(
    data: SheetData,
    columns: readonly ColumnDef[],
    readonly problems: Problems,
    dynamic: RegExp | null = null,
  ) {
    this.sheet = data.name;
    const header = data.rows[0];
    this.headerRow = header?.row ?? 1;
    this.rows = data.rows.slice(1);
    const known = new Set(columns.map((c) => c.name));
    header?.cells.forEach((cell, col) => {
      const raw = cellText(cell);
      if (raw === '') return;
      const name = normalizeKey(raw);
      // A template may own a `catatan` column (realisasi); otherwise catatan… are free notes.
      if (IGNORED_HEADER.test(name) && !known.has(name)) return;
      if (this.index.has(name)) {
        problems.add(
          this.sheet,
          this.headerRow,
          name,
          `Kolom '${raw}' muncul dua kali / column '${raw}' appears twice`,
        );
        return;
      }
      if (known.has(name)) this.index.set(name, col);
      else if (dynamic?.test(name)) {
        this.index.set(name, col);
        this.extraHeaders.push({ name, col });
      } else {
        problems.add(
          this.sheet,
          this.headerRow,
          name,
          `Kolom '${raw}' tidak dikenal dalam template / column '${raw}' is not part of the template`,
        );
      }
    });
    for (const c of columns) {
      if (c.required && !this.index.has(c.name)) {
        problems.add(
          this.sheet,
          this.headerRow,
          c.name,
          `Kolom wajib '${c.name}' tidak ada / required column '${c.name}' is missing`,
        );
      }
    }
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  row(r: SheetRow): RowCtx {
    return new RowCtx(this, r);
  }

  cellOf(r: SheetRow, column: string): Cell | undefined {
    const i = this.index.get(column);
    return i === undefined ? undefined : r.cells[i];
  }
}

export class RowCtx {
  readonly source: SourceRef;
  constructor(
    readonly table: Table,
    readonly r: SheetRow,
  ) {
    this.source = { sheet: table.sheet, row: r.row };
  }

  get rowNumber(): number {
    return this.r.row;
  }

  cell(column: string): Cell | undefined {
    return this.table.cellOf(this.r, column);
  }

  text(column: string): string {
    return cellText(this.cell(column));
  }

  /** null when empty. */
  optional(column: string): string | null {
    const t = this.text(column);
    return t === '' ? null : t;
  }

  problem(column: string, message: string): void {
    this.table.problems.add(this.table.sheet, this.r.row, column, message);
  }

  /** Non-empty text; files a problem (unless the whole column is missing, reported once) and returns null. */
  required(column: string): string | null {
    const t = this.text(column);
    if (t !== '') return t;
    if (this.table.has(column)) this.problem(column, `Wajib diisi / required`);
    return null;
  }

  /** Parses a non-empty required cell. */
  parse<T>(column: string, parser: (c: Cell | undefined) => Parsed<T>): T | null {
    if (this.required(column) === null) return null;
    return this.parseIfPresent(column, parser);
  }

  /** Parses the cell when it is not empty; null (no problem) when empty. */
  parseIfPresent<T>(column: string, parser: (c: Cell | undefined) => Parsed<T>): T | null {
    const c = this.cell(column);
    if (cellText(c) === '') return null;
    const r = parser(c);
    if (!r.ok) {
      this.problem(column, r.message);
      return null;
    }
    return r.value;
  }
}

/**
 * A key/value sheet (SK, PK): column A is the key, column B the value. An optional first row
 * "kolom | nilai" is skipped. Keys listed in `repeatable` may appear on several rows (or
 * numbered: dasar_hukum_1, dasar_hukum_2, …).
 */
export class KeyValueSheet {
  readonly sheet: string;
  private readonly values = new Map<string, { cell: Cell | undefined; row: number }[]>();
  readonly firstRow: number;

  constructor(
    data: SheetData,
    keys: readonly ColumnDef[],
    repeatable: readonly string[],
    readonly problems: Problems,
  ) {
    this.sheet = data.name;
    let rows = data.rows;
    const head = rows[0];
    if (head && ['kolom', 'kunci', 'key', 'field'].includes(normalizeKey(cellText(head.cells[0]))))
      rows = rows.slice(1);
    this.firstRow = rows[0]?.row ?? 1;
    const known = new Set(keys.map((k) => k.name));
    for (const r of rows) {
      const raw = cellText(r.cells[0]);
      let key = normalizeKey(raw);
      if (IGNORED_HEADER.test(key)) continue;
      const numbered = /^(.+?)_?\d+$/.exec(key);
      if (!known.has(key) && numbered && repeatable.includes(numbered[1] ?? ''))
        key = numbered[1] ?? key;
      if (key === '') {
        problems.add(
          this.sheet,
          r.row,
          '',
          `Nama kolom (kolom A) kosong / the key in column A is empty`,
        );
        continue;
      }
      if (!known.has(key)) {
        problems.add(
          this.sheet,
          r.row,
          key,
          `Kunci '${raw}' tidak dikenal dalam template / key '${raw}' is not part of the template`,
        );
        continue;
      }
      const list = this.values.get(key) ?? [];
      if (list.length > 0 && !repeatable.includes(key)) {
        problems.add(
          this.sheet,
          r.row,
          key,
          `Kunci '${key}' muncul dua kali / key '${key}' appears twice`,
        );
        continue;
      }
      list.push({ cell: r.cells[1], row: r.row });
      this.values.set(key, list);
    }
    for (const k of keys) {
      if (k.required && !this.values.has(k.name)) {
        problems.add(
          this.sheet,
          0,
          k.name,
          `Baris wajib '${k.name}' tidak ada / required row '${k.name}' is missing`,
        );
      }
    }
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  rowOf(key: string): number {
    return this.values.get(key)?.[0]?.row ?? 0;
  }

  cell(key: string): Cell | undefined {
    return this.values.get(key)?.[0]?.cell;
  }

  text(key: string): string {
    return cellText(this.cell(key));
  }

  optional(key: string): string | null {
    const t = this.text(key);
    return t === '' ? null : t;
  }

  all(key: string): { text: string; row: number }[] {
    return (this.values.get(key) ?? [])
      .map((v) => ({ text: cellText(v.cell), row: v.row }))
      .filter((v) => v.text !== '');
  }

  problem(key: string, message: string): void {
    this.problems.add(this.sheet, this.rowOf(key), key, message);
  }

  required(key: string): string | null {
    if (!this.values.has(key)) return null; // already reported
    const t = this.text(key);
    if (t === '') {
      this.problem(key, 'Wajib diisi / required');
      return null;
    }
    return t;
  }

  parse<T>(key: string, parser: (c: Cell | undefined) => Parsed<T>): T | null {
    if (this.required(key) === null) return null;
    return this.parseIfPresent(key, parser);
  }

  parseIfPresent<T>(key: string, parser: (c: Cell | undefined) => Parsed<T>): T | null {
    const c = this.cell(key);
    if (cellText(c) === '') return null;
    const r = parser(c);
    if (!r.ok) {
      this.problem(key, r.message);
      return null;
    }
    return r.value;
  }
}

/** Files a duplicate-key problem the second time a key is seen. */
export class UniqueKeys {
  private readonly seen = new Map<string, number>();
  check(ctx: RowCtx, key: string, column: string, label: string): boolean {
    const first = this.seen.get(key);
    if (first !== undefined) {
      ctx.problem(
        column,
        `${label} ganda, sudah ada di baris ${first} / duplicate ${label}, already on row ${first}`,
      );
      return false;
    }
    this.seen.set(key, ctx.rowNumber);
    return true;
  }
  has(key: string): boolean {
    return this.seen.has(key);
  }
}
