import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import { DomainError } from '../../src/shared/errors';
import {
  catalogDecider,
  catalogStreamId,
  mappingsOf,
  type CatalogCommand,
  type CatalogEvent,
} from '../../src/catalog';
import { spec } from '../spec';

const given = spec(catalogDecider);
const opdId = '18.04-DISKOPERINDAG';
const define: Extract<CatalogCommand, { type: 'DefineCatalogIndicator' }> = {
  type: 'DefineCatalogIndicator',
  code: 'KOP-SEHAT',
  name: 'Persentase Koperasi yang Sehat',
  satuan: '%',
  polarity: 'higher_better',
  description: null,
};
const defined: CatalogEvent = {
  type: 'CatalogIndicatorDefined',
  data: {
    code: 'KOP-SEHAT',
    name: 'Persentase Koperasi yang Sehat',
    satuan: '%',
    polarity: 'higher_better',
    description: null,
  },
};
const umkm: CatalogEvent = {
  type: 'CatalogIndicatorDefined',
  data: {
    code: 'UMKM-NAIK-KELAS',
    name: 'Persentase UMKM Naik Kelas',
    satuan: 'persen',
    polarity: 'higher_better',
    description: null,
  },
};
const map: Extract<CatalogCommand, { type: 'MapIndicator' }> = {
  type: 'MapIndicator',
  opdId,
  indicatorCode: 'IKU-1',
  catalogCode: 'KOP-SEHAT',
  local: { satuan: 'Persen', polarity: 'higher_better' },
};
const mapped: CatalogEvent = {
  type: 'IndicatorMapped',
  data: {
    opdId,
    indicatorCode: 'IKU-1',
    catalogCode: 'KOP-SEHAT',
    local: { satuan: 'Persen', polarity: 'higher_better' },
  },
};

describe('catalog decider', () => {
  it('names the stream per province', () => expect(catalogStreamId('18')).toBe('catalog-18'));

  it('defines an indicator, trimming text', () =>
    given([])
      .when({ ...define, name: '  Persentase  Koperasi yang Sehat ' })
      .then([defined]));

  it('re-defining with the same content changes nothing', () =>
    given([defined]).when(define).then([]));

  it('re-defines freely while no mapping uses it', () =>
    given([defined])
      .when({ ...define, satuan: 'unit', polarity: 'lower_better' })
      .then([
        {
          type: 'CatalogIndicatorDefined',
          data: { ...defined.data, satuan: 'unit', polarity: 'lower_better' },
        } as CatalogEvent,
      ]));

  it('allows renaming and re-spelling the unit of a mapped indicator', () =>
    given([defined, mapped])
      .when({
        ...define,
        satuan: 'persentase',
        description: 'Koperasi sehat menurut penilaian kesehatan KSP',
      })
      .then([
        {
          type: 'CatalogIndicatorDefined',
          data: {
            ...defined.data,
            satuan: 'persentase',
            description: 'Koperasi sehat menurut penilaian kesehatan KSP',
          },
        } as CatalogEvent,
      ]));

  it('refuses changing satuan or polarity of a code used by mappings', () => {
    given([defined, mapped])
      .when({ ...define, satuan: 'unit' })
      .thenFails('catalog_indicator_in_use', ['satuan']);
    given([defined, mapped])
      .when({ ...define, polarity: 'lower_better' })
      .thenFails('catalog_indicator_in_use', ['polarity']);
  });

  it('refuses invalid definitions', () => {
    given([])
      .when({ ...define, code: 'kop sehat' })
      .thenFails('catalog_invalid_code', ['code']);
    given([])
      .when({ ...define, name: ' ' })
      .thenFails('required', ['name']);
    given([])
      .when({ ...define, satuan: '' })
      .thenFails('required', ['satuan']);
    given([])
      .when({ ...define, polarity: 'up' as 'range' })
      .thenFails('invalid_polarity', ['polarity']);
  });

  it('maps a local indicator whose satuan matches after normalisation', () =>
    given([defined]).when(map).then([mapped]));

  it('mapping again to the same code changes nothing', () =>
    given([defined, mapped]).when(map).then([]));

  it('re-mapping to another code emits one IndicatorRemapped that replaces the mapping', () => {
    const remapped: CatalogEvent = {
      type: 'IndicatorRemapped',
      data: { ...mapped.data, catalogCode: 'UMKM-NAIK-KELAS', previousCatalogCode: 'KOP-SEHAT' },
    };
    given([defined, umkm, mapped])
      .when({ ...map, catalogCode: 'UMKM-NAIK-KELAS' })
      .then([remapped]);
    const state = fold(catalogDecider, [defined, umkm, mapped, remapped]);
    expect(mappingsOf(state, 'KOP-SEHAT')).toEqual([]);
    expect(mappingsOf(state, 'UMKM-NAIK-KELAS').map((m) => m.indicatorCode)).toEqual(['IKU-1']);
  });

  it('refuses an unknown catalog code', () =>
    given([defined])
      .when({ ...map, catalogCode: 'KOP-AKTIF' })
      .thenFails('catalog_code_unknown', ['catalogCode']));

  it('refuses a satuan mismatch, naming both values', () => {
    given([defined])
      .when({ ...map, local: { satuan: 'unit', polarity: 'higher_better' } })
      .thenFails('catalog_satuan_mismatch', ['local', 'satuan']);
    const decide = () =>
      catalogDecider.decide(
        { ...map, local: { satuan: 'Unit', polarity: 'higher_better' } },
        fold(catalogDecider, [defined]),
      );
    expect(decide).toThrow(DomainError);
    expect(decide).toThrow(/indikator OPD "Unit", katalog KOP-SEHAT "%"/);
    expect(decide).toThrow(/OPD indicator "Unit" \(unit\), catalog KOP-SEHAT "%" \(%\)/);
  });

  it('refuses a polarity mismatch, naming both values', () => {
    given([defined])
      .when({ ...map, local: { satuan: '%', polarity: 'lower_better' } })
      .thenFails('catalog_polarity_mismatch', ['local', 'polarity']);
    expect(() =>
      catalogDecider.decide(
        { ...map, local: { satuan: '%', polarity: 'range' } },
        fold(catalogDecider, [defined]),
      ),
    ).toThrow(/range.*higher_better/);
  });

  it('refuses invalid mapping input', () => {
    given([defined])
      .when({ ...map, opdId: 'DISKOPERINDAG' })
      .thenFails('invalid_opd_id', ['opdId']);
    given([defined])
      .when({ ...map, indicatorCode: ' ' })
      .thenFails('required', ['indicatorCode']);
    given([defined])
      .when({ ...map, local: { satuan: '', polarity: 'higher_better' } })
      .thenFails('required', ['local', 'satuan']);
    given([defined])
      .when({ ...map, local: { satuan: '%', polarity: 'naik' as 'range' } })
      .thenFails('invalid_polarity', ['local', 'polarity']);
  });

  it('unmaps, and unmapping what is not mapped changes nothing', () => {
    given([defined, mapped])
      .when({ type: 'UnmapIndicator', opdId, indicatorCode: 'IKU-1' })
      .then([
        {
          type: 'IndicatorUnmapped',
          data: { opdId, indicatorCode: 'IKU-1', catalogCode: 'KOP-SEHAT' },
        },
      ]);
    given([defined]).when({ type: 'UnmapIndicator', opdId, indicatorCode: 'IKU-1' }).then([]);
    const state = fold(catalogDecider, [
      defined,
      mapped,
      {
        type: 'IndicatorUnmapped',
        data: { opdId, indicatorCode: 'IKU-1', catalogCode: 'KOP-SEHAT' },
      },
    ]);
    expect(state.mappings).toEqual({});
    // Once unmapped, the unit may change again.
    expect(catalogDecider.decide({ ...define, satuan: 'unit' }, state)).toHaveLength(1);
  });
});
