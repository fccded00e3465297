import { describe, expect, it } from 'vitest';
import {
  levelOfCode,
  isProvinceCode,
  isRegencyCode,
  regionDecider,
  type RegionEvent,
} from '../src/index';
import { spec } from './spec';

const given = spec(regionDecider);
const lampung: RegionEvent = {
  type: 'RegionRegistered',
  data: {
    code: '18',
    level: 'province',
    provinceCode: '18',
    name: 'Lampung',
    codeEdition: 'Kepmendagri 2025',
  },
};

describe('region codes', () => {
  it.each([
    ['18', 'province'],
    ['18.04', 'kabupaten'],
    ['18.71', 'kota'],
    ['35.25', 'kabupaten'],
  ] as const)('%s is a %s', (code, level) => expect(levelOfCode(code)).toBe(level));

  it.each(['1', '180', '18.4', '18-04', '18.04.01', 'AB', '00', '18.00', ''])(
    'rejects %j',
    (code) => {
      expect(isProvinceCode(code) || isRegencyCode(code)).toBe(false);
      expect(() => levelOfCode(code)).toThrowError(/PP.KK/);
    },
  );
});

describe('region decider', () => {
  it('registers a kota with its province and edition', () =>
    given([])
      .when({
        type: 'RegisterRegion',
        code: '18.71',
        name: ' Kota Bandar Lampung ',
        codeEdition: 'Kepmendagri 2025',
      })
      .then([
        {
          type: 'RegionRegistered',
          data: {
            code: '18.71',
            level: 'kota',
            provinceCode: '18',
            name: 'Kota Bandar Lampung',
            codeEdition: 'Kepmendagri 2025',
          },
        },
      ]));

  it('ignores the same registration again and refuses a different one', () => {
    given([lampung])
      .when({ type: 'RegisterRegion', code: '18', name: 'Lampung', codeEdition: 'x' })
      .then([]);
    given([lampung])
      .when({ type: 'RegisterRegion', code: '18', name: 'Lampungg', codeEdition: 'x' })
      .thenFails('region_exists', ['code']);
  });

  it('refuses a malformed code', () =>
    given([])
      .when({ type: 'RegisterRegion', code: '18.4', name: 'x', codeEdition: 'x' })
      .thenFails('invalid_region_code', ['code']));

  it('renames and keeps the old name in history', () => {
    given([lampung])
      .when({ type: 'RenameRegion', code: '18', name: 'Provinsi Lampung' })
      .then([
        {
          type: 'RegionRenamed',
          data: { code: '18', previousName: 'Lampung', name: 'Provinsi Lampung', legalBasis: null },
        },
      ]);
    const state = [
      lampung,
      {
        type: 'RegionRenamed',
        data: { code: '18', previousName: 'Lampung', name: 'Provinsi Lampung', legalBasis: null },
      } as RegionEvent,
    ].reduce(regionDecider.evolve, regionDecider.initialState);
    expect(state.names).toEqual(['Lampung', 'Provinsi Lampung']);
  });

  it('refuses renaming an unknown region or to the same name', () => {
    given([]).when({ type: 'RenameRegion', code: '18', name: 'x' }).thenFails('region_not_found');
    given([lampung])
      .when({ type: 'RenameRegion', code: '18', name: 'Lampung' })
      .thenFails('same_name', ['name']);
  });

  it('configures how the pemda measures, refusing a broken predikat scale', () => {
    const settings = {
      inspectorRequired: true,
      lowerIsBetterMethod: 'inverse_ratio' as const,
      efficiencyMethod: 'difference' as const,
      predikatScale: null,
    };
    given([lampung])
      .when({ type: 'ConfigureMeasurement', code: '18', settings })
      .then([{ type: 'MeasurementConfigured', data: { code: '18', settings } }]);
    given([lampung, { type: 'MeasurementConfigured', data: { code: '18', settings } }])
      .when({ type: 'ConfigureMeasurement', code: '18', settings })
      .then([]);
    given([lampung])
      .when({
        type: 'ConfigureMeasurement',
        code: '18',
        settings: {
          ...settings,
          predikatScale: [
            { minInclusive: 50, label: 'A', code: 'a' },
            { minInclusive: 80, label: 'B', code: 'b' },
          ] as never,
        },
      })
      .thenFails('invalid_scale', ['settings', 'predikatScale']);
  });
});
