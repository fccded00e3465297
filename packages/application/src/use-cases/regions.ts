import {
  fail,
  regionDecider,
  regionStreamId,
  isRegencyCode,
  provinceOf,
  type RegionCommand,
  type RegionEvent,
  type RegionState,
} from '@sakip/domain';
import type {
  ConfigureTimeZoneInput,
  RegisterRegionInput,
  RenameRegionInput,
} from '@sakip/contracts';
import type { UseCase } from '../use-case';
import { regionTarget } from './targets';

type RegionUseCase<I> = UseCase<I, RegionCommand, RegionEvent, RegionState>;

export const registerRegion: RegionUseCase<RegisterRegionInput> = {
  name: 'RegisterRegion',
  permission: 'region.manage',
  decider: regionDecider,
  streamType: 'region',
  streamId: (i) => regionStreamId(i.code),
  target: (i) => regionTarget(i.code),
  async toCommand(i, loader) {
    if (isRegencyCode(i.code)) {
      const parent = await loader.load(regionDecider, regionStreamId(provinceOf(i.code)));
      if (!parent.state.registered) {
        fail(
          'province_not_found',
          `Provinsi ${provinceOf(i.code)} belum terdaftar`,
          `Province ${provinceOf(i.code)} is not registered`,
          ['code'],
        );
      }
    }
    return { type: 'RegisterRegion', code: i.code, name: i.name, codeEdition: i.codeEdition };
  },
};

export const renameRegion: RegionUseCase<RenameRegionInput> = {
  name: 'RenameRegion',
  permission: 'region.manage',
  decider: regionDecider,
  streamType: 'region',
  streamId: (i) => regionStreamId(i.code),
  target: (i) => regionTarget(i.code),
  toCommand: (i) => ({
    type: 'RenameRegion',
    code: i.code,
    name: i.name,
    legalBasis: i.legalBasis,
  }),
};

/** A sibling of the measurement settings: who may configure the pemda may choose its zone. */
export const configureTimeZone: RegionUseCase<ConfigureTimeZoneInput> = {
  name: 'ConfigureTimeZone',
  permission: 'pemda.configure',
  decider: regionDecider,
  streamType: 'region',
  streamId: (i) => regionStreamId(i.code),
  target: (i) => regionTarget(i.code),
  toCommand: (i) => ({ type: 'ConfigureTimeZone', code: i.code, timeZone: i.timeZone }),
};
