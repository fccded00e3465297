import {
  catalogDecider,
  catalogStreamId,
  fail,
  provinceOf,
  regionOfOpdId,
  type CatalogCommand,
  type CatalogEvent,
  type CatalogState,
} from '@sakip/domain';
import type {
  DefineCatalogIndicatorInput,
  MapIndicatorInput,
  UnmapIndicatorInput,
} from '@sakip/contracts';
import type { UseCase } from '../use-case';
import { planInForce } from './plan-in-force';
import { opdTarget, regionTarget } from './targets';

type CatalogUseCase<I> = UseCase<I, CatalogCommand, CatalogEvent, CatalogState>;

const base = {
  decider: catalogDecider,
  streamType: 'catalog',
  streamId: (i: { provinceCode: string }) => catalogStreamId(i.provinceCode),
};

function sameProvince(provinceCode: string, opdId: string): void {
  if (provinceOf(regionOfOpdId(opdId)) !== provinceCode) {
    fail(
      'other_province',
      `OPD ${opdId} bukan bagian provinsi ${provinceCode}`,
      `OPD ${opdId} is not in province ${provinceCode}`,
      ['opdId'],
    );
  }
}

export const defineCatalogIndicator: CatalogUseCase<DefineCatalogIndicatorInput> = {
  ...base,
  name: 'DefineCatalogIndicator',
  permission: 'catalog.manage',
  target: (i) => regionTarget(i.provinceCode),
  toCommand: (i) => ({
    type: 'DefineCatalogIndicator',
    code: i.code,
    name: i.name,
    satuan: i.satuan,
    polarity: i.polarity,
    description: i.description,
  }),
};

/** Mapping is done by those who keep the OPD's plan; the local satuan/polarity come from its Renstra in force. */
export const mapIndicator: CatalogUseCase<MapIndicatorInput> = {
  ...base,
  name: 'MapIndicator',
  permission: 'plan.write',
  target: (i) => opdTarget(i.opdId),
  async toCommand(i, loader) {
    sameProvince(i.provinceCode, i.opdId);
    const plan = await planInForce(loader, i.opdId, new Date().getFullYear());
    const local = plan?.indicators[i.indicatorCode];
    if (!local) {
      fail(
        'indicator_not_found',
        `Indikator ${i.indicatorCode} tidak berlaku di ${i.opdId}`,
        `Indicator ${i.indicatorCode} is not in force in ${i.opdId}`,
        ['indicatorCode'],
      );
    }
    return {
      type: 'MapIndicator',
      opdId: i.opdId,
      indicatorCode: i.indicatorCode,
      catalogCode: i.catalogCode,
      local: { satuan: local.satuan, polarity: local.polarity },
    };
  },
};

export const unmapIndicator: CatalogUseCase<UnmapIndicatorInput> = {
  ...base,
  name: 'UnmapIndicator',
  permission: 'plan.write',
  target: (i) => opdTarget(i.opdId),
  toCommand: (i) => {
    sameProvince(i.provinceCode, i.opdId);
    return { type: 'UnmapIndicator', opdId: i.opdId, indicatorCode: i.indicatorCode };
  },
};
