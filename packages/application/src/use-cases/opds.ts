import {
  fail,
  opdDecider,
  opdIdOf,
  opdStreamId,
  regionDecider,
  regionStreamId,
  type OpdCommand,
  type OpdEvent,
  type OpdState,
} from '@sakip/domain';
import type {
  AddPositionInput,
  AddUnitInput,
  DissolveOpdInput,
  MergeOpdInput,
  RegisterOpdInput,
  RenameOpdInput,
} from '@sakip/contracts';
import { requireBinding } from '../executor';
import type { UseCase } from '../use-case';
import { opdTarget } from './targets';

type OpdUseCase<I> = UseCase<I, OpdCommand, OpdEvent, OpdState>;

function opdUseCase<I extends { opdId: string }>(
  name: string,
  permission: OpdUseCase<I>['permission'],
  toCommand: OpdUseCase<I>['toCommand'],
  extra: Partial<OpdUseCase<I>> = {},
): OpdUseCase<I> {
  return {
    name,
    permission,
    decider: opdDecider,
    streamType: 'opd',
    streamId: (i) => opdStreamId(i.opdId),
    target: (i) => opdTarget(i.opdId),
    toCommand,
    ...extra,
  };
}

export const registerOpd: OpdUseCase<RegisterOpdInput> = {
  name: 'RegisterOpd',
  permission: 'opd.manage',
  decider: opdDecider,
  streamType: 'opd',
  streamId: (i) => opdStreamId(opdIdOf(i.regionCode, i.code)),
  target: (i) => opdTarget(opdIdOf(i.regionCode, i.code)),
  async toCommand(i, loader) {
    const region = await loader.load(regionDecider, regionStreamId(i.regionCode));
    if (!region.state.registered) {
      fail(
        'region_not_found',
        `Wilayah ${i.regionCode} belum terdaftar`,
        `Region ${i.regionCode} is not registered`,
        ['regionCode'],
      );
    }
    return { type: 'RegisterOpd', regionCode: i.regionCode, code: i.code, name: i.name };
  },
};

export const renameOpd = opdUseCase<RenameOpdInput>('RenameOpd', 'opd.manage', (i) => ({
  type: 'RenameOpd',
  name: i.name,
  legalBasis: i.legalBasis,
}));

export const addUnit = opdUseCase<AddUnitInput>('AddUnit', 'opd.structure', (i) => ({
  type: 'AddUnit',
  unit: { code: i.code, name: i.name, kind: i.kind, parentCode: i.parentCode },
}));

export const addPosition = opdUseCase<AddPositionInput>('AddPosition', 'opd.structure', (i) => ({
  type: 'AddPosition',
  position: {
    code: i.code,
    title: i.title,
    unitCode: i.unitCode,
    tugas: i.tugas,
    fungsi: i.fungsi,
  },
}));

export const mergeOpd = opdUseCase<MergeOpdInput>(
  'MergeOpd',
  'opd.manage',
  async (i, loader) => {
    const into = await loader.load(opdDecider, opdStreamId(i.intoOpdId));
    if (into.state.status !== 'active') {
      fail(
        'merge_target_inactive',
        `OPD tujuan ${i.intoOpdId} tidak aktif atau tidak ada`,
        `Target OPD ${i.intoOpdId} is not active or does not exist`,
        ['intoOpdId'],
      );
    }
    return { type: 'MergeOpd', intoOpdId: i.intoOpdId, legalBasis: i.legalBasis };
  },
  {
    // Both OPDs must be within the actor's reach.
    authorize(actor, i) {
      requireBinding(actor, 'opd.manage', opdTarget(i.intoOpdId), 'MergeOpd');
      return requireBinding(actor, 'opd.manage', opdTarget(i.opdId), 'MergeOpd');
    },
  },
);

export const dissolveOpd = opdUseCase<DissolveOpdInput>('DissolveOpd', 'opd.manage', (i) => ({
  type: 'DissolveOpd',
  legalBasis: i.legalBasis,
}));
