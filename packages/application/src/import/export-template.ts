// What is recorded, read back in the form of its import template: importing the exported file
// again reports "unchanged".
import type { Sql } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import { writeTemplateXlsx, type ImportKind, type TemplateCells } from '@sakip/importer';
import { StateLoader } from '../state-loader';
import { planInForce } from '../use-cases/plan-in-force';
import type { TemplateRow } from './changes';
import {
  anggaranRecorded,
  comparisonsRecorded,
  narasiRecorded,
  organisasiRecorded,
  pkRecorded,
  skRecorded,
  realisasiRecorded,
  serapanRecorded,
  targetRecorded,
} from './rows';

/** The templates that can be exported, and what each export needs. */
export const EXPORTABLE = [
  'organisasi',
  'sk',
  'pk',
  'anggaran',
  'serapan',
  'narasi',
  'realisasi',
  'target',
] as const;
export type ExportableKind = (typeof EXPORTABLE)[number];

export interface ExportScope {
  opdId: string;
  /** anggaran, serapan, narasi, realisasi: the year. */
  year?: number;
  /** target: the decree. */
  decreeNumber?: string;
  /** pk: the jabatan whose agreement it is (with `year`). */
  positionCode?: string;
}

export class ExportScopeError extends Error {}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined)
    throw new ExportScopeError(`Ekspor memerlukan ${what} / the export needs ${what}`);
  return value;
}

export async function recordedTemplateRows(
  loader: StateLoader,
  kind: ExportableKind,
  scope: ExportScope,
): Promise<TemplateRow[]> {
  const { opdId } = scope;
  switch (kind) {
    case 'organisasi':
      // The OPD with its units and jabatan (the region's code edition is not recorded).
      return organisasiRecorded(loader, { regionCodes: [], opdIds: [opdId] });
    case 'sk':
      return skRecorded(loader, opdId, need(scope.decreeNumber, 'nomor_sk'));
    case 'pk':
      return pkRecorded(
        loader,
        opdId,
        need(scope.year, 'tahun'),
        need(scope.positionCode, 'kode_jabatan'),
      );
    case 'anggaran':
      return anggaranRecorded(loader, opdId, need(scope.year, 'tahun'));
    case 'serapan':
      return serapanRecorded(loader, opdId, need(scope.year, 'tahun'));
    case 'narasi': {
      const year = need(scope.year, 'tahun');
      const plan = await planInForce(loader, opdId, year);
      const codes = Object.values(plan?.elements ?? {})
        .filter((e) => e.level === 'sasaran' || e.level === 'tujuan')
        .map((e) => e.code);
      return narasiRecorded(loader, opdId, year, codes);
    }
    case 'realisasi': {
      const year = need(scope.year, 'tahun');
      const plan = await planInForce(loader, opdId, year);
      const codes = Object.keys(plan?.indicators ?? {});
      return [
        ...(await realisasiRecorded(loader, opdId, year, codes)),
        ...(await comparisonsRecorded(
          loader,
          codes.map((indicatorKey) => ({ indicatorKey, year, opdId })),
        )),
      ];
    }
    case 'target':
      return targetRecorded(loader, opdId, need(scope.decreeNumber, 'nomor_sk'));
  }
}

export interface ExportedFile {
  fileName: string;
  content: Buffer;
  rowCount: number;
}

const safe = (s: string) => s.replace(/[^0-9A-Za-z.-]+/g, '_');

/** The recorded rows of one template as an XLSX in that template's form. */
export async function exportTemplate(
  sql: Sql,
  kind: ExportableKind,
  scope: ExportScope,
): Promise<ExportedFile> {
  const loader = new StateLoader(new EventStore(sql));
  const rows = await recordedTemplateRows(loader, kind, scope);
  const sheets: Record<string, TemplateCells[]> = {};
  for (const r of rows) (sheets[r.sheet] ??= []).push(r.cells);
  const what = [scope.decreeNumber, scope.year, scope.positionCode]
    .filter((x) => x !== undefined)
    .join('-');
  return {
    fileName: `${kind}-${[scope.opdId, what]
      .filter((x) => x !== '')
      .map(safe)
      .join('-')}.xlsx`,
    content: await writeTemplateXlsx(kind as ImportKind, sheets),
    rowCount: rows.length,
  };
}
