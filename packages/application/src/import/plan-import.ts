import { createHash } from 'node:crypto';
import {
  budgetDecider,
  budgetLineKey,
  budgetSpendingStreamId,
  budgetStreamId,
  opdDecider,
  opdStreamId,
  spendingDecider,
  type BudgetLine,
  draftPreview,
  ELEMENT_LEVELS,
  normaliseDecreeNumber,
  pkDecider,
  pkStreamId,
  planDecider,
  planStreamId,
  snapshotOf,
  deepEqual,
  type PlanState,
} from '@sakip/domain';
import type {
  AnggaranDocument,
  ImportDocument,
  ImportProblem,
  NarasiDocument,
  OrganisasiDocument,
  PkDocument,
  RealisasiDocument,
  SerapanDocument,
  SkDocument,
  SourceRef,
  TargetDocument,
} from '@sakip/importer';
import type { StateLoader } from '../state-loader';
import * as opdUseCases from '../use-cases/opds';
import * as regionUseCases from '../use-cases/regions';
import * as planUseCases from '../use-cases/plans';
import { revisePk, signPk } from '../use-cases/agreements';
import { recordBudgetStage } from '../use-cases/budgets';
import { planInForce, requirePlanInForce } from '../use-cases/plan-in-force';
import * as realizationUseCases from '../use-cases/realizations';
import { compareRows, type ImportChange, type TemplateRow } from './changes';
import {
  ANGGARAN_COLUMNS,
  NARASI_COLUMNS,
  ORGANISASI_COLUMNS,
  PEMBANDING_COLUMNS,
  PK_COLUMNS,
  problem,
  REALISASI_COLUMNS,
  SERAPAN_COLUMNS,
  SK_COLUMNS,
} from './problems';
import {
  anggaranCells,
  anggaranFileRows,
  comparableRealisasi,
  comparableOrganisasi,
  comparisonsRecorded,
  organisasiFileRows,
  pkFileRows,
  skFileRows,
  skRecorded,
  pkRecorded,
  organisasiRecorded,
  narasiFileRows,
  narasiRecorded,
  periodCell,
  realisasiFileRows,
  realisasiRecorded,
  serapanFileRows,
  serapanRecorded,
  targetFileRows,
  targetRecorded,
} from './rows';

const SK = { columns: SK_COLUMNS };
const ORG = { columns: ORGANISASI_COLUMNS };
import { step, type ImportStep } from './steps';

/** The commands of an import, grouped by the stream they write, in the order they must run. */
export interface ImportPlan {
  streams: ImportStep[][];
  problems: ImportProblem[];
  /** True when the file describes exactly what is already recorded. */
  unchanged: boolean;
  /** Row by row, what the import changes (rows absent from the file are listed only when removed). */
  changes: ImportChange[];
}

export interface PlanOptions {
  /**
   * Anggaran and serapan: each budget document / spending period in the file holds exactly the
   * file's lines, so recorded lines the file leaves out are removed. Without it, a row replaces
   * the line with the same key and every other line stays as it is.
   */
  replacePeriod?: boolean;
}

/** A UUID derived from names, so the same decree in the same OPD always gets the same id. */
export function nameUuid(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const findDecree = (state: PlanState, number: string) =>
  Object.values(state.decrees).find(
    (d) => normaliseDecreeNumber(d.info.number) === normaliseDecreeNumber(number),
  );

type Planned = Omit<ImportPlan, 'changes'> & { changes?: ImportChange[] };

export async function planImport(
  doc: ImportDocument,
  loader: StateLoader,
  opts: PlanOptions = {},
): Promise<ImportPlan> {
  // Rows of an OPD that is not registered are reported once, not once per row, and left out
  // of the plan so the rest of the file is still checked against the database.
  const missing = await missingOpds(doc, loader);
  const kept = withoutOpds(doc, new Set(missing.map((m) => m.opdId)));
  const plan = kept ? await planKind(kept, loader, opts) : null;
  return {
    streams: plan?.streams ?? [],
    problems: [...missing.map((m) => m.problem), ...(plan?.problems ?? [])],
    unchanged: missing.length === 0 && (plan?.unchanged ?? false),
    changes: plan?.changes ?? [],
  };
}

function planKind(doc: ImportDocument, loader: StateLoader, opts: PlanOptions): Promise<Planned> {
  switch (doc.kind) {
    case 'organisasi':
      return planOrganisasiWithChanges(doc, loader);
    case 'sk':
      return planSk(doc, loader);
    case 'pk':
      return planPk(doc, loader);
    case 'anggaran':
      return planAnggaran(doc, loader, opts);
    case 'target':
      return planTargets(doc, loader);
    case 'realisasi':
      return planRealisasi(doc, loader);
    case 'narasi':
      return planNarasi(doc, loader);
    case 'serapan':
      return planSerapan(doc, loader, opts);
  }
}

/** The OPDs a file refers to, each with the first row that names it. */
function opdRefs(doc: ImportDocument): Map<string, SourceRef> {
  const refs = new Map<string, SourceRef>();
  const add = (opdId: string, source: SourceRef) => {
    if (!refs.has(opdId)) refs.set(opdId, source);
  };
  switch (doc.kind) {
    case 'organisasi': {
      // OPDs registered by the same file count as existing.
      const own = new Set(doc.opds.map((o) => `${o.regionCode}-${o.code}`));
      for (const x of [...doc.units, ...doc.positions])
        if (!own.has(x.opdId)) add(x.opdId, x.source);
      break;
    }
    case 'sk':
      add(doc.opdId, doc.sources.decree);
      break;
    case 'pk':
      add(doc.opdId, doc.source);
      break;
    case 'anggaran':
      for (const s of doc.stages) add(s.opdId, s.source);
      break;
    case 'target':
    case 'realisasi':
    case 'narasi':
    case 'serapan':
      for (const r of doc.rows) add(r.opdId, r.source);
      break;
  }
  return refs;
}

async function missingOpds(
  doc: ImportDocument,
  loader: StateLoader,
): Promise<{ opdId: string; problem: ImportProblem }[]> {
  const out: { opdId: string; problem: ImportProblem }[] = [];
  for (const [opdId, source] of opdRefs(doc)) {
    const { state } = await loader.load(opdDecider, opdStreamId(opdId));
    if (state.status !== 'none') continue;
    out.push({
      opdId,
      problem: problem(
        source,
        'id_opd',
        `OPD ${opdId} belum terdaftar; daftarkan dulu dengan template organisasi. Tidak ada baris OPD ini yang ditulis`,
        `OPD ${opdId} is not registered; register it first with the organisasi template. No row of this OPD is written`,
      ),
    });
  }
  return out;
}

/** The document without the rows of `opds`; null when nothing is left to plan. */
function withoutOpds(doc: ImportDocument, opds: ReadonlySet<string>): ImportDocument | null {
  if (opds.size === 0) return doc;
  const keep = <T extends { opdId: string }>(xs: T[]) => xs.filter((x) => !opds.has(x.opdId));
  switch (doc.kind) {
    case 'organisasi':
      return { ...doc, units: keep(doc.units), positions: keep(doc.positions) };
    case 'sk':
    case 'pk':
      return opds.has(doc.opdId) ? null : doc;
    case 'anggaran':
      return { ...doc, stages: keep(doc.stages) };
    case 'target':
      return { ...doc, rows: keep(doc.rows) };
    case 'realisasi':
      return { ...doc, rows: keep(doc.rows) };
    case 'narasi':
      return { ...doc, rows: keep(doc.rows) };
    case 'serapan':
      return { ...doc, rows: keep(doc.rows) };
  }
}

/** Group steps by the stream they write, keeping the file's order within each stream. */
function byStream(entries: { key: string; step: ImportStep }[]): ImportStep[][] {
  const groups = new Map<string, ImportStep[]>();
  for (const e of entries) groups.set(e.key, [...(groups.get(e.key) ?? []), e.step]);
  return [...groups.values()];
}

/** Each (OPD, year) of a file once, with what else the rows name. */
function byOpdYear<T extends { opdId: string; year: number }>(rows: readonly T[]) {
  const groups = new Map<string, { opdId: string; year: number; rows: T[] }>();
  for (const r of rows) {
    const k = `${r.opdId}\u0000${r.year}`;
    const g = groups.get(k) ?? { opdId: r.opdId, year: r.year, rows: [] };
    g.rows.push(r);
    groups.set(k, g);
  }
  return [...groups.values()];
}

async function planRealisasi(doc: RealisasiDocument, loader: StateLoader): Promise<Planned> {
  const problems: ImportProblem[] = [];
  const plans = new Map<string, Awaited<ReturnType<typeof planInForce>>>();
  for (const r of doc.rows) {
    const key = `${r.opdId}:${r.year}`;
    if (!plans.has(key)) plans.set(key, await planInForce(loader, r.opdId, r.year));
    const satuan = plans.get(key)?.indicators[r.indicatorCode]?.satuan;
    if (r.percent && satuan !== undefined && satuan.trim() !== '%') {
      problems.push(
        problem(
          r.source,
          'nilai',
          `Nilai ditulis dalam persen, padahal satuan ${r.indicatorCode} adalah "${satuan}"`,
          `Value written as a percentage but ${r.indicatorCode} is measured in "${satuan}"`,
        ),
      );
    }
  }
  const comparisons = await comparisonOwners(doc, loader, problems);
  const steps = [
    ...doc.rows.map((r) => ({
      key: `real:${r.opdId}:${r.indicatorCode}:${r.year}`,
      step: step(
        realizationUseCases.recordRealization,
        {
          opdId: r.opdId,
          indicatorCode: r.indicatorCode,
          year: r.year,
          period: r.period,
          value: r.value,
          inputs: r.inputs,
          evidence: r.evidence,
          note: r.note,
        },
        r.source,
        { columns: REALISASI_COLUMNS },
      ),
    })),
    ...comparisons.map(({ row: c, opdId }) => ({
      key: `cmp:${opdId ?? ''}:${c.indicatorKey}:${c.year}`,
      step: step(
        realizationUseCases.recordComparison,
        {
          scope: c.scope,
          code: c.code,
          indicatorKey: c.indicatorKey,
          opdId,
          year: c.year,
          value: c.value,
          source: c.dataSource,
        },
        c.source,
        { columns: PEMBANDING_COLUMNS },
      ),
    })),
  ];
  const recorded: TemplateRow[] = [];
  for (const g of byOpdYear(doc.rows))
    recorded.push(
      ...(await realisasiRecorded(
        loader,
        g.opdId,
        g.year,
        g.rows.map((r) => r.indicatorCode),
      )),
    );
  recorded.push(
    ...(await comparisonsRecorded(
      loader,
      comparisons.map(({ row, opdId }) => ({
        indicatorKey: row.indicatorKey,
        year: row.year,
        opdId,
      })),
    )),
  );
  const comparable = (rows: TemplateRow[]) =>
    rows.map((r) => (r.sheet === 'Realisasi' ? { ...r, cells: comparableRealisasi(r.cells) } : r));
  const changes = compareRows(
    'realisasi',
    comparable(realisasiFileRows(doc)),
    comparable(recorded),
  );
  return { streams: byStream(steps), problems, unchanged: false, changes };
}

/**
 * Who each Pembanding row belongs to: a catalog code is the catalog indicator's; any other key is
 * a local code of the OPD whose realizations the file records (a realisasi file is one OPD's).
 * A local code in a file of several OPDs, or of none, cannot be told apart: refused by name.
 */
async function comparisonOwners(
  doc: RealisasiDocument,
  loader: StateLoader,
  problems: ImportProblem[],
): Promise<{ row: RealisasiDocument['comparisons'][number]; opdId: string | null }[]> {
  const opds = [...new Set(doc.rows.map((r) => r.opdId))];
  const only = opds.length === 1 ? (opds[0] ?? null) : null;
  const catalogs = new Map<string, string[]>();
  const codesOf = async (scope: 'province' | 'national', code: string) => {
    const key = `${scope}:${code}`;
    if (!catalogs.has(key))
      catalogs.set(key, await realizationUseCases.catalogCodesFor(loader, scope, code));
    return catalogs.get(key) ?? [];
  };
  const out: { row: RealisasiDocument['comparisons'][number]; opdId: string | null }[] = [];
  for (const c of doc.comparisons) {
    if ((await codesOf(c.scope, c.code)).includes(c.indicatorKey)) {
      out.push({ row: c, opdId: null });
    } else if (only !== null) {
      out.push({ row: c, opdId: only });
    } else {
      problems.push(
        problem(
          c.source,
          'kunci_indikator',
          `"${c.indicatorKey}" bukan kode katalog provinsi, dan berkas ini memuat realisasi ${opds.length === 0 ? 'tanpa OPD' : `${opds.length} OPD`}: angka pembanding indikator OPD harus dalam berkas realisasi satu OPD`,
          `"${c.indicatorKey}" is not a province catalog code and this file records ${opds.length === 0 ? 'no OPD' : `${opds.length} OPDs`}: figures of an OPD's own indicator belong in a realisasi file of one OPD`,
        ),
      );
    }
  }
  return out;
}

async function planNarasi(doc: NarasiDocument, loader: StateLoader): Promise<Planned> {
  const steps = doc.rows.map((r) => ({
    key: `narr:${r.opdId}:${r.sasaranCode}:${r.year}`,
    step: step(
      realizationUseCases.recordNarrative,
      {
        opdId: r.opdId,
        sasaranCode: r.sasaranCode,
        year: r.year,
        faktorPendukung: r.faktorPendukung,
        faktorPenghambat: r.faktorPenghambat,
        solusi: r.solusi,
      },
      r.source,
      { columns: NARASI_COLUMNS },
    ),
  }));
  const recorded: TemplateRow[] = [];
  for (const g of byOpdYear(doc.rows))
    recorded.push(
      ...(await narasiRecorded(
        loader,
        g.opdId,
        g.year,
        g.rows.map((r) => r.sasaranCode),
      )),
    );
  const changes = compareRows('narasi', narasiFileRows(doc), recorded);
  return { streams: byStream(steps), problems: [], unchanged: false, changes };
}

const spendingLineKey = (l: {
  programCode: string;
  kegiatanCode: string | null;
  subKegiatanCode: string | null;
}) => `${l.programCode}|${l.kegiatanCode ?? ''}|${l.subKegiatanCode ?? ''}`;

/**
 * Spending rows of one OPD, year and period become one RecordSpending (the domain records a
 * period whole): the period's recorded lines with the file's rows replacing those with the same
 * key, or, with `replacePeriod`, the file's rows alone.
 */
async function planSerapan(
  doc: SerapanDocument,
  loader: StateLoader,
  opts: PlanOptions,
): Promise<Planned> {
  const steps: { key: string; step: ImportStep }[] = [];
  const changes: ImportChange[] = [];
  for (const g of byOpdYear(doc.rows)) {
    const { state } = await loader.load(spendingDecider, budgetSpendingStreamId(g.opdId, g.year));
    const periods = new Map<string, SerapanDocument['rows']>();
    for (const r of g.rows) periods.set(r.period, [...(periods.get(r.period) ?? []), r]);
    for (const [period, rows] of periods) {
      const first = rows[0]!;
      const fileKeys = new Set(rows.map(spendingLineKey));
      const kept = opts.replacePeriod
        ? []
        : (state.periods[first.period] ?? []).filter((l) => !fileKeys.has(spendingLineKey(l)));
      const lines = [
        ...kept,
        ...rows.map((r) => ({
          programCode: r.programCode,
          kegiatanCode: r.kegiatanCode,
          subKegiatanCode: r.subKegiatanCode,
          amount: r.amount,
        })),
      ];
      steps.push({
        key: `spend:${g.opdId}:${g.year}`,
        step: step(
          realizationUseCases.recordSpending,
          { opdId: g.opdId, year: g.year, period: first.period, lines },
          first.source,
          {
            columns: SERAPAN_COLUMNS,
            rows: { lines: [...kept.map(() => first.source), ...rows.map((r) => r.source)] },
          },
        ),
      });
      const recorded = (await serapanRecorded(loader, g.opdId, g.year)).filter(
        (r) => r.cells['periode'] === periodCell(period),
      );
      changes.push(
        ...compareRows(
          'serapan',
          serapanFileRows({ kind: 'serapan', rows }),
          recorded,
          () => opts.replacePeriod === true,
        ),
      );
    }
  }
  return { streams: byStream(steps), problems: [], unchanged: false, changes };
}

async function planOrganisasiWithChanges(
  doc: OrganisasiDocument,
  loader: StateLoader,
): Promise<Planned> {
  const recorded = await organisasiRecorded(loader, {
    regionCodes: doc.regions.map((r) => r.code),
    opdIds: [
      ...doc.opds.map((o) => `${o.regionCode}-${o.code}`),
      ...doc.units.map((u) => u.opdId),
      ...doc.positions.map((p) => p.opdId),
    ],
  });
  // Only the OPDs a sheet of the file lists are compared: an OPD named by a Unit row alone is
  // not compared on its OPD row.
  const changes = compareRows(
    'organisasi',
    organisasiFileRows(doc).map(comparableOrganisasi),
    recorded.map(comparableOrganisasi),
  );
  return { ...planOrganisasi(doc), changes };
}

function planOrganisasi(doc: OrganisasiDocument): Planned {
  const streams: ImportStep[][] = [];
  // Provinces before their kabupaten/kota.
  for (const r of [...doc.regions].sort((a, b) => a.code.length - b.code.length)) {
    streams.push([
      step(
        regionUseCases.registerRegion,
        { code: r.code, name: r.name, codeEdition: r.codeEdition },
        r.source,
        ORG,
      ),
    ]);
  }
  const byOpd = new Map<string, ImportStep[]>();
  for (const o of doc.opds)
    byOpd.set(`${o.regionCode}-${o.code}`, [
      step(
        opdUseCases.registerOpd,
        { regionCode: o.regionCode, code: o.code, name: o.name },
        o.source,
        { columns: { ...ORGANISASI_COLUMNS, code: 'kode_opd' } },
      ),
    ]);
  const stepsOf = (opdId: string) => byOpd.get(opdId) ?? (byOpd.set(opdId, []), byOpd.get(opdId)!);
  const depth = (code: string, seen = 0): number => {
    const u = doc.units.find((x) => x.code === code);
    return u?.parentCode && seen < 10 ? 1 + depth(u.parentCode, seen + 1) : 0;
  };
  for (const u of [...doc.units].sort((a, b) => depth(a.code) - depth(b.code))) {
    stepsOf(u.opdId).push(
      step(
        opdUseCases.addUnit,
        { opdId: u.opdId, code: u.code, name: u.name, kind: u.kind, parentCode: u.parentCode },
        u.source,
        { columns: { ...ORGANISASI_COLUMNS, code: 'kode_unit' } },
      ),
    );
  }
  for (const p of doc.positions) {
    stepsOf(p.opdId).push(
      step(
        opdUseCases.addPosition,
        {
          opdId: p.opdId,
          code: p.code,
          title: p.title,
          unitCode: p.unitCode,
          tugas: p.tugas,
          fungsi: p.fungsi,
        },
        p.source,
        { columns: { ...ORGANISASI_COLUMNS, code: 'kode_jabatan' } },
      ),
    );
  }
  return { streams: [...streams, ...byOpd.values()], problems: [], unchanged: false };
}

async function planSk(doc: SkDocument, loader: StateLoader): Promise<Planned> {
  const changes = compareRows(
    'sk',
    skFileRows(doc),
    await skRecorded(loader, doc.opdId, doc.decree.number, doc.decree),
  );
  const { state } = await loader.load(planDecider, planStreamId(doc.opdId));
  const existing = findDecree(state, doc.decree.number);
  const decreeId =
    existing?.decreeId ?? nameUuid('decree', doc.opdId, normaliseDecreeNumber(doc.decree.number));
  if (existing?.status === 'enacted') {
    // Enacted decrees are immutable: the same file again changes nothing, a different one is refused.
    const snap = snapshotOf(state, existing.info, existing.decreeId);
    const same =
      deepEqual(existing.info, doc.decree) &&
      doc.elements.every((e) => deepEqual(snap.elements[e.code], e)) &&
      doc.indicators.every((i) => deepEqual(snap.indicators[i.code], i)) &&
      doc.retirements.every((r) => !snap.indicators[r.code]);
    if (same) return { streams: [], problems: [], unchanged: true, changes };
    return {
      streams: [],
      problems: [
        problem(
          doc.sources.decree,
          'nomor',
          `SK ${doc.decree.number} sudah ditetapkan dan isinya berbeda; koreksi memerlukan SK perubahan baru`,
          `Decree ${doc.decree.number} is enacted with different content; corrections need a new amending decree`,
        ),
      ],
      unchanged: false,
      changes,
    };
  }
  const on = { opdId: doc.opdId, decreeId };
  const rank = (level: string) => ELEMENT_LEVELS.indexOf(level as (typeof ELEMENT_LEVELS)[number]);
  const elements = doc.elements
    .map((e, i) => ({ e, source: doc.sources.elements[i]! }))
    .sort((a, b) => rank(a.e.level) - rank(b.e.level));
  const steps: ImportStep[] = [
    step(
      existing ? planUseCases.editDecree : planUseCases.draftDecree,
      { ...on, info: doc.decree },
      doc.sources.decree,
      SK,
    ),
    ...elements.map(({ e, source }) =>
      step(planUseCases.defineElement, { ...on, element: e }, source, SK),
    ),
    ...doc.indicators.map((ind, i) =>
      step(planUseCases.defineIndicator, { ...on, indicator: ind }, doc.sources.indicators[i]!, {
        columns: SK_COLUMNS,
        target: (t) => ({ column: ind.targets[t] ? `target_${ind.targets[t].year}` : 'target_*' }),
      }),
    ),
    ...doc.retirements.map((r) =>
      step(planUseCases.retireIndicator, { ...on, code: r.code, reason: r.reason }, r.source, SK),
    ),
    step(planUseCases.enactDecree, on, doc.sources.decree, SK),
  ];
  return { streams: [steps], problems: [], unchanged: false, changes };
}

async function planPk(doc: PkDocument, loader: StateLoader): Promise<Planned> {
  const problems: ImportProblem[] = [];
  const plan = await requirePlanInForce(loader, doc.opdId, doc.year).catch(() => null);
  for (const t of doc.targets) {
    const satuan = plan?.indicators[t.indicatorCode]?.satuan;
    if (t.percent && satuan !== undefined && satuan.trim() !== '%') {
      problems.push(
        problem(
          t.source,
          'target',
          `Target ditulis dalam persen, padahal satuan indikator ${t.indicatorCode} adalah "${satuan}"`,
          `Target written as a percentage but indicator ${t.indicatorCode} is measured in "${satuan}"`,
        ),
      );
    }
  }
  const { state } = await loader.load(pkDecider, pkStreamId(doc.opdId, doc.year, doc.positionCode));
  const key = { opdId: doc.opdId, year: doc.year, positionCode: doc.positionCode };
  const targets = doc.targets.map((t) => ({
    indicatorCode: t.indicatorCode,
    value: t.value,
    min: t.min,
    max: t.max,
    unit: t.unit,
    text: t.text,
  }));
  const budgets = doc.budgets.map((b) => ({ programCode: b.programCode, amount: b.amount }));
  const locator = {
    columns: PK_COLUMNS,
    rows: { targets: doc.targets.map((t) => t.source), budgets: doc.budgets.map((b) => b.source) },
  };
  const s =
    state.status !== 'none' && doc.revisionReason
      ? step(
          revisePk,
          { ...key, reason: doc.revisionReason, date: doc.date, targets, budgets },
          doc.source,
          locator,
        )
      : step(
          signPk,
          {
            ...key,
            firstParty: doc.firstParty,
            secondParty: doc.secondParty,
            date: doc.date,
            targets,
            budgets,
          },
          doc.source,
          locator,
        );
  const changes = compareRows(
    'pk',
    await pkFileRows(doc, loader),
    await pkRecorded(loader, doc.opdId, doc.year, doc.positionCode),
    // A PK is recorded whole: a target or budget line the file leaves out is dropped from it.
    (r) => r.sheet !== 'PK',
  );
  return { streams: [[s]], problems, unchanged: false, changes };
}

/**
 * Each budget document of the file becomes one RecordBudgetStage (the domain records a stage
 * whole). Its lines are those of the document as recorded or, for a document not recorded yet,
 * of the stage in force before it, with the file's rows replacing the lines with the same key;
 * with `replacePeriod`, the file's rows alone.
 */
async function planAnggaran(
  doc: AnggaranDocument,
  loader: StateLoader,
  opts: PlanOptions,
): Promise<Planned> {
  const byStream = new Map<string, ImportStep[]>();
  const changes: ImportChange[] = [];
  /** Per OPD and year: the lines in force after the documents planned so far. */
  const inForce = new Map<string, BudgetLine[]>();
  for (const s of doc.stages) {
    const key = `${s.opdId}:${s.year}`;
    const { state } = await loader.load(budgetDecider, budgetStreamId(s.opdId, s.year));
    const recorded = state.stages.find(
      (r) => r.stage === s.stage && r.documentRef === s.documentRef,
    );
    const base = recorded?.lines ?? inForce.get(key) ?? state.stages.at(-1)?.lines ?? [];
    const fileLines: BudgetLine[] = s.lines.map((l) => ({
      programCode: l.programCode,
      kegiatanCode: l.kegiatanCode,
      subKegiatanCode: l.subKegiatanCode,
      amount: l.amount,
      fundingSource: l.fundingSource,
    }));
    const fileKeys = new Set(fileLines.map(budgetLineKey));
    const kept = opts.replacePeriod ? [] : base.filter((l) => !fileKeys.has(budgetLineKey(l)));
    const lines = [...kept, ...fileLines];
    inForce.set(key, lines);
    const steps = byStream.get(key) ?? [];
    steps.push(
      step(
        recordBudgetStage,
        {
          opdId: s.opdId,
          year: s.year,
          stage: s.stage,
          documentRef: s.documentRef,
          date: s.date,
          lines,
        },
        s.source,
        {
          columns: ANGGARAN_COLUMNS,
          rows: { lines: [...kept.map(() => s.source), ...s.lines.map((l) => l.source)] },
        },
      ),
    );
    byStream.set(key, steps);
    // Compared with the document as recorded, or with the budget in force it would follow.
    const head = recorded ? { ...s, date: recorded.date } : s;
    const before = base.map((l) => ({ sheet: 'Anggaran', cells: anggaranCells(head, l) }));
    changes.push(
      ...compareRows(
        'anggaran',
        anggaranFileRows({ kind: 'anggaran', stages: [s] }),
        before,
        () => opts.replacePeriod === true,
      ),
    );
  }
  return { streams: [...byStream.values()], problems: [], unchanged: false, changes };
}

/** Bulk targets go into a draft decree: each indicator is redefined with its new yearly targets. */
async function planTargets(doc: TargetDocument, loader: StateLoader): Promise<Planned> {
  const problems: ImportProblem[] = [];
  const streams: ImportStep[][] = [];
  const byDecree = new Map<string, TargetDocument['rows']>();
  for (const r of doc.rows) {
    const key = `${r.opdId}\u0000${normaliseDecreeNumber(r.decreeNumber)}`;
    byDecree.set(key, [...(byDecree.get(key) ?? []), r]);
  }
  for (const rows of byDecree.values()) {
    const first = rows[0]!;
    const { state } = await loader.load(planDecider, planStreamId(first.opdId));
    const decree = findDecree(state, first.decreeNumber);
    if (!decree) {
      problems.push(
        problem(
          first.source,
          'nomor_sk',
          `SK ${first.decreeNumber} tidak ada di ${first.opdId}`,
          `Decree ${first.decreeNumber} does not exist in ${first.opdId}`,
        ),
      );
      continue;
    }
    if (decree.status === 'enacted') {
      // The targets an enacted SK already has: nothing to do. Anything else needs a new SK.
      const snap = snapshotOf(state, decree.info, decree.decreeId);
      const differing = rows.filter(
        (r) =>
          !deepEqual(
            snap.indicators[r.indicatorCode]?.targets.find((t) => t.year === r.year),
            r.target,
          ),
      );
      for (const r of differing) {
        problems.push(
          problem(
            r.source,
            'target',
            `SK ${first.decreeNumber} sudah ditetapkan; target baru memerlukan SK perubahan`,
            `Decree ${first.decreeNumber} is enacted; new targets need an amending decree`,
          ),
        );
      }
      continue;
    }
    const preview = draftPreview(state, decree.decreeId);
    const byIndicator = new Map<string, typeof rows>();
    for (const r of rows)
      byIndicator.set(r.indicatorCode, [...(byIndicator.get(r.indicatorCode) ?? []), r]);
    const steps: ImportStep[] = [];
    for (const [code, its] of byIndicator) {
      const ind = preview.indicators[code];
      if (!ind) {
        problems.push(
          problem(
            its[0]!.source,
            'kode_indikator',
            `Indikator ${code} tidak ada pada SK ${first.decreeNumber}`,
            `Indicator ${code} is not in decree ${first.decreeNumber}`,
          ),
        );
        continue;
      }
      for (const r of its) {
        if (r.percent && ind.satuan.trim() !== '%')
          problems.push(
            problem(
              r.source,
              'target',
              `Target persen untuk satuan "${ind.satuan}"`,
              `Percentage target for unit "${ind.satuan}"`,
            ),
          );
      }
      const years = new Set(its.map((r) => r.year));
      const targets = [
        ...ind.targets.filter((t) => !years.has(t.year)),
        ...its.map((r) => r.target),
      ].sort((a, b) => a.year - b.year);
      const rowOfYear = new Map(its.map((r) => [r.year, r.source]));
      steps.push(
        step(
          planUseCases.defineIndicator,
          { opdId: first.opdId, decreeId: decree.decreeId, indicator: { ...ind, targets } },
          its[0]!.source,
          {
            columns: { ...SK_COLUMNS, 'indicator.code': 'kode_indikator' },
            target: (i) => {
              const year = targets[i]?.year;
              return { column: 'target', source: year ? rowOfYear.get(year) : undefined };
            },
          },
        ),
      );
    }
    streams.push(steps);
  }
  const recorded: TemplateRow[] = [];
  const decrees = new Map(doc.rows.map((r) => [`${r.opdId}\u0000${r.decreeNumber}`, r]));
  for (const r of decrees.values())
    recorded.push(...(await targetRecorded(loader, r.opdId, r.decreeNumber)));
  const changes = compareRows('target', await targetFileRows(doc, loader), recorded);
  return { streams, problems, unchanged: false, changes };
}
