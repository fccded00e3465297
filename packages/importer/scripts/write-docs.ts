// Regenerates the column tables of docs/import-template.md from the template declarations.
// `--check` exits 1 when the committed document differs.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateTemplateDoc, undocumentedSheets } from '../src/template-docs';

const path = fileURLToPath(new URL('../../../docs/import-template.md', import.meta.url));
const doc = await readFile(path, 'utf8');
const missing = undocumentedSheets(doc);
if (missing.length > 0) {
  console.error(`docs/import-template.md has no generated table for: ${missing.join(', ')}`);
  process.exit(1);
}
const next = await generateTemplateDoc(doc, path);
if (process.argv.includes('--check')) {
  if (next !== doc) {
    console.error(
      'docs/import-template.md is out of date: run pnpm --filter @sakip/importer run docs',
    );
    process.exit(1);
  }
} else if (next !== doc) {
  await writeFile(path, next);
  console.log('docs/import-template.md updated');
}
