// Reading XLSX and CSV files into a neutral sheet model: every non-blank row with its 1-based
// spreadsheet row number and its cells. Cells keep what the spreadsheet knew about them
// (a number, a date, a percent format) next to their text, so Excel numeric and date cells are
// accepted as well as typed text.
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';

export interface Cell {
  /** The text as shown/typed (numbers: String(value); dates: YYYY-MM-DD). */
  text: string;
  /** Set for numeric cells (and formula cells with a numeric result). */
  number?: number;
  /** Set for date cells. */
  date?: Date;
  /** Numeric cell with a percent number format (0.3 shown as 30%). */
  percent?: boolean;
}

export interface SheetRow {
  /** 1-based spreadsheet row number. */
  row: number;
  /** 0-based column index → cell; undefined for an empty cell. */
  cells: (Cell | undefined)[];
}

export interface SheetData {
  name: string;
  /** Non-blank rows, in order (comment rows starting with '#' removed). */
  rows: SheetRow[];
}

export interface WorkbookData {
  format: 'xlsx' | 'csv';
  sheets: SheetData[];
  /** Value of a `#template: …` marker found at the top of the (first) sheet, lower-cased. */
  marker: string | null;
}

export const MARKER = /^#\s*template\s*:\s*(.+)$/i;

function isBlankCell(c: Cell | undefined): boolean {
  return c === undefined || c.text.trim() === '';
}

/** Drops blank rows and '#' comment rows; takes a `#template:` marker out of the top rows. */
function finishSheet(
  name: string,
  rows: SheetRow[],
  markerSink: { marker: string | null },
): SheetData {
  const out: SheetRow[] = [];
  for (const r of rows) {
    if (r.cells.every(isBlankCell)) continue;
    const first = r.cells.find((c) => !isBlankCell(c));
    const firstText = first?.text.trim() ?? '';
    if (firstText.startsWith('#')) {
      const m = MARKER.exec(firstText);
      if (m && out.length === 0 && markerSink.marker === null)
        markerSink.marker = (m[1] ?? '').trim().toLowerCase();
      continue;
    }
    out.push(r);
  }
  return { name, rows: out };
}

// --- XLSX -------------------------------------------------------------------------------

type Scalar = ExcelJS.CellValue;

function toCell(value: Scalar, numFmt: string | undefined): Cell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') {
    const percent = typeof numFmt === 'string' && numFmt.includes('%');
    return percent
      ? { text: String(value), number: value, percent }
      : { text: String(value), number: value };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { text: '' }
      : { text: value.toISOString().slice(0, 10), date: value };
  }
  if ('richText' in value) return { text: value.richText.map((t) => t.text).join('') };
  if ('hyperlink' in value) return { text: String(value.text) };
  if ('error' in value) return { text: value.error };
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: Scalar }).result;
    return result === undefined ? { text: '' } : toCell(result, numFmt);
  }
  return { text: String(value) };
}

export async function readXlsx(
  buf: Buffer,
  onRow?: (done: number, total: number) => void,
): Promise<WorkbookData> {
  const wb = new ExcelJS.Workbook();
  // exceljs' typing predates Node's generic Buffer.
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const total = wb.worksheets.reduce((n, ws) => n + ws.actualRowCount, 0);
  let done = 0;
  const sink = { marker: null as string | null };
  const sheets: SheetData[] = [];
  wb.worksheets.forEach((ws, index) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: (Cell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = toCell(cell.value, cell.numFmt);
      });
      rows.push({ row: rowNumber, cells });
      done++;
      if (onRow && done % 2000 === 0) onRow(done, total);
    });
    const sheetSink = index === 0 ? sink : { marker: null };
    sheets.push(finishSheet(ws.name, rows, sheetSink));
  });
  onRow?.(total, total);
  return { format: 'xlsx', sheets, marker: sink.marker };
}

// --- CSV --------------------------------------------------------------------------------

/** ',' ';' or TAB: whichever occurs most on the header line (outside quotes). */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/);
  const header = lines.find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  let best = ',';
  for (const d of [';', '\t']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}

export function readCsv(
  buf: Buffer,
  sheetName: string,
  onRow?: (done: number, total: number) => void,
): WorkbookData {
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A marker line may be written without quotes or delimiters; take it out before parsing.
  const sink = { marker: null as string | null };
  const records = parseCsv(text, {
    delimiter: detectDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  }) as string[][];
  const total = records.length;
  const rows: SheetRow[] = new Array<SheetRow>(records.length);
  for (let i = 0; i < records.length; i++) {
    const rec = records[i] ?? [];
    const cells: (Cell | undefined)[] = new Array<Cell | undefined>(rec.length);
    for (let c = 0; c < rec.length; c++) {
      const v = rec[c];
      cells[c] = v === undefined || v === '' ? undefined : { text: v };
    }
    rows[i] = { row: i + 1, cells };
    if (onRow && (i + 1) % 5000 === 0) onRow(i + 1, total);
  }
  onRow?.(total, total);
  return { format: 'csv', sheets: [finishSheet(sheetName, rows, sink)], marker: sink.marker };
}
