import { createHash } from 'node:crypto';
import {
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
import { problem } from './problems';
import { step, type ImportStep } from './steps';

/** The commands of an import, grouped by the stream they write, in the order they must run. */
export interface ImportPlan {
  streams: ImportStep[][];
  problems: ImportProblem[];
  /** True when the file describes exactly what is already recorded. */
  unchanged: boolean;
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

export async function planImport(doc: ImportDocument, loader: StateLoader): Promise<ImportPlan> {
  switch (doc.kind) {
    case 'organisasi':
      return planOrganisasi(doc);
    case 'sk':
      return planSk(doc, loader);
    case 'pk':
      return planPk(doc, loader);
    case 'anggaran':
      return planAnggaran(doc);
    case 'target':
      return planTargets(doc, loader);
    case 'realisasi':
      return planRealisasi(doc, loader);
    case 'narasi':
      return planNarasi(doc);
    case 'serapan':
      return planSerapan(doc);
  }
}

/** Group steps by the stream they write, keeping the file's order within each stream. */
function byStream(entries: { key: string; step: ImportStep }[]): ImportStep[][] {
  const groups = new Map<string, ImportStep[]>();
  for (const e of entries) groups.set(e.key, [...(groups.get(e.key) ?? []), e.step]);
  return [...groups.values()];
}

async function planRealisasi(doc: RealisasiDocument, loader: StateLoader): Promise<ImportPlan> {
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
      ),
    })),
    ...doc.comparisons.map((c) => ({
      key: `cmp:${c.indicatorKey}:${c.year}`,
      step: step(
        realizationUseCases.recordComparison,
        {
          scope: c.scope,
          code: c.code,
          indicatorKey: c.indicatorKey,
          year: c.year,
          value: c.value,
          source: c.dataSource,
        },
        c.source,
      ),
    })),
  ];
  return { streams: byStream(steps), problems, unchanged: false };
}

function planNarasi(doc: NarasiDocument): ImportPlan {
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
    ),
  }));
  return { streams: byStream(steps), problems: [], unchanged: false };
}

/** Spending rows of one OPD, year and period become one RecordSpending with all their lines. */
function planSerapan(doc: SerapanDocument): ImportPlan {
  const periods = new Map<string, SerapanDocument['rows']>();
  for (const r of doc.rows) {
    const key = `${r.opdId}:${r.year}:${r.period}`;
    periods.set(key, [...(periods.get(key) ?? []), r]);
  }
  const steps = [...periods.values()].map((rows) => {
    const first = rows[0]!;
    return {
      key: `spend:${first.opdId}:${first.year}`,
      step: step(
        realizationUseCases.recordSpending,
        {
          opdId: first.opdId,
          year: first.year,
          period: first.period,
          lines: rows.map((r) => ({
            programCode: r.programCode,
            kegiatanCode: r.kegiatanCode,
            subKegiatanCode: r.subKegiatanCode,
            amount: r.amount,
          })),
        },
        first.source,
      ),
    };
  });
  return { streams: byStream(steps), problems: [], unchanged: false };
}

function planOrganisasi(doc: OrganisasiDocument): ImportPlan {
  const streams: ImportStep[][] = [];
  // Provinces before their kabupaten/kota.
  for (const r of [...doc.regions].sort((a, b) => a.code.length - b.code.length)) {
    streams.push([
      step(
        regionUseCases.registerRegion,
        { code: r.code, name: r.name, codeEdition: r.codeEdition },
        r.source,
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
      ),
    );
  }
  return { streams: [...streams, ...byOpd.values()], problems: [], unchanged: false };
}

async function planSk(doc: SkDocument, loader: StateLoader): Promise<ImportPlan> {
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
    if (same) return { streams: [], problems: [], unchanged: true };
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
    ),
    ...elements.map(({ e, source }) =>
      step(planUseCases.defineElement, { ...on, element: e }, source),
    ),
    ...doc.indicators.map((ind, i) =>
      step(
        planUseCases.defineIndicator,
        { ...on, indicator: ind },
        doc.sources.indicators[i]!,
        ind.targets.map((t) => t.year),
      ),
    ),
    ...doc.retirements.map((r) =>
      step(planUseCases.retireIndicator, { ...on, code: r.code, reason: r.reason }, r.source),
    ),
    step(planUseCases.enactDecree, on, doc.sources.decree),
  ];
  return { streams: [steps], problems: [], unchanged: false };
}

async function planPk(doc: PkDocument, loader: StateLoader): Promise<ImportPlan> {
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
    unit: t.unit,
    text: t.text,
  }));
  const budgets = doc.budgets.map((b) => ({ programCode: b.programCode, amount: b.amount }));
  const s =
    state.status !== 'none' && doc.revisionReason
      ? step(
          revisePk,
          { ...key, reason: doc.revisionReason, date: doc.date, targets, budgets },
          doc.source,
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
        );
  return { streams: [[s]], problems, unchanged: false };
}

function planAnggaran(doc: AnggaranDocument): ImportPlan {
  const problems: ImportProblem[] = [];
  const byStream = new Map<string, ImportStep[]>();
  for (const s of doc.stages) {
    const lines = s.lines.map((l) => ({
      programCode: l.programCode,
      kegiatanCode: l.kegiatanCode,
      subKegiatanCode: l.subKegiatanCode,
      amount: l.amount,
      fundingSource: l.fundingSource,
    }));
    const key = `${s.opdId}:${s.year}`;
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
        } as never,
        s.source,
      ),
    );
    byStream.set(key, steps);
  }
  return { streams: [...byStream.values()], problems, unchanged: false };
}

/** Bulk targets go into a draft decree: each indicator is redefined with its new yearly targets. */
async function planTargets(doc: TargetDocument, loader: StateLoader): Promise<ImportPlan> {
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
      steps.push(
        step(
          planUseCases.defineIndicator,
          { opdId: first.opdId, decreeId: decree.decreeId, indicator: { ...ind, targets } },
          its[0]!.source,
          targets.map((t) => t.year),
        ),
      );
    }
    streams.push(steps);
  }
  return { streams, problems, unchanged: false };
}
