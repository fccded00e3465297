import type { Decider } from '../shared/decider';
import { deepEqual } from '../shared/equal';
import { fail } from '../shared/errors';
import {
  applyChanges,
  changeKey,
  emptySnapshot,
  periodKey,
  type DecreeRecord,
  type PlanChange,
  type PlanSnapshot,
} from './snapshot';
import type { DecreeInfo, Indicator, PlanElement } from './types';
import { checkDecreeInfo, checkElement, checkIndicator, normaliseDecreeNumber } from './plan-rules';

type OnDecree = { opdId: string; decreeId: string };
export type PlanCommand =
  | ({ type: 'DraftDecree'; info: DecreeInfo } & OnDecree)
  | ({ type: 'EditDecree'; info: DecreeInfo } & OnDecree)
  | ({ type: 'DefineElement'; element: PlanElement } & OnDecree)
  | ({
      type: 'DefineIndicator';
      indicator: Indicator;
      knownPositions: readonly string[];
    } & OnDecree)
  | ({ type: 'RetireIndicator'; code: string; reason: string } & OnDecree)
  | ({ type: 'WithdrawChange'; key: string } & OnDecree)
  | ({ type: 'EnactDecree' } & OnDecree);

export type PlanEvent =
  | { type: 'DecreeDrafted'; data: { opdId: string; decreeId: string; info: DecreeInfo } }
  | { type: 'DecreeEdited'; data: { opdId: string; decreeId: string; info: DecreeInfo } }
  | { type: 'ElementDefined'; data: { opdId: string; decreeId: string; element: PlanElement } }
  | { type: 'IndicatorDefined'; data: { opdId: string; decreeId: string; indicator: Indicator } }
  | {
      type: 'IndicatorRetired';
      data: { opdId: string; decreeId: string; code: string; reason: string };
    }
  | { type: 'DraftChangeWithdrawn'; data: { opdId: string; decreeId: string; key: string } }
  | {
      type: 'DecreeEnacted';
      data: { opdId: string; decreeId: string; number: string; sequence: number };
    };

export interface PlanState {
  opdId: string;
  decrees: Record<string, DecreeRecord>;
  /** Enacted decree ids in enactment order. */
  enacted: string[];
}

export const planStreamId = (opdId: string): string => `plan-${opdId}`;

/** The set in force for a period after the enacted decrees (optionally up to and including one). */
export function snapshotOf(
  state: PlanState,
  period: { periodStart: number; periodEnd: number },
  upTo?: string,
): PlanSnapshot {
  let snap = emptySnapshot(period);
  for (const id of state.enacted) {
    const d = state.decrees[id];
    if (!d || periodKey(d.info) !== periodKey(period)) continue;
    snap = applyChanges(snap, d);
    if (id === upTo) break;
  }
  return snap;
}

/** What a draft would give if enacted now: the set in force plus the draft's changes. */
export function draftPreview(state: PlanState, decreeId: string): PlanSnapshot {
  const d = state.decrees[decreeId];
  if (!d) return fail('decree_not_found', 'SK tidak ditemukan', 'Decree not found', ['decreeId']);
  return applyChanges(snapshotOf(state, d.info), d);
}

function draftOf(state: PlanState, decreeId: string): DecreeRecord {
  const d = state.decrees[decreeId];
  if (!d) return fail('decree_not_found', 'SK tidak ditemukan', 'Decree not found', ['decreeId']);
  if (d.status === 'enacted') {
    fail(
      'decree_enacted',
      `SK ${d.info.number} sudah ditetapkan dan tidak dapat diubah; buat SK perubahan`,
      `Decree ${d.info.number} is enacted and immutable; make an amending decree`,
      ['decreeId'],
    );
  }
  return d;
}

function checkNumberFree(state: PlanState, info: DecreeInfo, decreeId: string): void {
  const wanted = normaliseDecreeNumber(info.number);
  const clash = Object.values(state.decrees).find(
    (d) => d.decreeId !== decreeId && normaliseDecreeNumber(d.info.number) === wanted,
  );
  if (clash) {
    fail(
      'decree_number_reused',
      `Nomor SK ${info.number} sudah dipakai`,
      `Decree number ${info.number} is already used`,
      ['info', 'number'],
    );
  }
}

function checkKind(state: PlanState, info: DecreeInfo): void {
  const inForce = snapshotOf(state, info);
  if (info.kind === 'perubahan' && inForce.decreeIds.length === 0) {
    fail(
      'nothing_to_amend',
      `Belum ada SK yang ditetapkan untuk periode ${periodKey(info)}`,
      `No enacted decree for ${periodKey(info)} to amend`,
      ['info', 'kind'],
    );
  }
  if (info.kind === 'penetapan' && inForce.decreeIds.length > 0) {
    fail(
      'already_established',
      `Periode ${periodKey(info)} sudah ditetapkan; gunakan SK perubahan`,
      `${periodKey(info)} is already established; use an amending decree`,
      ['info', 'kind'],
    );
  }
}

const same = deepEqual;

function change(state: PlanState, decreeId: string, c: PlanChange): PlanChange | null {
  const d = state.decrees[decreeId];
  const current = d?.changes[changeKey(c)];
  // Recording the same change again is a no-op, so re-imports write nothing.
  if (current && same(current, c)) return null;
  if (!current && d) {
    const inForce = snapshotOf(state, d.info);
    if (c.kind === 'element' && same(inForce.elements[c.element.code], c.element)) return null;
    if (c.kind === 'indicator' && same(inForce.indicators[c.indicator.code], c.indicator))
      return null;
  }
  return c;
}

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: { opdId: '', decrees: {}, enacted: [] },

  decide(command, state) {
    const opdId = command.opdId;
    switch (command.type) {
      case 'DraftDecree': {
        const existing = state.decrees[command.decreeId];
        if (existing) {
          if (same(existing.info, command.info)) return [];
          fail(
            'decree_exists',
            'SK dengan ID ini sudah ada',
            'A decree with this id already exists',
            ['decreeId'],
          );
        }
        checkDecreeInfo(command.info);
        checkNumberFree(state, command.info, command.decreeId);
        checkKind(state, command.info);
        return [
          {
            type: 'DecreeDrafted',
            data: { opdId, decreeId: command.decreeId, info: command.info },
          },
        ];
      }
      case 'EditDecree': {
        const d = draftOf(state, command.decreeId);
        if (same(d.info, command.info)) return [];
        checkDecreeInfo(command.info);
        checkNumberFree(state, command.info, command.decreeId);
        if (periodKey(d.info) !== periodKey(command.info) && d.order.length > 0) {
          fail(
            'period_locked',
            'Periode tidak dapat diubah setelah ada perubahan indikator',
            'The period cannot change once the draft has changes',
            ['info', 'periodStart'],
          );
        }
        checkKind(state, command.info);
        return [
          { type: 'DecreeEdited', data: { opdId, decreeId: command.decreeId, info: command.info } },
        ];
      }
      case 'DefineElement': {
        const d = draftOf(state, command.decreeId);
        checkElement(command.element, draftPreview(state, d.decreeId));
        const c = change(state, d.decreeId, { kind: 'element', element: command.element });
        return c
          ? [
              {
                type: 'ElementDefined',
                data: { opdId, decreeId: d.decreeId, element: command.element },
              },
            ]
          : [];
      }
      case 'DefineIndicator': {
        const d = draftOf(state, command.decreeId);
        checkIndicator(
          command.indicator,
          draftPreview(state, d.decreeId),
          d.info,
          command.knownPositions,
        );
        const c = change(state, d.decreeId, { kind: 'indicator', indicator: command.indicator });
        return c
          ? [
              {
                type: 'IndicatorDefined',
                data: { opdId, decreeId: d.decreeId, indicator: command.indicator },
              },
            ]
          : [];
      }
      case 'RetireIndicator': {
        const d = draftOf(state, command.decreeId);
        if (d.changes[`indicator:${command.code}`]?.kind === 'retire') return [];
        if (!snapshotOf(state, d.info).indicators[command.code]) {
          fail(
            'indicator_not_found',
            `Indikator ${command.code} tidak berlaku`,
            `Indicator ${command.code} is not in force`,
            ['code'],
          );
        }
        if (command.reason.trim().length < 3)
          fail('reason_required', 'Alasan wajib diisi', 'A reason is required', ['reason']);
        return [
          {
            type: 'IndicatorRetired',
            data: {
              opdId,
              decreeId: d.decreeId,
              code: command.code,
              reason: command.reason.trim(),
            },
          },
        ];
      }
      case 'WithdrawChange': {
        const d = draftOf(state, command.decreeId);
        if (!d.changes[command.key])
          fail(
            'change_not_found',
            'Perubahan tidak ditemukan dalam draf',
            'No such change in the draft',
            ['key'],
          );
        return [
          { type: 'DraftChangeWithdrawn', data: { opdId, decreeId: d.decreeId, key: command.key } },
        ];
      }
      case 'EnactDecree': {
        const d = draftOf(state, command.decreeId);
        if (d.order.length === 0)
          fail(
            'decree_empty',
            'SK belum berisi perubahan apa pun',
            'The decree records no change',
            ['decreeId'],
          );
        checkKind(state, d.info);
        return [
          {
            type: 'DecreeEnacted',
            data: {
              opdId,
              decreeId: d.decreeId,
              number: d.info.number,
              sequence: state.enacted.length + 1,
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    const put = (decreeId: string, f: (d: DecreeRecord) => DecreeRecord): PlanState => {
      const d = state.decrees[decreeId];
      return d ? { ...state, decrees: { ...state.decrees, [decreeId]: f(d) } } : state;
    };
    const record = (decreeId: string, c: PlanChange): PlanState =>
      put(decreeId, (d) => {
        const key = changeKey(c);
        return {
          ...d,
          changes: { ...d.changes, [key]: c },
          order: d.order.includes(key) ? d.order : [...d.order, key],
        };
      });
    switch (event.type) {
      case 'DecreeDrafted':
        return {
          ...state,
          opdId: event.data.opdId,
          decrees: {
            ...state.decrees,
            [event.data.decreeId]: {
              decreeId: event.data.decreeId,
              info: event.data.info,
              status: 'draft',
              changes: {},
              order: [],
              sequence: null,
            },
          },
        };
      case 'DecreeEdited':
        return put(event.data.decreeId, (d) => ({ ...d, info: event.data.info }));
      case 'ElementDefined':
        return record(event.data.decreeId, { kind: 'element', element: event.data.element });
      case 'IndicatorDefined':
        return record(event.data.decreeId, { kind: 'indicator', indicator: event.data.indicator });
      case 'IndicatorRetired':
        return record(event.data.decreeId, {
          kind: 'retire',
          code: event.data.code,
          reason: event.data.reason,
        });
      case 'DraftChangeWithdrawn':
        return put(event.data.decreeId, (d) => {
          const { [event.data.key]: _gone, ...changes } = d.changes;
          return { ...d, changes, order: d.order.filter((k) => k !== event.data.key) };
        });
      case 'DecreeEnacted':
        return {
          ...put(event.data.decreeId, (d) => ({
            ...d,
            status: 'enacted',
            sequence: event.data.sequence,
          })),
          enacted: [...state.enacted, event.data.decreeId],
        };
    }
  },
};
