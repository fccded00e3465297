// Every template's rows in its own columns, from a parsed file and from what is recorded, in
// the same cell notation, so that the two can be compared (changes.ts) and what is recorded can
// be exported in the form it came in.
import {
  budgetDecider,
  budgetStreamId,
  budgetSpendingStreamId,
  comparisonDecider,
  comparisonIndicatorKey,
  comparisonStreamId,
  currentNarrative,
  currentVersion,
  Dec,
  draftPreview,
  narrativeDecider,
  narrativeStreamId,
  normaliseDecreeNumber,
  currentPk,
  opdDecider,
  opdStreamId,
  pkDecider,
  pkStreamId,
  regionDecider,
  regionStreamId,
  type Position,
  type Unit,
  PERIODS,
  planDecider,
  planStreamId,
  realizationDecider,
  realizationStreamId,
  snapshotOf,
  spendingDecider,
  type DecreeInfo,
  type Indicator,
  type PlanElement,
  type PlanSnapshot,
  type PlanState,
} from '@sakip/domain';
import {
  decimalCell,
  inputsCell,
  targetCell,
  type AnggaranDocument,
  type NarasiDocument,
  type NarrativeRow,
  type OrganisasiDocument,
  type PkDocument,
  type SkDocument,
  formatFormula,
  type RealisasiDocument,
  type SerapanDocument,
  type TargetDocument,
  type TemplateCells,
} from '@sakip/importer';
import type { StateLoader } from '../state-loader';
import { planInForce } from '../use-cases/plan-in-force';
import type { TemplateRow } from './changes';

export const periodCell = (p: string) => (p === 'YEAR' ? 'TAHUN' : p);
const code = (c: string | null) => c ?? '';
const scopeCell = (s: 'province' | 'national') => (s === 'national' ? 'nasional' : 'provinsi');

/** A value computed from its inputs is shown to 2 decimals: the importer recomputes it. */
function valueCell(value: string | null, hasInputs: boolean): string {
  if (value === null) return '';
  if (!hasInputs) return decimalCell(value);
  return decimalCell(new Dec(value).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed());
}

// --- anggaran ----------------------------------------------------------------------------

export interface BudgetLineCells {
  programCode: string;
  kegiatanCode: string | null;
  subKegiatanCode: string | null;
  amount: string;
  fundingSource: string;
}

export const anggaranCells = (
  head: { opdId: string; year: number; stage: string; documentRef: string; date: string },
  l: BudgetLineCells,
): TemplateCells => ({
  id_opd: head.opdId,
  tahun: String(head.year),
  tahap: head.stage,
  dokumen: head.documentRef,
  tanggal: head.date,
  kode_program: l.programCode,
  kode_kegiatan: code(l.kegiatanCode),
  kode_sub_kegiatan: code(l.subKegiatanCode),
  pagu: decimalCell(l.amount),
  sumber_dana: l.fundingSource,
});

export function anggaranFileRows(doc: AnggaranDocument): TemplateRow[] {
  return doc.stages.flatMap((s) =>
    s.lines.map((l) => ({ sheet: 'Anggaran', cells: anggaranCells(s, l), source: l.source })),
  );
}

export async function anggaranRecorded(
  loader: StateLoader,
  opdId: string,
  year: number,
): Promise<TemplateRow[]> {
  const { state } = await loader.load(budgetDecider, budgetStreamId(opdId, year));
  return state.stages.flatMap((s) =>
    s.lines.map((l) => ({
      sheet: 'Anggaran',
      cells: anggaranCells({ opdId, year, ...s }, l),
    })),
  );
}

// --- serapan -----------------------------------------------------------------------------

export const serapanCells = (
  head: { opdId: string; year: number; period: string },
  l: Omit<BudgetLineCells, 'fundingSource'>,
): TemplateCells => ({
  id_opd: head.opdId,
  tahun: String(head.year),
  periode: periodCell(head.period),
  kode_program: l.programCode,
  kode_kegiatan: code(l.kegiatanCode),
  kode_sub_kegiatan: code(l.subKegiatanCode),
  realisasi: decimalCell(l.amount),
});

export const serapanFileRows = (doc: SerapanDocument): TemplateRow[] =>
  doc.rows.map((r) => ({ sheet: 'Serapan', cells: serapanCells(r, r), source: r.source }));

export async function serapanRecorded(
  loader: StateLoader,
  opdId: string,
  year: number,
): Promise<TemplateRow[]> {
  const { state } = await loader.load(spendingDecider, budgetSpendingStreamId(opdId, year));
  return PERIODS.flatMap((period) =>
    (state.periods[period] ?? []).map((l) => ({
      sheet: 'Serapan',
      cells: serapanCells({ opdId, year, period }, l),
    })),
  );
}

// --- narasi ------------------------------------------------------------------------------

const narasiCells = (r: Omit<NarrativeRow, 'source'>): TemplateCells => ({
  id_opd: r.opdId,
  kode_sasaran: r.sasaranCode,
  tahun: String(r.year),
  faktor_pendukung: r.faktorPendukung,
  faktor_penghambat: r.faktorPenghambat,
  solusi: r.solusi,
});

export const narasiFileRows = (doc: NarasiDocument): TemplateRow[] =>
  doc.rows.map((r) => ({ sheet: 'Narasi', cells: narasiCells(r), source: r.source }));

export async function narasiRecorded(
  loader: StateLoader,
  opdId: string,
  year: number,
  sasaranCodes: Iterable<string>,
): Promise<TemplateRow[]> {
  const rows: TemplateRow[] = [];
  for (const sasaranCode of new Set(sasaranCodes)) {
    const { state } = await loader.load(
      narrativeDecider,
      narrativeStreamId(opdId, sasaranCode, year),
    );
    const current = currentNarrative(state);
    if (current)
      rows.push({ sheet: 'Narasi', cells: narasiCells({ opdId, sasaranCode, year, ...current }) });
  }
  return rows;
}

// --- realisasi ---------------------------------------------------------------------------

const realisasiCells = (r: {
  opdId: string;
  indicatorCode: string;
  year: number;
  period: string;
  value: string | null;
  inputs: Readonly<Record<string, string | readonly string[]>> | null;
  evidence: { documentRef: string; dataSource: string };
  note: string | null;
}): TemplateCells => {
  const hasInputs = r.inputs !== null && Object.keys(r.inputs).length > 0;
  return {
    id_opd: r.opdId,
    kode_indikator: r.indicatorCode,
    tahun: String(r.year),
    periode: periodCell(r.period),
    nilai: valueCell(r.value, hasInputs),
    input: hasInputs && r.inputs ? inputsCell(r.inputs) : '',
    dokumen: r.evidence.documentRef,
    sumber_data: r.evidence.dataSource,
    catatan: r.note ?? '',
  };
};

/** What counts for "changed": with inputs the value is the formula's, so only the inputs count. */
export function comparableRealisasi(cells: TemplateCells): TemplateCells {
  return cells['input'] ? { ...cells, nilai: '' } : cells;
}

const comparisonCells = (c: {
  scope: 'province' | 'national';
  code: string;
  indicatorKey: string;
  year: number;
  value: string;
  source: string;
}): TemplateCells => ({
  cakupan: scopeCell(c.scope),
  kode_wilayah: c.code,
  kunci_indikator: c.indicatorKey,
  tahun: String(c.year),
  nilai: decimalCell(c.value),
  sumber: c.source,
});

export function realisasiFileRows(doc: RealisasiDocument): TemplateRow[] {
  return [
    ...doc.rows.map((r) => ({ sheet: 'Realisasi', cells: realisasiCells(r), source: r.source })),
    ...doc.comparisons.map((c) => ({
      sheet: 'Pembanding',
      cells: comparisonCells({ ...c, source: c.dataSource }),
      source: c.source,
    })),
  ];
}

export async function realisasiRecorded(
  loader: StateLoader,
  opdId: string,
  year: number,
  indicatorCodes: Iterable<string>,
): Promise<TemplateRow[]> {
  const rows: TemplateRow[] = [];
  for (const indicatorCode of new Set(indicatorCodes)) {
    const { state } = await loader.load(
      realizationDecider,
      realizationStreamId(opdId, indicatorCode, year),
    );
    for (const period of PERIODS) {
      const v = currentVersion(state, period);
      if (v)
        rows.push({
          sheet: 'Realisasi',
          cells: realisasiCells({ opdId, indicatorCode, year, period, ...v }),
        });
    }
  }
  return rows;
}

/** Figures as the Pembanding sheet shows them: a catalog code's, or one OPD's own indicator's. */
export async function comparisonsRecorded(
  loader: StateLoader,
  keys: Iterable<{ indicatorKey: string; year: number; opdId: string | null }>,
): Promise<TemplateRow[]> {
  const rows: TemplateRow[] = [];
  const seen = new Set<string>();
  for (const { indicatorKey, year, opdId } of keys) {
    const id = comparisonStreamId(comparisonIndicatorKey(opdId, indicatorKey), year);
    if (seen.has(id)) continue;
    seen.add(id);
    const { state } = await loader.load(comparisonDecider, id);
    for (const f of Object.values(state.figures))
      rows.push({ sheet: 'Pembanding', cells: comparisonCells({ ...f, indicatorKey, year }) });
  }
  return rows;
}

// --- target ------------------------------------------------------------------------------

const targetCells = (
  head: { opdId: string; decreeNumber: string; indicatorCode: string },
  t: Parameters<typeof targetCell>[0] & { year: number },
  satuan: string,
): TemplateCells => ({
  id_opd: head.opdId,
  nomor_sk: head.decreeNumber,
  kode_indikator: head.indicatorCode,
  tahun: String(t.year),
  target: targetCell(t, satuan),
});

/** The decree's own view of the targets: the draft as it would be enacted, or the enacted set. */
export function decreeTargets(state: PlanState, decreeNumber: string): PlanSnapshot | null {
  const d = Object.values(state.decrees).find(
    (x) => normaliseDecreeNumber(x.info.number) === normaliseDecreeNumber(decreeNumber),
  );
  if (!d) return null;
  return d.status === 'enacted'
    ? snapshotOf(state, d.info, d.decreeId)
    : draftPreview(state, d.decreeId);
}

export async function targetRecorded(
  loader: StateLoader,
  opdId: string,
  decreeNumber: string,
): Promise<TemplateRow[]> {
  const { state } = await loader.load(planDecider, planStreamId(opdId));
  const snap = decreeTargets(state, decreeNumber);
  if (!snap) return [];
  return Object.values(snap.indicators).flatMap((i) =>
    i.targets.map((t) => ({
      sheet: 'Target',
      cells: targetCells({ opdId, decreeNumber, indicatorCode: i.code }, t, i.satuan),
    })),
  );
}

/** File target rows, written the way the decree's satuan would print them. */
export async function targetFileRows(
  doc: TargetDocument,
  loader: StateLoader,
): Promise<TemplateRow[]> {
  const rows: TemplateRow[] = [];
  const decrees = new Map<string, PlanSnapshot | null>();
  for (const r of doc.rows) {
    const key = `${r.opdId}\u0000${r.decreeNumber}`;
    if (!decrees.has(key)) {
      const { state } = await loader.load(planDecider, planStreamId(r.opdId));
      decrees.set(key, decreeTargets(state, r.decreeNumber));
    }
    const satuan = decrees.get(key)?.indicators[r.indicatorCode]?.satuan ?? '';
    rows.push({
      sheet: 'Target',
      cells: targetCells(r, r.target, satuan),
      source: r.source,
    });
  }
  return rows;
}

// --- organisasi --------------------------------------------------------------------------

const opdCells = (o: { regionCode: string; code: string; name: string }): TemplateCells => ({
  kode_wilayah: o.regionCode,
  kode_opd: o.code,
  nama: o.name,
});
const unitCells = (opdId: string, u: Unit): TemplateCells => ({
  id_opd: opdId,
  kode_unit: u.code,
  nama: u.name,
  jenis: u.kind,
  kode_induk: code(u.parentCode),
});
/** fungsi: one item per line, as the importer splits a multi-line cell. */
const positionCells = (opdId: string, p: Position): TemplateCells => ({
  id_opd: opdId,
  kode_jabatan: p.code,
  nama_jabatan: p.title,
  kode_unit: code(p.unitCode),
  tugas: p.tugas,
  fungsi: p.fungsi.join('\n'),
});

/** The region's code edition is not kept in its state, so a Wilayah row compares without it. */
export function comparableOrganisasi(row: TemplateRow): TemplateRow {
  return row.sheet === 'Wilayah' ? { ...row, cells: { ...row.cells, edisi_kode: '' } } : row;
}

export function organisasiFileRows(doc: OrganisasiDocument): TemplateRow[] {
  return [
    ...doc.regions.map((r) => ({
      sheet: 'Wilayah',
      cells: { kode: r.code, nama: r.name, edisi_kode: r.codeEdition },
      source: r.source,
    })),
    ...doc.opds.map((o) => ({ sheet: 'OPD', cells: opdCells(o), source: o.source })),
    ...doc.units.map((u) => ({ sheet: 'Unit', cells: unitCells(u.opdId, u), source: u.source })),
    ...doc.positions.map((p) => ({
      sheet: 'Jabatan',
      cells: positionCells(p.opdId, p),
      source: p.source,
    })),
  ];
}

export async function organisasiRecorded(
  loader: StateLoader,
  scope: { regionCodes: Iterable<string>; opdIds: Iterable<string> },
): Promise<TemplateRow[]> {
  const rows: TemplateRow[] = [];
  for (const regionCode of new Set(scope.regionCodes)) {
    const { state } = await loader.load(regionDecider, regionStreamId(regionCode));
    if (state.registered)
      rows.push({
        sheet: 'Wilayah',
        cells: { kode: state.code, nama: state.name, edisi_kode: '' },
      });
  }
  for (const opdId of new Set(scope.opdIds)) {
    const { state } = await loader.load(opdDecider, opdStreamId(opdId));
    if (state.status === 'none') continue;
    const opdCode = opdId.slice(state.regionCode.length + 1);
    rows.push({
      sheet: 'OPD',
      cells: opdCells({ regionCode: state.regionCode, code: opdCode, name: state.name }),
    });
    for (const u of Object.values(state.units))
      rows.push({ sheet: 'Unit', cells: unitCells(opdId, u) });
    for (const p of Object.values(state.positions))
      rows.push({ sheet: 'Jabatan', cells: positionCells(opdId, p) });
  }
  return rows;
}

// --- pk ----------------------------------------------------------------------------------

interface PkContent {
  opdId: string;
  year: number;
  positionCode: string;
  firstParty: { name: string; nip: string | null; position: string };
  secondParty: { name: string; nip: string | null; position: string };
  date: string;
  reason: string | null;
  targets: readonly {
    indicatorCode: string;
    value: string | null;
    unit: string | null;
    text: string | null;
  }[];
  budgets: readonly { programCode: string; amount: string }[];
}

function pkRows(pk: PkContent, satuanOf: (code: string) => string): TemplateRow[] {
  const party = (prefix: string, p: PkContent['firstParty']) => ({
    [`${prefix}_nama`]: p.name,
    [`${prefix}_nip`]: p.nip ?? '',
    [`${prefix}_jabatan`]: p.position,
  });
  return [
    {
      sheet: 'PK',
      cells: {
        id_opd: pk.opdId,
        tahun: String(pk.year),
        kode_jabatan: pk.positionCode,
        ...party('pihak_pertama', pk.firstParty),
        ...party('pihak_kedua', pk.secondParty),
        tanggal: pk.date,
        alasan_perubahan: pk.reason ?? '',
      },
    },
    ...pk.targets.map((t) => ({
      sheet: 'Target',
      cells: {
        kode_indikator: t.indicatorCode,
        target: targetCell(t, satuanOf(t.indicatorCode)),
        satuan_hitung: '',
      },
    })),
    ...pk.budgets.map((b) => ({
      sheet: 'Anggaran',
      cells: { kode_program: b.programCode, pagu: decimalCell(b.amount) },
    })),
  ];
}

async function satuanLookup(loader: StateLoader, opdId: string, year: number) {
  const plan = await planInForce(loader, opdId, year);
  return (code: string) => plan?.indicators[code]?.satuan ?? '';
}

export async function pkFileRows(doc: PkDocument, loader: StateLoader): Promise<TemplateRow[]> {
  const rows = pkRows(
    { ...doc, reason: doc.revisionReason, budgets: doc.budgets },
    await satuanLookup(loader, doc.opdId, doc.year),
  );
  const sources = [
    doc.source,
    ...doc.targets.map((t) => t.source),
    ...doc.budgets.map((b) => b.source),
  ];
  return rows.map((r, i) => ({ ...r, source: sources[i] ?? doc.source }));
}

/** The PK in force (the last revision) of one jabatan and year, as its template rows. */
export async function pkRecorded(
  loader: StateLoader,
  opdId: string,
  year: number,
  positionCode: string,
): Promise<TemplateRow[]> {
  const { state } = await loader.load(pkDecider, pkStreamId(opdId, year, positionCode));
  const current = currentPk(state);
  if (!current || !state.firstParty || !state.secondParty) return [];
  return pkRows(
    {
      opdId,
      year,
      positionCode,
      firstParty: state.firstParty,
      secondParty: state.secondParty,
      date: current.date,
      reason: current.reason,
      targets: current.targets,
      budgets: current.budgets,
    },
    await satuanLookup(loader, opdId, year),
  );
}

// --- sk ----------------------------------------------------------------------------------

const POLARITY_CELL: Record<Indicator['polarity'], string> = {
  higher_better: 'naik',
  lower_better: 'turun',
  range: 'rentang',
};
const DATA_PERIOD_CELL: Record<Indicator['dataPeriod'], string> = {
  yearly: 'tahunan',
  quarterly: 'triwulanan',
};
const ROLLUP_CELL: Record<Indicator['rollup'], string> = {
  sum: 'jumlah',
  last: 'terakhir',
  average: 'rata_rata',
};

function decreeCells(opdId: string, info: DecreeInfo): TemplateCells {
  return {
    id_opd: opdId,
    nomor: info.number,
    judul: info.title,
    tanggal: info.date,
    tempat: info.place,
    penandatangan: info.signer.name,
    nip: info.signer.nip ?? '',
    jabatan_penandatangan: info.signer.position,
    jenis: info.kind,
    periode_awal: String(info.periodStart),
    periode_akhir: String(info.periodEnd),
    ...Object.fromEntries(info.legalBases.map((b, i) => [`dasar_hukum_${i + 1}`, b])),
  };
}

const elementCells = (e: PlanElement): TemplateCells => ({
  kode: e.code,
  tingkat: e.level,
  nama: e.name,
  kode_induk: code(e.parentCode),
});

function indicatorCells(i: Indicator, years: readonly number[]): TemplateCells {
  const targets = Object.fromEntries(
    years.map((y) => {
      const t = i.targets.find((x) => x.year === y);
      return [`target_${y}`, t ? targetCell(t, i.satuan) : ''];
    }),
  );
  return {
    kode: i.code,
    jenis: i.kind,
    kode_elemen: i.elementCode,
    kode_jabatan: code(i.positionCode),
    nama: i.name,
    definisi: i.definition ?? '',
    formula_teks: i.formulaText ?? '',
    formula: i.formula ? formatFormula(i.formula) : '',
    satuan: i.satuan,
    polaritas: POLARITY_CELL[i.polarity],
    sumber_data: i.sumberData ?? '',
    penanggung_jawab: i.penanggungJawab ?? '',
    periode_data: DATA_PERIOD_CELL[i.dataPeriod],
    rollup: ROLLUP_CELL[i.rollup],
    baseline_tahun: i.baseline ? String(i.baseline.year) : '',
    baseline_nilai: i.baseline ? decimalCell(i.baseline.value) : '',
    kaskade_ke: code(i.cascadeTo),
    ...targets,
  };
}

const periodYears = (p: { periodStart: number; periodEnd: number }) =>
  Array.from({ length: p.periodEnd - p.periodStart + 1 }, (_, k) => p.periodStart + k);

function snapshotRows(snap: PlanSnapshot): TemplateRow[] {
  const years = periodYears(snap);
  return [
    ...Object.values(snap.elements).map((e) => ({ sheet: 'Renstra', cells: elementCells(e) })),
    ...Object.values(snap.indicators).map((i) => ({
      sheet: 'Indikator',
      cells: indicatorCells(i, years),
    })),
  ];
}

export function skFileRows(doc: SkDocument): TemplateRow[] {
  const years = periodYears(doc.decree);
  return [
    { sheet: 'SK', cells: decreeCells(doc.opdId, doc.decree), source: doc.sources.decree },
    ...doc.elements.map((e, i) => ({
      sheet: 'Renstra',
      cells: elementCells(e),
      source: doc.sources.elements[i],
    })),
    ...doc.indicators.map((ind, i) => ({
      sheet: 'Indikator',
      cells: indicatorCells(ind, years),
      source: doc.sources.indicators[i],
    })),
    ...doc.retirements.map((r) => ({
      sheet: 'Retire',
      cells: { kode: r.code, alasan: r.reason },
      source: r.source,
    })),
  ];
}

/**
 * A decree as its template rows: the decree itself and the Renstra and indicators as it sets
 * them (the draft as it would be enacted, an enacted decree as it left the plan). Without a
 * decree of that number, the plan in force for the period the file names.
 */
export async function skRecorded(
  loader: StateLoader,
  opdId: string,
  decreeNumber: string,
  period?: { periodStart: number; periodEnd: number },
): Promise<TemplateRow[]> {
  const { state } = await loader.load(planDecider, planStreamId(opdId));
  const d = Object.values(state.decrees).find(
    (x) => normaliseDecreeNumber(x.info.number) === normaliseDecreeNumber(decreeNumber),
  );
  if (d)
    return [
      { sheet: 'SK', cells: decreeCells(opdId, d.info) },
      ...snapshotRows(decreeTargets(state, decreeNumber)!),
    ];
  return period ? snapshotRows(snapshotOf(state, period)) : [];
}
