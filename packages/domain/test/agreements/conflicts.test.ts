import { describe, expect, it } from 'vitest';
import {
  pkTargetConflicts,
  type PkTargetConflict,
  type PkTargetInput,
  type RenstraTargetValue,
} from '../../src/agreements';

// Renstra Diskoperindag Lampung Barat 2023–2026, year 2024: IKU-1 '% Koperasi yang Sehat' = 32.
const renstra2024: Record<string, RenstraTargetValue | undefined> = {
  'IKU-1': { value: '32' },
  'IKU-2': { value: null, text: 'Nilai BB' },
};

describe('pkTargetConflicts', () => {
  it.each<
    [string, PkTargetInput[], Record<string, RenstraTargetValue | undefined>, PkTargetConflict[]]
  >([
    [
      'equal numbers written differently',
      [{ indicatorCode: 'IKU-1', value: '32.00' }],
      { 'IKU-1': { value: '32' } },
      [],
    ],
    [
      'equal with whitespace',
      [{ indicatorCode: 'IKU-1', value: ' 30 ' }],
      { 'IKU-1': { value: '30.0' } },
      [],
    ],
    [
      'different value',
      [{ indicatorCode: 'IKU-1', value: '33' }],
      { 'IKU-1': { value: '32' } },
      [{ indicatorCode: 'IKU-1', pkValue: '33', renstraValue: '32', kind: 'value_differs' }],
    ],
    [
      'tiny difference is still a difference',
      [{ indicatorCode: 'IKU-1', value: '32.01' }],
      { 'IKU-1': { value: '32' } },
      [{ indicatorCode: 'IKU-1', pkValue: '32.01', renstraValue: '32', kind: 'value_differs' }],
    ],
    [
      'no Renstra target',
      [{ indicatorCode: 'IKU-3', value: '5' }],
      {},
      [{ indicatorCode: 'IKU-3', pkValue: '5', renstraValue: null, kind: 'missing_in_renstra' }],
    ],
    [
      'undefined Renstra entry',
      [{ indicatorCode: 'IKU-3', value: '5' }],
      { 'IKU-3': undefined },
      [{ indicatorCode: 'IKU-3', pkValue: '5', renstraValue: null, kind: 'missing_in_renstra' }],
    ],
    [
      'Renstra value null, PK numeric',
      [{ indicatorCode: 'IKU-1', value: '5' }],
      { 'IKU-1': { value: null } },
      [{ indicatorCode: 'IKU-1', pkValue: '5', renstraValue: null, kind: 'missing_in_renstra' }],
    ],
    [
      'PK value null, Renstra numeric',
      [{ indicatorCode: 'IKU-1', value: null, text: 'Baik' }],
      { 'IKU-1': { value: '32' } },
      [{ indicatorCode: 'IKU-1', pkValue: null, renstraValue: '32', kind: 'missing_in_pk' }],
    ],
    [
      'Renstra target absent from the PK',
      [],
      { 'IKU-1': { value: '32' }, 'IKU-0': undefined },
      [{ indicatorCode: 'IKU-1', pkValue: null, renstraValue: '32', kind: 'missing_in_pk' }],
    ],
    [
      'qualitative, same text in other case',
      [{ indicatorCode: 'IKU-2', value: null, text: 'nilai  bb' }],
      { 'IKU-2': { value: null, text: 'Nilai BB' } },
      [],
    ],
    [
      'qualitative, different text',
      [{ indicatorCode: 'IKU-2', value: null, text: 'Nilai A' }],
      { 'IKU-2': { value: null, text: 'Nilai BB' } },
      [{ indicatorCode: 'IKU-2', pkValue: null, renstraValue: null, kind: 'text_differs' }],
    ],
  ])('%s', (_name, pk, renstra, expected) =>
    expect(pkTargetConflicts(pk, renstra)).toEqual(expected),
  );

  it('reports PK order first, then Renstra-only codes sorted', () => {
    expect(
      pkTargetConflicts(
        [
          { indicatorCode: 'IKU-2', value: null, text: 'Nilai A' },
          { indicatorCode: 'IKU-1', value: '31' },
        ],
        { ...renstra2024, 'IKU-4': { value: '10' }, 'IKU-3': { value: '3' } },
      ).map((c) => c.indicatorCode),
    ).toEqual(['IKU-2', 'IKU-1', 'IKU-3', 'IKU-4']);
  });

  it('accepts a Renstra year target as stored by plans (year, unit, min, max)', () => {
    const years = [
      { year: 2023, value: '30' },
      { year: 2024, value: '32' },
      { year: 2025, value: '33' },
      { year: 2026, value: '34', unit: null, min: null, max: null },
    ];
    for (const t of years)
      expect(
        pkTargetConflicts([{ indicatorCode: 'IKU-1', value: t.value }], { 'IKU-1': t }),
      ).toEqual([]);
  });
});
