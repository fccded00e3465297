import {
  comparisonDecider,
  comparisonFor,
  comparisonStreamId,
  legacyComparisonOwners,
  opdIndicatorKey,
  type ComparisonFigure,
  type ComparisonState,
} from '@sakip/domain';
import type { EventStore } from '@sakip/event-store';
import type { StateLoader } from '../state-loader';
import { legacyFigures, realizationsByCorrelation } from './legacy-comparisons';

export interface ComparisonFigures {
  province: ComparisonFigure | null;
  national: ComparisonFigure | null;
}

/**
 * Province and national figures of one OPD indicator for a year. In order, per scope: the
 * catalog indicator it is mapped to, then the OPD's own key (`<opd id>:<code>`), then figures
 * recorded under the bare local code before keys were qualified and not carried over yet, but
 * only those that can be attributed to this OPD (legacyComparisonOwners). Another OPD's figures under the same local code
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

  /**
   * Figures under the bare local code that can be attributed to this OPD and were not carried
   * over to an owner's stream yet, folded in their order. A figure recorded by a province user
   * outside an import names no OPD and stays unattributed: it has to be recorded again (or was
   * reported by the carry-over) for the OPD it belongs to.
   */
  private async legacy(opdId: string, code: string, year: number): Promise<ComparisonState> {
    const { events } = await this.store.readStream(comparisonStreamId(code, year));
    if (events.length === 0) return comparisonDecider.initialState;
    const index = await realizationsByCorrelation(this.store, year, opdId);
    return legacyFigures(events)
      .pending.filter((f) => legacyComparisonOwners(f.origin, index).includes(opdId))
      .map((f) => f.event)
      .reduce(comparisonDecider.evolve, comparisonDecider.initialState);
  }
}
