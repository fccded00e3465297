import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import {
  currentNarrative,
  narrativeDecider,
  narrativeStreamId,
  NARRATIVE_MAX_CHARS,
  type NarrativeCommand,
  type NarrativeEvent,
} from '../../src/realizations';
import { spec } from '../spec';
import { opdId } from './fixtures';

const given = spec(narrativeDecider);
const cmd = (extra: Partial<NarrativeCommand> = {}): NarrativeCommand => ({
  type: 'RecordNarrative',
  opdId,
  sasaranCode: 'SS-1',
  year: 2024,
  faktorPendukung: 'Pendampingan koperasi rutin setiap triwulan',
  faktorPenghambat: 'Sebagian koperasi belum menyelenggarakan RAT',
  solusi: '',
  actor: 'user-operator',
  ...extra,
});
const recorded = (
  version: number,
  extra: Partial<NarrativeEvent['data']> = {},
): NarrativeEvent => ({
  type: 'NarrativeRecorded',
  data: {
    opdId,
    sasaranCode: 'SS-1',
    year: 2024,
    version,
    actor: 'user-operator',
    faktorPendukung: 'Pendampingan koperasi rutin setiap triwulan',
    faktorPenghambat: 'Sebagian koperasi belum menyelenggarakan RAT',
    solusi: '',
    ...extra,
  },
});

describe('narrative decider', () => {
  it('names the stream per OPD, sasaran and year', () =>
    expect(narrativeStreamId(opdId, 'SS-1', 2024)).toBe('narr-18.04-DISKOPERINDAG-SS-1-2024'));
  it('records version 1 (text trimmed)', () =>
    given([])
      .when(cmd({ solusi: '  ' }))
      .then([recorded(1)]));
  it('identical text changes nothing', () =>
    given([recorded(1)])
      .when(cmd({ faktorPendukung: ' Pendampingan koperasi rutin setiap triwulan ' }))
      .then([]));
  it('a change is version 2; earlier versions are kept', () => {
    given([recorded(1)])
      .when(cmd({ solusi: 'Bimbingan teknis RAT' }))
      .then([recorded(2, { solusi: 'Bimbingan teknis RAT' })]);
    const s = fold(narrativeDecider, [
      recorded(1),
      recorded(2, { solusi: 'Bimbingan teknis RAT' }),
    ]);
    expect(s.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(currentNarrative(s)?.solusi).toBe('Bimbingan teknis RAT');
  });
  it('accepts exactly 10,000 characters (counted as characters, not UTF-16 units)', () =>
    given([])
      .when(cmd({ solusi: 'é'.repeat(NARRATIVE_MAX_CHARS) }))
      .then([recorded(1, { solusi: 'é'.repeat(NARRATIVE_MAX_CHARS) })]));
  it.each<[string, Partial<NarrativeCommand>, string, (string | number)[]]>([
    [
      'all three empty',
      { faktorPendukung: ' ', faktorPenghambat: '', solusi: '' },
      'narrative_empty',
      ['faktorPendukung'],
    ],
    [
      'faktor penghambat over 10,000 characters',
      { faktorPenghambat: 'x'.repeat(NARRATIVE_MAX_CHARS + 1) },
      'narrative_too_long',
      ['faktorPenghambat'],
    ],
    [
      'solusi over 10,000 characters',
      { solusi: '😀'.repeat(NARRATIVE_MAX_CHARS + 1) },
      'narrative_too_long',
      ['solusi'],
    ],
    ['bad OPD id', { opdId: 'x' }, 'invalid_opd_id', ['opdId']],
    ['no sasaran code', { sasaranCode: '' }, 'required', ['sasaranCode']],
    ['bad year', { year: 24 }, 'invalid_year', ['year']],
  ])('refuses %s', (_n, extra, code, path) => given([]).when(cmd(extra)).thenFails(code, path));
  it('refuses a command for another stream', () =>
    given([recorded(1)])
      .when(cmd({ sasaranCode: 'SS-2' }))
      .thenFails('narrative_wrong_stream', ['sasaranCode']));
});
