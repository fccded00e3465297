import type { Decider } from '../shared/decider';
import { fail } from '../shared/errors';
import { deepEqual } from '../shared/equal';
import { provinceOf } from '../regions/region-code';
import { opdIdOf } from './opd-id';

export const UNIT_KINDS = ['sekretariat', 'bidang', 'sub_bagian', 'seksi', 'upt'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
}
export interface Position {
  code: string;
  title: string;
  unitCode: string | null;
  tugas: string;
  fungsi: string[];
}

export type OpdCommand =
  | { type: 'RegisterOpd'; regionCode: string; code: string; name: string }
  | { type: 'RenameOpd'; name: string; legalBasis?: string | undefined }
  | { type: 'AddUnit'; unit: Unit }
  | { type: 'AddPosition'; position: Position }
  | { type: 'MergeOpd'; intoOpdId: string; legalBasis: string }
  | { type: 'DissolveOpd'; legalBasis: string };

export type OpdEvent =
  | {
      type: 'OpdRegistered';
      data: { opdId: string; regionCode: string; provinceCode: string; code: string; name: string };
    }
  | {
      type: 'OpdRenamed';
      data: { opdId: string; previousName: string; name: string; legalBasis: string | null };
    }
  | { type: 'UnitAdded'; data: { opdId: string } & Unit }
  | { type: 'PositionAdded'; data: { opdId: string } & Position }
  | { type: 'OpdMerged'; data: { opdId: string; intoOpdId: string; legalBasis: string } }
  | { type: 'OpdDissolved'; data: { opdId: string; legalBasis: string } };

export type OpdStatus = 'none' | 'active' | 'merged' | 'dissolved';

export interface OpdState {
  status: OpdStatus;
  opdId: string;
  regionCode: string;
  name: string;
  names: string[];
  units: Record<string, Unit>;
  positions: Record<string, Position>;
  mergedInto: string | null;
}

export const opdStreamId = (opdId: string): string => `opd-${opdId}`;

function requireActive(state: OpdState): void {
  if (state.status === 'none')
    fail('opd_not_found', 'OPD belum terdaftar', 'The OPD is not registered', ['opdId']);
  if (state.status !== 'active') {
    fail(
      'opd_inactive',
      `OPD sudah ${state.status === 'merged' ? 'digabung' : 'dibubarkan'}`,
      `The OPD is ${state.status}`,
      ['opdId'],
    );
  }
}

export const opdDecider: Decider<OpdCommand, OpdEvent, OpdState> = {
  initialState: {
    status: 'none',
    opdId: '',
    regionCode: '',
    name: '',
    names: [],
    units: {},
    positions: {},
    mergedInto: null,
  },

  decide(command, state) {
    if (command.type === 'RegisterOpd') {
      if (
        state.status !== 'none' &&
        state.name === command.name.trim() &&
        state.regionCode === command.regionCode
      )
        return [];
      if (state.status !== 'none')
        fail('opd_exists', 'OPD sudah terdaftar', 'The OPD is already registered', ['code']);
      const opdId = opdIdOf(command.regionCode, command.code);
      return [
        {
          type: 'OpdRegistered',
          data: {
            opdId,
            regionCode: command.regionCode,
            provinceCode: provinceOf(command.regionCode),
            code: command.code,
            name: command.name.trim(),
          },
        },
      ];
    }
    requireActive(state);
    const opdId = state.opdId;
    switch (command.type) {
      case 'RenameOpd': {
        const name = command.name.trim();
        if (name === state.name)
          fail(
            'same_name',
            'Nama baru sama dengan nama sekarang',
            'The new name equals the current name',
            ['name'],
          );
        return [
          {
            type: 'OpdRenamed',
            data: { opdId, previousName: state.name, name, legalBasis: command.legalBasis ?? null },
          },
        ];
      }
      case 'AddUnit': {
        const u = command.unit;
        if (deepEqual(state.units[u.code], { ...u, name: u.name.trim() })) return [];
        if (state.units[u.code])
          fail('unit_exists', `Unit ${u.code} sudah ada`, `Unit ${u.code} already exists`, [
            'unit',
            'code',
          ]);
        if (u.parentCode !== null && !state.units[u.parentCode]) {
          fail(
            'unit_parent_unknown',
            `Unit induk ${u.parentCode} tidak dikenal`,
            `Parent unit ${u.parentCode} is unknown`,
            ['unit', 'parentCode'],
          );
        }
        return [{ type: 'UnitAdded', data: { opdId, ...u, name: u.name.trim() } }];
      }
      case 'AddPosition': {
        const p = command.position;
        if (deepEqual(state.positions[p.code], { ...p, title: p.title.trim() })) return [];
        if (state.positions[p.code])
          fail(
            'position_exists',
            `Jabatan ${p.code} sudah ada`,
            `Position ${p.code} already exists`,
            ['position', 'code'],
          );
        if (p.unitCode !== null && !state.units[p.unitCode]) {
          fail(
            'unit_unknown',
            `Unit ${p.unitCode} tidak dikenal`,
            `Unit ${p.unitCode} is unknown`,
            ['position', 'unitCode'],
          );
        }
        return [{ type: 'PositionAdded', data: { opdId, ...p, title: p.title.trim() } }];
      }
      case 'MergeOpd':
        if (command.intoOpdId === opdId)
          fail(
            'merge_self',
            'OPD tidak dapat digabung ke dirinya sendiri',
            'An OPD cannot merge into itself',
            ['intoOpdId'],
          );
        return [
          {
            type: 'OpdMerged',
            data: { opdId, intoOpdId: command.intoOpdId, legalBasis: command.legalBasis },
          },
        ];
      case 'DissolveOpd':
        return [{ type: 'OpdDissolved', data: { opdId, legalBasis: command.legalBasis } }];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'OpdRegistered':
        return {
          ...state,
          status: 'active',
          opdId: event.data.opdId,
          regionCode: event.data.regionCode,
          name: event.data.name,
          names: [event.data.name],
        };
      case 'OpdRenamed':
        return { ...state, name: event.data.name, names: [...state.names, event.data.name] };
      case 'UnitAdded': {
        const { opdId: _o, ...unit } = event.data;
        return { ...state, units: { ...state.units, [unit.code]: unit } };
      }
      case 'PositionAdded': {
        const { opdId: _o, ...position } = event.data;
        return { ...state, positions: { ...state.positions, [position.code]: position } };
      }
      case 'OpdMerged':
        return { ...state, status: 'merged', mergedInto: event.data.intoOpdId };
      case 'OpdDissolved':
        return { ...state, status: 'dissolved' };
    }
  },
};
