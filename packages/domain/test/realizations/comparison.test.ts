import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import {
  comparisonDecider,
  comparisonFor,
  comparisonStreamId,
  type ComparisonCommand,
  type ComparisonEvent,
} from '../../src/realizations';
import { spec } from '../spec';

const given = spec(comparisonDecider);
const cmd = (extra: Partial<ComparisonCommand> = {}): ComparisonCommand => ({
  type: 'RecordComparison',
  scope: 'province',
  code: '18',
  indicatorKey: 'PDRB-ADHB',
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
  it.each<[string, Partial<ComparisonCommand>, string, (string | number)[]]>([
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
