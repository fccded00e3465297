// What an import would change, row by row, in the template's own columns: each row of the file
// against the row recorded under the same key (the key declared in the template).
import { TEMPLATES, type ImportKind, type SourceRef, type TemplateCells } from '@sakip/importer';

export type ChangeStatus = 'added' | 'changed' | 'unchanged' | 'removed';
export const CHANGE_STATUSES: readonly ChangeStatus[] = [
  'added',
  'changed',
  'unchanged',
  'removed',
];

/** One row of a template: its sheet, its cells, and the file row it came from (if any). */
export interface TemplateRow {
  sheet: string;
  cells: TemplateCells;
  source?: SourceRef;
}

export interface ImportChange {
  sheet: string;
  /** The row's key columns (empty ones left out), "18.04-DISKOPERINDAG · 2024 · TW1 · SAS-49". */
  key: string;
  status: ChangeStatus;
  /** The file row; 0 for a removed row. */
  row: number;
  before: TemplateCells | null;
  after: TemplateCells | null;
  /** Columns whose value differs (for `changed`). */
  columns: string[];
}

export interface ImportChanges {
  changes: ImportChange[];
  totals: Record<ChangeStatus, number>;
  /** True when the import replaces whole periods (rows of those periods absent from the file are removed). */
  replacePeriod: boolean;
}

export function rowKey(kind: ImportKind, row: TemplateRow): string {
  const sheet = TEMPLATES[kind].sheets.find((s) => s.name === row.sheet);
  return (sheet?.key ?? [])
    .map((k) => row.cells[k] ?? '')
    .filter((v) => v !== '')
    .join(' · ');
}

/** The exact identity of a row (rowKey drops empty parts, this does not). */
function identity(kind: ImportKind, row: TemplateRow): string {
  const sheet = TEMPLATES[kind].sheets.find((s) => s.name === row.sheet);
  return JSON.stringify([row.sheet, ...(sheet?.key ?? []).map((k) => row.cells[k] ?? '')]);
}

const sameCell = (a: string | undefined, b: string | undefined) => (a ?? '') === (b ?? '');

/**
 * File rows against recorded rows. `removable` says which recorded rows the import removes
 * when the file leaves them out (rows of a replaced period); all others stay as they are and
 * are not listed.
 */
export function compareRows(
  kind: ImportKind,
  file: readonly TemplateRow[],
  recorded: readonly TemplateRow[],
  removable: (row: TemplateRow) => boolean = () => false,
): ImportChange[] {
  const before = new Map(recorded.map((r) => [identity(kind, r), r]));
  const seen = new Set<string>();
  const changes: ImportChange[] = file.map((r) => {
    const id = identity(kind, r);
    seen.add(id);
    const old = before.get(id);
    const row = r.source?.row ?? 0;
    const key = rowKey(kind, r);
    if (!old)
      return {
        sheet: r.sheet,
        key,
        status: 'added',
        row,
        before: null,
        after: r.cells,
        columns: [],
      };
    const names = [...new Set([...Object.keys(old.cells), ...Object.keys(r.cells)])];
    const columns = names.filter((c) => !sameCell(old.cells[c], r.cells[c]));
    return {
      sheet: r.sheet,
      key,
      status: columns.length === 0 ? 'unchanged' : 'changed',
      row,
      before: old.cells,
      after: r.cells,
      columns,
    };
  });
  for (const r of recorded) {
    const id = identity(kind, r);
    if (seen.has(id) || !removable(r)) continue;
    changes.push({
      sheet: r.sheet,
      key: rowKey(kind, r),
      status: 'removed',
      row: 0,
      before: r.cells,
      after: null,
      columns: [],
    });
  }
  return changes;
}

export function summarize(changes: ImportChange[], replacePeriod: boolean): ImportChanges {
  const totals = { added: 0, changed: 0, unchanged: 0, removed: 0 };
  for (const c of changes) totals[c.status] += 1;
  return { changes, totals, replacePeriod };
}
