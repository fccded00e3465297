// Writes rows back in a template's own form (the declaration in templates.ts): the same sheets,
// headers and cell notation the importer reads, so an exported file imports as "unchanged".
import ExcelJS from 'exceljs';
import { TEMPLATES, type SheetDef } from './templates';
import type { ImportKind } from './types';

/** One row of a sheet: template column → cell text ('' or absent for an empty cell). */
export type TemplateCells = Readonly<Record<string, string>>;

/** Canonical decimal ("1250000.5", "-3.2") → Indonesian notation ("1250000,5", "-3,2"). */
export function decimalCell(value: string): string {
  return value.replace('.', ',');
}

const needsQuotes = /[=;|"\n]/;
const quoteName = (name: string) =>
  needsQuotes.test(name) || name.trim() !== name ? `"${name.replace(/"/g, '""')}"` : name;

/** Formula inputs → the `input` cell (`nama=nilai; nama=10,2|11`), as parseInputsCell reads it. */
export function inputsCell(inputs: Readonly<Record<string, string | readonly string[]>>): string {
  return Object.entries(inputs)
    .map(([name, v]) => {
      const values = typeof v === 'string' ? [v] : v;
      return `${quoteName(name)}=${values.map(decimalCell).join('|')}`;
    })
    .join('; ');
}

function headerOf(def: SheetDef, rows: readonly TemplateCells[]): string[] {
  const declared = def.columns.map((c) => c.name).filter((n) => !n.includes('<'));
  const extra = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter(
    (n) => !declared.includes(n),
  );
  return [...declared, ...extra.sort()];
}

/** An XLSX workbook of the template; sheets without rows are left out unless required. */
export async function writeTemplateXlsx(
  kind: ImportKind,
  sheets: Readonly<Record<string, readonly TemplateCells[]>>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const def of TEMPLATES[kind].sheets) {
    const rows = sheets[def.name] ?? [];
    if (rows.length === 0 && !def.required) continue;
    const ws = wb.addWorksheet(def.name);
    if (def.layout === 'keyvalue') {
      // In the row's own key order: repeated keys come numbered (dasar_hukum_1, dasar_hukum_2).
      ws.addRow(['kolom', 'nilai']);
      for (const r of rows) for (const [k, v] of Object.entries(r)) if (v) ws.addRow([k, v]);
      continue;
    }
    const header = headerOf(def, rows);
    ws.addRow(header);
    for (const r of rows) ws.addRow(header.map((h) => r[h] ?? ''));
  }
  // Text cells only: Excel must not turn "2.17.02" into a date or "0,50" into 0.5.
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@'))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A domain Target → the target cell (`887,43`, `30%`, `2 dokumen`, `85 | Nilai A`, `10 - 20`, `-`). */
export function targetCell(
  t: {
    value: string | null;
    min?: string | null;
    max?: string | null;
    unit?: string | null;
    text?: string | null;
  },
  satuan: string,
): string {
  const percent = satuan.trim() === '%' ? '%' : '';
  let s: string;
  if (t.value !== null) s = `${decimalCell(t.value)}${percent}`;
  else if (t.min != null && t.max != null) s = `${decimalCell(t.min)} - ${decimalCell(t.max)}`;
  else return t.text ? t.text : '-';
  if (t.unit) s += ` ${t.unit}`;
  if (t.text) s += ` | ${t.text}`;
  return s;
}
