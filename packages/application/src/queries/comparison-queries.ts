import {
  comparisonDecider,
  comparisonFor,
  comparisonStreamId,
  opdIndicatorKey,
  type ComparisonEvent,
  type ComparisonFigure,
  type ComparisonState,
} from '@sakip/domain';
import type { EventStore, RecordedEvent } from '@sakip/event-store';
import type { StateLoader } from '../state-loader';

export interface ComparisonFigures {
  province: ComparisonFigure | null;
  national: ComparisonFigure | null;
}

/**
 * Province and national figures of one OPD indicator for a year. In order, per scope: the
 * catalog indicator it is mapped to, then the OPD's own key (`<opd id>:<code>`), then figures
 * recorded under the bare local code before keys were qualified, but only those that can be
 * attributed to this OPD (see `attributedTo`). Another OPD's figures under the same local code
 * are never shown.
 */
export class ComparisonQueries {
  constructor(
    private readonly store: EventStore,
    private readonly loader: StateLoader,
  ) {}

  async figuresFor(o: {
    opdId: string;
    indicatorCode: string;
    catalogCode: string | null;
    provinceCode: string;
    year: number;
  }): Promise<ComparisonFigures> {
    const keys = [...(o.catalogCode === null ? [] : [o.catalogCode])];
    keys.push(opdIndicatorKey(o.opdId, o.indicatorCode));
    const states: ComparisonState[] = [];
    for (const key of keys)
      states.push(
        (await this.loader.load(comparisonDecider, comparisonStreamId(key, o.year))).state,
      );
    states.push(await this.legacy(o.opdId, o.indicatorCode, o.year));
    const first = (pick: (s: ComparisonState) => ComparisonFigure | null) =>
      states.map(pick).find((f) => f !== null) ?? null;
    return {
      province: first((s) => comparisonFor(s, 'province', o.provinceCode)),
      national: first((s) => comparisonFor(s, 'national')),
    };
  }

  /** Figures under the bare local code that this OPD recorded, folded in their order. */
  private async legacy(opdId: string, code: string, year: number): Promise<ComparisonState> {
    const { events } = await this.store.readStream(comparisonStreamId(code, year));
    if (events.length === 0) return comparisonDecider.initialState;
    const mine = await this.attributedTo(opdId, year);
    return events
      .filter(mine)
      .map((e) => ({ type: e.type, data: e.data }) as unknown as ComparisonEvent)
      .reduce(comparisonDecider.evolve, comparisonDecider.initialState);
  }

  /**
   * Whether an old figure was recorded for this OPD: by a user working in the OPD, or by the
   * import that recorded the OPD's realizations of that year (the realisasi template's
   * Pembanding sheet travels with one OPD's rows, under one correlation id). A figure recorded
   * by a province user outside any such import names no OPD and stays unattributed: it has to be
   * recorded again for the OPD it belongs to.
   */
  private async attributedTo(opdId: string, year: number): Promise<(e: RecordedEvent) => boolean> {
    const ids = (await this.store.streamIds('realization', `real-${opdId}-`)).filter((id) =>
      id.endsWith(`-${year}`),
    );
    const streams = await this.store.readStreams(
      ids.map((streamId) => ({ streamId, afterVersion: 0 })),
    );
    const imports = new Set<string>();
    for (const events of streams.values())
      for (const e of events)
        if (e.type === 'RealizationRecorded' && (e.data as { opdId?: string }).opdId === opdId)
          imports.add(e.metadata.correlationId);
    return (e) =>
      imports.has(e.metadata.correlationId) ||
      (e.metadata.actor.scope.level === 'opd' && e.metadata.actor.scope.code === opdId);
  }
}
