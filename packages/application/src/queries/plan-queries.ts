import {
  diffSnapshots,
  draftPreview,
  fold,
  planDecider,
  planStreamId,
  snapshotOf,
  type PlanEvent,
  type PlanSnapshot,
  type PlanState,
  type SnapshotDiff,
} from '@sakip/domain';
import type { EventStore, RecordedEvent } from '@sakip/event-store';
import { asDomain, StateLoader } from '../state-loader';

/**
 * Plan history straight from the OPD's plan stream. The stream is the audit record: who
 * recorded what, when, under which SK. Read models (projections) serve the same at scale.
 */
export interface DecreeSummary {
  decreeId: string;
  number: string;
  title: string;
  kind: string;
  date: string;
  periodStart: number;
  periodEnd: number;
  status: 'draft' | 'enacted';
  sequence: number | null;
  changeCount: number;
  draftedBy: string;
  enactedBy: string | null;
  enactedAt: string | null;
}

export interface HistoryEntry {
  position: number;
  recordedAt: string;
  actor: string;
  role: string;
  decreeId: string | null;
  decreeNumber: string | null;
  type: string;
  subject: string;
  summary: string;
}

export class PlanQueries {
  private readonly loader: StateLoader;

  constructor(
    private readonly store: EventStore,
    loader?: StateLoader,
  ) {
    this.loader = loader ?? new StateLoader(store);
  }

  private async load(
    opdId: string,
  ): Promise<{ state: PlanState; events: RecordedEvent[]; parsed: PlanEvent[] }> {
    const { events } = await this.store.readStream(planStreamId(opdId));
    const parsed = asDomain<PlanEvent>(events);
    return { state: fold(planDecider, parsed), events, parsed };
  }

  async decrees(opdId: string): Promise<DecreeSummary[]> {
    const { state, events } = await this.load(opdId);
    const by = (type: string, decreeId: string) =>
      events.find((e) => e.type === type && e.data.decreeId === decreeId);
    return Object.values(state.decrees)
      .map((d) => {
        const enacted = by('DecreeEnacted', d.decreeId);
        return {
          decreeId: d.decreeId,
          number: d.info.number,
          title: d.info.title,
          kind: d.info.kind,
          date: d.info.date,
          periodStart: d.info.periodStart,
          periodEnd: d.info.periodEnd,
          status: d.status,
          sequence: d.sequence,
          changeCount: d.order.length,
          draftedBy: by('DecreeDrafted', d.decreeId)?.metadata.actor.userId ?? '',
          enactedBy: enacted?.metadata.actor.userId ?? null,
          enactedAt: enacted?.recordedAt ?? null,
        };
      })
      .sort((a, b) => (a.sequence ?? 1e9) - (b.sequence ?? 1e9) || a.date.localeCompare(b.date));
  }

  /** The set as it stood under one SK, or under the last SK signed on or before a date. */
  async snapshot(
    opdId: string,
    at: {
      decreeId?: string | undefined;
      date?: string | undefined;
      periodStart?: number | undefined;
      periodEnd?: number | undefined;
    },
  ): Promise<PlanSnapshot | null> {
    const { state } = await this.loader.load(planDecider, planStreamId(opdId));
    if (at.decreeId) {
      const d = state.decrees[at.decreeId];
      if (!d) return null;
      return d.status === 'enacted' ? snapshotOf(state, d.info, d.decreeId) : null;
    }
    const candidates = state.enacted
      .map((id) => state.decrees[id]!)
      .filter(
        (d) =>
          (at.periodStart === undefined || d.info.periodStart === at.periodStart) &&
          (at.periodEnd === undefined || d.info.periodEnd === at.periodEnd),
      )
      .filter((d) => !at.date || d.info.date <= at.date);
    const last = candidates.at(-1);
    return last ? snapshotOf(state, last.info, last.decreeId) : null;
  }

  /** A draft decree as it would stand if enacted now, with its own changes listed. */
  async draft(opdId: string, decreeId: string) {
    const { state } = await this.loader.load(planDecider, planStreamId(opdId));
    const d = state.decrees[decreeId];
    if (!d) return null;
    const inForce = snapshotOf(state, d.info);
    const preview = draftPreview(state, decreeId);
    return {
      decreeId,
      info: d.info,
      status: d.status,
      changes: d.order.map((k) => d.changes[k]!),
      preview,
      diff: diffSnapshots(inForce, preview),
    };
  }

  async diff(
    opdId: string,
    fromDecreeId: string,
    toDecreeId: string,
  ): Promise<SnapshotDiff | null> {
    const [from, to] = await Promise.all([
      this.snapshot(opdId, { decreeId: fromDecreeId }),
      this.snapshot(opdId, { decreeId: toDecreeId }),
    ]);
    return from && to ? diffSnapshots(from, to) : null;
  }

  async history(opdId: string): Promise<HistoryEntry[]> {
    const { events, parsed } = await this.load(opdId);
    return events.map((e, i) => ({
      position: e.globalPosition,
      recordedAt: e.recordedAt,
      actor: e.metadata.actor.userId,
      role: e.metadata.actor.role,
      decreeId: e.metadata.decree?.decreeId ?? null,
      decreeNumber: e.metadata.decree?.number ?? null,
      type: e.type,
      ...describe(parsed[i]!),
    }));
  }
}

function describe(e: PlanEvent): { subject: string; summary: string } {
  switch (e.type) {
    case 'IndicatorDefined': {
      const i = e.data.indicator;
      return {
        subject: i.code,
        summary: `${i.name}: ${i.targets.map((t) => `${t.year}=${t.value ?? '-'}`).join(', ')}`,
      };
    }
    case 'ElementDefined': {
      const el = e.data.element;
      return { subject: el.code, summary: `${el.level}: ${el.name}` };
    }
    case 'IndicatorRetired':
      return { subject: e.data.code, summary: `dicabut / retired: ${e.data.reason}` };
    case 'DecreeDrafted':
    case 'DecreeEdited':
      return { subject: e.data.decreeId, summary: e.data.info.title };
    case 'DecreeEnacted':
      return {
        subject: e.data.decreeId,
        summary: `ditetapkan / enacted #${e.data.sequence}`,
      };
    default:
      return { subject: e.data.decreeId, summary: e.type };
  }
}
