import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import {
  comparisonDecider,
  comparisonFor,
  comparisonIndicatorKey,
  comparisonStreamId,
  opdIndicatorKey,
  type ComparisonCommand,
  type ComparisonEvent,
  type RecordComparisonCommand,
} from '../../src/realizations';
import { spec } from '../spec';

const given = spec(comparisonDecider);
const cmd = (extra: Partial<RecordComparisonCommand> = {}): ComparisonCommand => ({
  type: 'RecordComparison',
  scope: 'province',
  code: '18',
  indicatorKey: 'PDRB-ADHB',
  opdId: null,
  catalogCodes: ['PDRB-ADHB', 'KOP-SEHAT'],
  year: 2024,
  value: '483000.50',
  source: 'BPS Provinsi Lampung',
  actor: 'user-operator',
  ...extra,
});
const recorded = (extra: Partial<ComparisonEvent['data']> = {}): ComparisonEvent => ({
  type: 'ComparisonRecorded',
  data: {
    indicatorKey: 'PDRB-ADHB',
    year: 2024,
    actor: 'user-operator',
    scope: 'province',
    code: '18',
    value: '483000.5',
    source: 'BPS Provinsi Lampung',
    revision: 1,
    ...extra,
  },
});
const national = recorded({
  scope: 'national',
  code: '',
  value: '2.5',
  source: 'BPS RI',
  revision: 1,
});

describe('comparison figures', () => {
  it('names the stream per indicator key and year', () =>
    expect(comparisonStreamId('PDRB-ADHB', 2024)).toBe('cmp-PDRB-ADHB-2024'));
  it('records the province figure', () => given([]).when(cmd()).then([recorded()]));
  it('records the national figure next to it', () =>
    given([recorded()])
      .when(cmd({ scope: 'national', code: '', value: '2.5', source: 'BPS RI' }))
      .then([national]));
  it('the same figure again changes nothing', () =>
    given([recorded()])
      .when(cmd({ value: '483000.5' }))
      .then([]));
  it('a changed figure is revision 2 and replaces the first', () => {
    const second = recorded({ value: '483100', revision: 2 });
    given([recorded()])
      .when(cmd({ value: '483100' }))
      .then([second]);
    const s = fold(comparisonDecider, [recorded(), national, second]);
    expect(comparisonFor(s, 'province', '18')?.value).toBe('483100');
    expect(comparisonFor(s, 'national')?.source).toBe('BPS RI');
    expect(comparisonFor(s, 'province', '31')).toBeNull();
  });
  it.each<[string, Partial<RecordComparisonCommand>, string, (string | number)[]]>([
    ['a province code that is not 2 digits', { code: '18.04' }, 'invalid_province_code', ['code']],
    [
      'a national figure with a code',
      { scope: 'national', code: '18' },
      'invalid_national_code',
      ['code'],
    ],
    ['an unknown scope', { scope: 'regency' as 'province' }, 'invalid_scope', ['scope']],
    ['a value with a decimal comma', { value: '2,5' }, 'comparison_invalid_value', ['value']],
    ['no source', { source: ' ' }, 'required', ['source']],
    ['no indicator key', { indicatorKey: '' }, 'required', ['indicatorKey']],
  ])('refuses %s', (_n, extra, code, path) => given([]).when(cmd(extra)).thenFails(code, path));
  it('refuses a command for another stream', () =>
    given([recorded()])
      .when(cmd({ year: 2023 }))
      .thenFails('comparison_wrong_stream', ['indicatorKey']));
});

describe('comparison figures belong to a catalog indicator or to one OPD', () => {
  const lambar = '18.04-DISKOPERINDAG';
  const bandar = '18.71-DISKOPUKM';
  const own = (opdId: string, value: string): ComparisonEvent =>
    recorded({ indicatorKey: opdIndicatorKey(opdId, 'IKU-4'), value });

  it('keys an OPD indicator by the OPD and its local code, a catalog indicator by its code', () => {
    expect(comparisonIndicatorKey(lambar, 'IKU-4')).toBe('18.04-DISKOPERINDAG:IKU-4');
    expect(comparisonIndicatorKey(null, 'PDRB-ADHB')).toBe('PDRB-ADHB');
    expect(comparisonStreamId(opdIndicatorKey(lambar, 'IKU-4'), 2024)).toBe(
      'cmp-18.04-DISKOPERINDAG:IKU-4-2024',
    );
  });

  it("two OPDs' IKU-4 are two streams with their own figures", () => {
    given([])
      .when(cmd({ indicatorKey: 'IKU-4', opdId: lambar, value: '483000.5' }))
      .then([own(lambar, '483000.5')]);
    given([])
      .when(cmd({ indicatorKey: 'IKU-4', opdId: bandar, value: '12.5' }))
      .then([own(bandar, '12.5')]);
    expect(opdIndicatorKey(lambar, 'IKU-4')).not.toBe(opdIndicatorKey(bandar, 'IKU-4'));
  });

  it('a national figure of an OPD indicator needs no catalog', () =>
    given([])
      .when(
        cmd({
          scope: 'national',
          code: '',
          indicatorKey: 'IKU-4',
          opdId: lambar,
          catalogCodes: [],
          value: '2.5',
          source: 'BPS RI',
        }),
      )
      .then([
        recorded({
          indicatorKey: opdIndicatorKey(lambar, 'IKU-4'),
          scope: 'national',
          code: '',
          value: '2.5',
          source: 'BPS RI',
        }),
      ]));

  it.each<[string, Partial<RecordComparisonCommand>, string, (string | number)[]]>([
    [
      'a bare local code that is no catalog code (every OPD has an IKU-4)',
      { indicatorKey: 'IKU-4' },
      'comparison_not_in_catalog',
      ['indicatorKey'],
    ],
    [
      'a national figure under a code of no catalog',
      { scope: 'national', code: '', indicatorKey: 'IKU-4' },
      'comparison_not_in_catalog',
      ['indicatorKey'],
    ],
    [
      "another province's figure for an OPD",
      { indicatorKey: 'IKU-4', opdId: lambar, code: '35' },
      'comparison_other_province',
      ['code'],
    ],
    ['a malformed OPD id', { indicatorKey: 'IKU-4', opdId: 'dinas' }, 'invalid_opd_id', ['opdId']],
  ])('refuses %s', (_n, extra, code, path) => given([]).when(cmd(extra)).thenFails(code, path));

  it('names the key and what to do in both languages', () => {
    let error: unknown;
    try {
      comparisonDecider.decide(cmd({ indicatorKey: 'IKU-4' }), comparisonDecider.initialState);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({
      messageId: expect.stringContaining('"IKU-4" tidak ada di katalog provinsi 18'),
      messageEn: expect.stringContaining('need the OPD id'),
    });
  });
});
