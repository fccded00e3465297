// The column tables of docs/import-template.md, generated from the template declarations
// (templates.ts). Each generated block sits between `<!-- template: <kind>/<Sheet> -->` and
// `<!-- /template -->`; the prose around it is written by hand.
import { format, resolveConfig } from 'prettier';
import { TEMPLATES, type ColumnDef, type SheetDef, type TemplateDef } from './templates';
import type { ImportKind } from './types';

const BLOCK = /<!-- template: (\w+)\/(\w+) -->\n[\s\S]*?<!-- \/template -->/g;

const cell = (s: string) => s.replace(/\n/g, ' ');

function requiredText(c: ColumnDef): string {
  if (c.requiredWhen) return c.requiredWhen;
  return c.required ? 'yes' : 'no';
}

function sheetTable(sheet: SheetDef): string {
  const head = sheet.layout === 'keyvalue' ? 'key' : 'column';
  const rows = sheet.columns.map(
    (c) => `| ${c.name} | ${cell(requiredText(c))} | ${cell(c.format)} | ${cell(c.example)} |`,
  );
  return [`| ${head} | req. | format | example |`, '| --- | --- | --- | --- |', ...rows].join('\n');
}

function sheetBlock(t: TemplateDef, sheet: SheetDef): string {
  const key = sheet.key.map((k) => `\`${k}\``).join(', ');
  const lines = [sheetTable(sheet), '', `Row key: (${key}).`];
  // The re-import rule is said once per template, under its first sheet.
  if (t.sheets[0] === sheet) lines.push(`Importing again: ${t.reimport}`);
  return lines.join('\n');
}

/** `doc` with every generated block rewritten from the declarations (not yet formatted). */
export function renderTemplateBlocks(doc: string): string {
  return doc.replace(BLOCK, (_, kind: string, sheetName: string) => {
    const t = TEMPLATES[kind as ImportKind] as TemplateDef | undefined;
    const sheet = t?.sheets.find((s) => s.name === sheetName);
    if (!t || !sheet) throw new Error(`docs name an unknown template sheet ${kind}/${sheetName}`);
    return `<!-- template: ${kind}/${sheetName} -->\n\n${sheetBlock(t, sheet)}\n\n<!-- /template -->`;
  });
}

/** Every declared sheet that has no generated block in `doc`. */
export function undocumentedSheets(doc: string): string[] {
  const present = new Set([...doc.matchAll(BLOCK)].map((m) => `${m[1]}/${m[2]}`));
  return Object.values(TEMPLATES)
    .flatMap((t) => t.sheets.map((s) => `${t.kind}/${s.name}`))
    .filter((k) => !present.has(k));
}

/** The document as it should be committed: blocks regenerated, then formatted like the repo. */
export async function generateTemplateDoc(doc: string, path: string): Promise<string> {
  const config = (await resolveConfig(path)) ?? {};
  return format(renderTemplateBlocks(doc), { ...config, filepath: path });
}
