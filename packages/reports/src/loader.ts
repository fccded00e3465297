// Gathers an LKjIP's data from the application queries, read at one event-store position.
// The position is the subject's own latest relevant event (its plan, PK, budget, spending,
// realizations and narratives of the year and the years before in the period, its region's
// settings, the province catalog and the comparison figures of the year), so a rebuild with
// no new relevant event reads exactly the same events and gives the same document.
import {
  AchievementQueries,
  AgreementQueries,
  ComparisonQueries,
  OrgQueries,
  PlanQueries,
  planInForce,
  StateLoader,
} from '@sakip/application';
import type { Sql } from '@sakip/db';
import {
  Dec,
  currentNarrative,
  defaultTimeZoneOf,
  localDateOf,
  planDecider,
  planStreamId,
  regionDecider,
  regionStreamId,
  type PemdaTimeZone,
  type PkTargetConflict,
} from '@sakip/domain';
import { EventStore, type RecordedEvent } from '@sakip/event-store';
import type { LkjipData, ReportIndicator, ReportNarrative, ReportTemplates } from './data';
import { num } from './format';
import { measuredYear } from './measured';
import { loadTemplates } from './templates';

/** An EventStore that sees only the events at or below a position. */
export class PinnedEventStore extends EventStore {
  constructor(
    sql: Sql,
    readonly pinnedAt: number,
  ) {
    super(sql);
  }

  override async readStream(
    streamId: string,
    afterVersion = 0,
  ): Promise<{ version: number; events: RecordedEvent[] }> {
    const { events } = await super.readStream(streamId, afterVersion);
    const seen = events.filter((e) => e.globalPosition <= this.pinnedAt);
    return { version: seen.at(-1)?.streamVersion ?? afterVersion, events: seen };
  }

  override async readStreams(
    from: readonly { streamId: string; afterVersion: number }[],
  ): Promise<Map<string, RecordedEvent[]>> {
    const all = await super.readStreams(from);
    return new Map(
      [...all].map(([id, events]) => [id, events.filter((e) => e.globalPosition <= this.pinnedAt)]),
    );
  }
}

export class ReportSubjectNotFound extends Error {
  constructor(readonly subjectId: string) {
    super(`OPD/pemda tidak ditemukan / not found: ${subjectId}`);
    this.name = 'ReportSubjectNotFound';
  }
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Region code of an OPD id ("18.04-DISKOPERINDAG" → "18.04"). */
export const regionOf = (opdId: string): string => opdId.split('-')[0] ?? opdId;

/** How many years back realizations count for a year's report (earlier years of the period). */
const HISTORY_YEARS = 6;

/**
 * The latest position of the events an OPD's report for a year reads (0 when none), at or
 * below `atMost` when given. The scheduler compares it with a report's feed_position.
 */
export async function dataPosition(
  sql: Sql,
  opdId: string,
  year: number,
  atMost?: number,
): Promise<number> {
  const region = regionOf(opdId);
  const province = region.slice(0, 2);
  const o = likeEscape(opdId);
  const exact = [
    `opd-${opdId}`,
    `plan-${opdId}`,
    `budget-${opdId}-${year}`,
    `spend-${opdId}-${year}`,
    regionStreamId(region),
    regionStreamId(province),
    `catalog-${province}`,
  ];
  const years = Array.from({ length: HISTORY_YEARS }, (_, k) => year - k);
  const patterns = [
    `pk-${o}-${year}-%`,
    `cmp-%-${year}`,
    ...years.flatMap((y) => [`real-${o}-%-${y}`, `narr-${o}-%-${y}`]),
  ];
  const [row] = await sql<{ p: number | null }[]>`
    select max(e.global_position)::bigint as p
    from events e
    where e.stream_id in (select s.stream_id from streams s where s.stream_id = any(${exact}) or s.stream_id like any(${patterns}))
      ${atMost === undefined ? sql`` : sql`and e.global_position <= ${atMost}`}`;
  return row?.p ?? 0;
}

/**
 * ISO date of the event at a position on the pemda's clock (its time zone setting, else its
 * province's, else the province code's zone); the year's last day when there is none.
 */
async function dateAt(
  sql: Sql,
  position: number,
  year: number,
  zone: PemdaTimeZone,
): Promise<string> {
  const [row] = await sql<
    { at: Date }[]
  >`select recorded_at as at from events where global_position = ${position}`;
  return (row && localDateOf(row.at.toISOString(), zone)) ?? `${year}-12-31`;
}

/** The zone a pemda's report dates are in: its own choice, its province's, the code's default. */
function reportTimeZone(
  regionCode: string,
  region: { timeZone: PemdaTimeZone | null },
  province: { timeZone: PemdaTimeZone | null },
): PemdaTimeZone {
  return region.timeZone ?? province.timeZone ?? defaultTimeZoneOf(regionCode);
}

const firstPart = (message: string) => message.split(' / ')[0] ?? message;

function conflictText(c: PkTargetConflict, names: Map<string, string>): string {
  const name = names.get(c.indicatorCode) ?? c.indicatorCode;
  switch (c.kind) {
    case 'missing_in_pk':
      return `Target ${name} ada di Renstra (${num(c.renstraValue)}) tetapi tidak di PK.`;
    case 'missing_in_renstra':
      return `Target ${name} ada di PK (${num(c.pkValue)}) tetapi tidak di Renstra.`;
    default:
      return `Target ${name} di PK (${num(c.pkValue)}) berbeda dengan Renstra (${num(c.renstraValue)}).`;
  }
}

export interface LoadOptions {
  /** Read at this position (a report's feed_position) instead of the latest. */
  position?: number;
  /** Use these templates instead of the stored ones. */
  templates?: ReportTemplates;
}

/** Everything an OPD's LKjIP for a year shows, read at one position. */
export async function loadLkjipData(
  deps: { sql: Sql },
  opdId: string,
  year: number,
  options: LoadOptions = {},
): Promise<LkjipData> {
  const { sql } = deps;
  const feedPosition = await dataPosition(sql, opdId, year, options.position);
  const store = new PinnedEventStore(sql, feedPosition);
  const loader = new StateLoader(store);
  const opd = await new OrgQueries(store).opd(opdId);
  if (!opd || opd.status === 'none') throw new ReportSubjectNotFound(opdId);
  const regionCode = opd.regionCode || regionOf(opdId);
  const provinceCode = regionCode.slice(0, 2);
  const [region, province] = await Promise.all([
    loader.load(regionDecider, regionStreamId(regionCode)),
    loader.load(regionDecider, regionStreamId(provinceCode)),
  ]);
  const plan = await planInForce(loader, opdId, year);
  const planState = (await loader.load(planDecider, planStreamId(opdId))).state;
  const achievements = new AchievementQueries(store, loader);
  const agreements = new AgreementQueries(loader);
  const ay = await measuredYear(loader, achievements, opdId, year);
  const decrees = plan
    ? (await new PlanQueries(store).decrees(opdId)).filter((d) =>
        plan.decreeIds.includes(d.decreeId),
      )
    : [];
  const lastDecree = plan ? planState.decrees[plan.decreeIds.at(-1) ?? ''] : undefined;

  // Earlier years of the period, for the comparison tables.
  const history = new Map<string, ReportIndicator['history']>();
  if (plan) {
    for (let y = Math.max(plan.periodStart, year - HISTORY_YEARS + 1); y < year; y++) {
      const earlier = await measuredYear(loader, achievements, opdId, y);
      for (const row of earlier?.indicators ?? []) {
        const list = history.get(row.indicator.code) ?? [];
        list.push({
          year: y,
          realization: row.achievement.year.basis,
          capaian: row.achievement.year.display,
          verified: row.unverified.length === 0,
          unverified: row.unverified,
        });
        history.set(row.indicator.code, list);
      }
    }
  }

  // Province and national comparison figures: the catalog indicator's when the indicator is
  // mapped, else this OPD's own (never another OPD's under the same local code).
  const comparisons = new ComparisonQueries(store, loader);
  // The Kepala Dinas PK: Bab II's agreement and the report's default signer.
  const pk = await agreements.pk(opdId, year, 'KADIS');
  const catalog = await agreements.catalog(provinceCode);
  const catalogCode = new Map(
    catalog.mappings.filter((m) => m.opdId === opdId).map((m) => [m.indicatorCode, m.catalogCode]),
  );
  const indicators: ReportIndicator[] = [];
  for (const row of ay?.indicators ?? []) {
    const def = plan?.indicators[row.indicator.code];
    const { province: prov, national: nat } = await comparisons.figuresFor({
      opdId,
      indicatorCode: row.indicator.code,
      catalogCode: catalogCode.get(row.indicator.code) ?? null,
      provinceCode,
      year,
    });
    const y = row.achievement.year;
    indicators.push({
      code: row.indicator.code,
      name: row.indicator.name,
      kind: row.indicator.kind,
      satuan: row.indicator.satuan,
      polarity: row.indicator.polarity,
      elementCode: row.indicator.elementCode,
      definition: def?.definition ?? null,
      formulaText: def?.formulaText ?? null,
      sumberData: def?.sumberData ?? null,
      baseline: def?.baseline ?? null,
      renstraTargets: (def?.targets ?? []).map((t) => ({
        year: t.year,
        value: t.value,
        text: t.text ?? null,
      })),
      target: {
        value: row.target.value,
        text: row.target.text,
        source: row.target.source,
        sourceLabel: row.target.sourceLabel ?? null,
      },
      realizations: row.realizations,
      unverified: row.unverified,
      yearBasis: y.basis,
      capaian: y.capaian.computable
        ? {
            value: y.capaian.value,
            display: y.display,
            reason: null,
            predikat: y.predikat?.label ?? null,
          }
        : { value: null, display: null, reason: firstPart(y.capaian.message), predikat: null },
      history: history.get(row.indicator.code) ?? [],
      comparison: {
        province: prov ? { value: prov.value, source: prov.source } : null,
        national: nat ? { value: nat.value, source: nat.source } : null,
      },
      warnings: row.warnings.map((w) => w.messageId),
    });
  }
  const collator = new Intl.Collator('id', { numeric: true });
  const elements = Object.values(plan?.elements ?? {}).sort((a, b) =>
    collator.compare(a.code, b.code),
  );
  const order = new Map(elements.map((e, k) => [e.code, k]));
  indicators.sort(
    (a, b) =>
      (order.get(a.elementCode) ?? 1e9) - (order.get(b.elementCode) ?? 1e9) ||
      collator.compare(a.code, b.code),
  );

  const narratives: Record<string, ReportNarrative> = {};
  for (const s of elements.filter((e) => e.level === 'sasaran')) {
    const n = currentNarrative(await achievements.narrative(opdId, s.code, year));
    if (n)
      narratives[s.code] = {
        faktorPendukung: n.faktorPendukung,
        faktorPenghambat: n.faktorPenghambat,
        solusi: n.solusi,
      };
  }

  const budget = await agreements.budget(opdId, year);
  const names = new Map(indicators.map((i) => [i.code, i.name]));
  const kadis = opd.positions.KADIS;
  // The OPD head signs the OPD's report: the first party of the year's PK. Never the decree's
  // signer (a Bupati signs the SK, not the OPD's foreword).
  const head = pk?.firstParty
    ? { name: pk.firstParty.name, nip: pk.firstParty.nip, position: pk.firstParty.position }
    : kadis?.title
      ? { name: null, nip: null, position: kadis.title }
      : null;
  const templates =
    options.templates ?? (await loadTemplates(sql, [opdId, regionCode, provinceCode]));
  return {
    kind: 'opd',
    subjectId: opdId,
    subjectName: opd.name,
    region: { code: regionCode, name: region.state.name || regionCode },
    province: province.state.registered ? { code: provinceCode, name: province.state.name } : null,
    year,
    feedPosition,
    dataDate: await dateAt(
      sql,
      feedPosition,
      year,
      reportTimeZone(regionCode, region.state, province.state),
    ),
    place: lastDecree?.info.place ?? null,
    head,
    finalisation: null,
    period: plan ? { start: plan.periodStart, end: plan.periodEnd } : null,
    decrees: decrees.map((d) => ({
      decreeId: d.decreeId,
      number: d.number,
      title: d.title,
      kind: d.kind,
      date: d.date,
      sequence: d.sequence,
    })),
    tugas: kadis?.tugas || null,
    fungsi: kadis?.fungsi ?? [],
    units: Object.values(opd.units)
      .map((u) => ({ code: u.code, name: u.name, kind: u.kind, parentCode: u.parentCode }))
      .sort((a, b) => collator.compare(a.code, b.code)),
    elements: elements.map((e) => ({
      code: e.code,
      level: e.level,
      name: e.name,
      parentCode: e.parentCode,
    })),
    indicators,
    pk: pk
      ? {
          firstParty: pk.firstParty,
          secondParty: pk.secondParty,
          revisions: pk.revisions.map((r) => ({
            revision: r.revision,
            date: r.date,
            reason: r.reason,
            targets: r.targets.map((t) => ({
              indicatorCode: t.indicatorCode,
              value: t.value,
              text: t.text,
            })),
            budgets: r.budgets,
          })),
          conflicts: pk.renstraConflicts.map((c) => conflictText(c, names)),
        }
      : null,
    budgetStages: budget.totals.map((t) => ({
      stage: t.stage,
      sequence: t.sequence,
      documentRef: t.documentRef,
      total: t.total,
      byProgram: t.byProgram,
    })),
    programs: (ay?.programs ?? []).map((p) => ({
      code: p.programCode,
      name: p.name,
      pagu: p.pagu,
      spent: p.spent,
      serapan: p.serapan.ok ? p.serapan.value : null,
      averageCapaian: p.averageCapaian.ok ? p.averageCapaian.value : null,
      efficiency: p.efficiency.ok ? { value: p.efficiency.value, label: p.efficiency.label } : null,
    })),
    narratives,
    settings: {
      lowerIsBetterMethod: ay?.settings.lowerIsBetterMethod ?? 'two_t_minus_r',
      efficiencyMethod: ay?.settings.efficiencyMethod ?? 'ratio',
    },
    templates,
  };
}

/** OPD ids registered under a region (pemda), from the store. */
export async function opdsOfRegion(sql: Sql, regionCode: string): Promise<string[]> {
  const ids = await new EventStore(sql).streamIds('opd', `opd-${regionCode}-`);
  return ids.map((id) => id.slice('opd-'.length));
}

/** Pemda-level LKjIP: every OPD of the region, their IKU aggregated the same way. */
export async function loadPemdaLkjipData(
  deps: { sql: Sql },
  regionCode: string,
  year: number,
  options: LoadOptions = {},
): Promise<LkjipData> {
  const { sql } = deps;
  const opdIds = await opdsOfRegion(sql, regionCode);
  if (!opdIds.length) throw new ReportSubjectNotFound(regionCode);
  const parts: LkjipData[] = [];
  for (const id of opdIds)
    parts.push(
      await loadLkjipData(deps, id, year, {
        ...options,
        templates: options.templates ?? { kataPengantar: '', latarBelakang: '' },
      }),
    );
  const feedPosition = Math.max(...parts.map((p) => p.feedPosition));
  const store = new PinnedEventStore(sql, feedPosition);
  const loader = new StateLoader(store);
  const region = (await loader.load(regionDecider, regionStreamId(regionCode))).state;
  const provinceCode = regionCode.slice(0, 2);
  const province = (await loader.load(regionDecider, regionStreamId(provinceCode))).state;
  const narratives: Record<string, ReportNarrative> = {};
  for (const p of parts) {
    const ns = Object.values(p.narratives);
    if (ns.length)
      narratives[p.subjectId] = {
        faktorPendukung: ns
          .map((n) => n.faktorPendukung)
          .filter(Boolean)
          .join(' '),
        faktorPenghambat: ns
          .map((n) => n.faktorPenghambat)
          .filter(Boolean)
          .join(' '),
        solusi: ns
          .map((n) => n.solusi)
          .filter(Boolean)
          .join(' '),
      };
  }
  const stageTotals = new Map<
    string,
    {
      stage: string;
      sequence: number | null;
      documentRef: string;
      total: Dec;
      byProgram: Record<string, string>;
    }
  >();
  for (const p of parts) {
    for (const s of p.budgetStages) {
      const key = `${s.stage}:${s.sequence ?? ''}`;
      const cur = stageTotals.get(key) ?? {
        stage: s.stage,
        sequence: s.sequence,
        documentRef: 'dokumen masing-masing OPD',
        total: new Dec(0),
        byProgram: {},
      };
      cur.total = cur.total.plus(s.total);
      cur.byProgram[p.subjectName] = s.total;
      stageTotals.set(key, cur);
    }
  }
  const name = region.name || regionCode;
  const periods = parts.flatMap((p) => (p.period ? [p.period] : []));
  const templates = options.templates ?? (await loadTemplates(sql, [regionCode, provinceCode]));
  const dates = parts.map((p) => p.dataDate).sort();
  return {
    kind: 'pemda',
    subjectId: regionCode,
    subjectName: `Pemerintah ${name}`,
    region: { code: regionCode, name },
    province: province.registered ? { code: provinceCode, name: province.name } : null,
    year,
    feedPosition,
    dataDate: dates.at(-1) ?? `${year}-12-31`,
    place: parts.find((p) => p.place)?.place ?? null,
    head: null,
    finalisation: null,
    period: periods.length
      ? {
          start: Math.min(...periods.map((p) => p.start)),
          end: Math.max(...periods.map((p) => p.end)),
        }
      : null,
    decrees: parts.flatMap((p) => p.decrees),
    tugas: null,
    fungsi: [],
    units: [],
    elements: parts.flatMap((p) =>
      p.elements
        .filter((e) => e.level === 'tujuan' || e.level === 'sasaran')
        .map((e) => ({ ...e, opdName: p.subjectName })),
    ),
    indicators: parts.flatMap((p) =>
      p.indicators
        .filter((i) => i.kind === 'iku')
        .map((i) => ({ ...i, opdId: p.subjectId, opdName: p.subjectName })),
    ),
    pk: null,
    budgetStages: [...stageTotals.values()].map((s) => ({ ...s, total: s.total.toString() })),
    programs: parts.flatMap((p) => p.programs.map((x) => ({ ...x, opdName: p.subjectName }))),
    narratives,
    settings: parts[0]!.settings,
    templates,
    members: parts.map((p) => ({
      opdId: p.subjectId,
      name: p.subjectName,
      feedPosition: p.feedPosition,
    })),
  };
}

/**
 * Who signs an OPD's report by default: the first party of the year's PK (its head), as the
 * report shows it. Null for a pemda (the regional head is named when finalising) or without a PK.
 */
export async function defaultSigner(
  sql: Sql,
  subjectId: string,
  year: number,
): Promise<{ name: string; nip: string | null; position: string } | null> {
  if (/^\d{2}(\.\d{2})?$/.test(subjectId)) return null;
  const store = new EventStore(sql);
  const pk = await new AgreementQueries(new StateLoader(store)).pk(subjectId, year, 'KADIS');
  return pk?.firstParty ?? null;
}
