import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EXPORTABLE,
  exportTemplate,
  ExportScopeError,
  type ExportableKind,
} from '@sakip/application';
import type { Sql } from '@sakip/db';
import { InputError } from '../parse-input';

/**
 * `sakip export <template> --opd <id> [--year <tahun>] [--sk <nomor>] [--jabatan <kode>]`: what
 * is recorded, in the template's own form; importing the file again reports "unchanged".
 */
export async function exportFile(
  sql: Sql,
  kind: string,
  opts: { opd: string; year?: string; sk?: string; jabatan?: string; out?: string },
): Promise<string> {
  if (!(EXPORTABLE as readonly string[]).includes(kind))
    throw new InputError([
      `template: template '${kind}' tidak dapat diekspor; pilih ${EXPORTABLE.join(', ')} / template '${kind}' cannot be exported; choose ${EXPORTABLE.join(', ')}`,
    ]);
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !Number.isInteger(year))
    throw new InputError([`year: tahun '${opts.year}' tidak valid / invalid year '${opts.year}'`]);
  const file = await exportTemplate(sql, kind as ExportableKind, {
    opdId: opts.opd,
    ...(year !== undefined ? { year } : {}),
    ...(opts.sk !== undefined ? { decreeNumber: opts.sk } : {}),
    ...(opts.jabatan !== undefined ? { positionCode: opts.jabatan } : {}),
  }).catch((err: unknown) => {
    if (err instanceof ExportScopeError) throw new InputError([err.message]);
    throw err;
  });
  const path = !opts.out
    ? file.fileName
    : opts.out.endsWith('.xlsx')
      ? opts.out
      : join(opts.out, file.fileName);
  await writeFile(path, file.content);
  return `${path}: ${file.rowCount} baris / rows`;
}
