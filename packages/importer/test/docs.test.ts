import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  generateTemplateDoc,
  renderTemplateBlocks,
  undocumentedSheets,
} from '../src/template-docs';
import { TEMPLATES } from '../src/templates';

const path = fileURLToPath(new URL('../../../docs/import-template.md', import.meta.url));

describe('docs/import-template.md', () => {
  it('is what the template declarations generate (pnpm --filter @sakip/importer run docs)', async () => {
    const doc = await readFile(path, 'utf8');
    expect(undocumentedSheets(doc)).toEqual([]);
    expect(await generateTemplateDoc(doc, path)).toBe(doc);
  });

  it('a column added to a declaration shows up in the generated table', () => {
    const block = '<!-- template: serapan/Serapan -->\nold\n<!-- /template -->';
    const sheet = TEMPLATES.serapan.sheets[0]!;
    const columns = sheet.columns;
    const before = renderTemplateBlocks(block);
    expect(before).toContain('| realisasi | yes |');
    expect(before).toContain('Row key: (`id_opd`, `tahun`, `periode`, `kode_program`');
    (sheet as { columns: unknown }).columns = [
      ...columns,
      { name: 'catatan_baru', required: false, type: 'text', format: 'text', example: '' },
    ];
    try {
      expect(renderTemplateBlocks(block)).toContain('| catatan_baru | no | text |  |');
    } finally {
      (sheet as { columns: unknown }).columns = columns;
    }
  });

  it('documents sumber_dana as the domain funding sources and kode_program as Renstra codes', async () => {
    const doc = await readFile(path, 'utf8');
    expect(doc).toMatch(/\| sumber_dana +\| yes +\| `APBD` \\\| `DAU`/);
    expect(doc).toMatch(/\| kode_program +\| yes +\| program code of the Renstra in force/);
  });
});
