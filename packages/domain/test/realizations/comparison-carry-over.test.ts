// Old figures recorded under a bare local code are carried into their owner's stream with new
// events: a ComparisonCarriedOver in `cmp-<opd id>:<code>-<year>`, a ComparisonCarriedTo marker
// on the old stream. Carrying again writes nothing; a figure the owner recorded under its own
// key is never replaced by an old one.
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import {
  carryOutcome,
  comparisonDecider,
  comparisonFor,
  legacyComparisonOwners,
  type CarryOverComparisonCommand,
  type ComparisonEvent,
  type MarkComparisonCarriedCommand,
} from '../../src/realizations';
import { spec } from '../spec';

const given = spec(comparisonDecider);
const LAMBAR = '18.04-DISKOPERINDAG';
const BANDAR = '18.71-DISKOPUKM';
const OLD = 'cmp-IKU-4-2024';
const NEW = `cmp-${LAMBAR}:IKU-4-2024`;
const figure = { scope: 'province' as const, code: '18', value: '41.5', source: 'BPS Lampung' };

const carry = (extra: Partial<CarryOverComparisonCommand> = {}): CarryOverComparisonCommand => ({
  type: 'CarryOverComparison',
  opdId: LAMBAR,
  indicatorCode: 'IKU-4',
  year: 2024,
  fromStreamId: OLD,
  fromEventId: 'old-1',
  figure,
  actor: 'cli',
  ...extra,
});
const carried = (
  extra: Partial<Extract<ComparisonEvent, { type: 'ComparisonCarriedOver' }>['data']> = {},
): ComparisonEvent => ({
  type: 'ComparisonCarriedOver',
  data: {
    indicatorKey: `${LAMBAR}:IKU-4`,
    year: 2024,
    actor: 'cli',
    ...figure,
    revision: 1,
    fromStreamId: OLD,
    fromEventId: 'old-1',
    ...extra,
  },
});
const recordedHere = (value: string, revision = 1): ComparisonEvent => ({
  type: 'ComparisonRecorded',
  data: {
    indicatorKey: `${LAMBAR}:IKU-4`,
    year: 2024,
    actor: 'user-operator',
    ...figure,
    value,
    revision,
  },
});
const oldRecorded: ComparisonEvent = {
  type: 'ComparisonRecorded',
  data: { indicatorKey: 'IKU-4', year: 2024, actor: 'user-lama', ...figure, revision: 1 },
};
const mark = (extra: Partial<MarkComparisonCarriedCommand> = {}): MarkComparisonCarriedCommand => ({
  type: 'MarkComparisonCarried',
  indicatorKey: 'IKU-4',
  year: 2024,
  fromEventId: 'old-1',
  opdId: LAMBAR,
  actor: 'cli',
  ...extra,
});
const marked: ComparisonEvent = {
  type: 'ComparisonCarriedTo',
  data: {
    indicatorKey: 'IKU-4',
    year: 2024,
    actor: 'cli',
    fromEventId: 'old-1',
    opdId: LAMBAR,
    toStreamId: NEW,
  },
};

describe("carrying an old figure into its owner's stream", () => {
  it('records it under the OPD key, naming the old stream and event', () =>
    given([]).when(carry()).then([carried()]));
  it('the carried figure is the one the owner stream shows', () => {
    const s = fold(comparisonDecider, [carried()]);
    expect(comparisonFor(s, 'province', '18')).toEqual({ ...figure, revision: 1 });
    expect(carryOutcome(s, 'old-1', figure)).toBe('already_carried');
  });
  it('carrying the same old event again writes nothing', () =>
    given([carried()]).when(carry()).then([]));
  it('a later old figure of the same scope is the next revision', () =>
    given([carried()])
      .when(carry({ fromEventId: 'old-2', figure: { ...figure, value: '42' } }))
      .then([carried({ fromEventId: 'old-2', value: '42', revision: 2 })]));
  it('a figure recorded under the OPD key is never replaced by an old one', () => {
    given([recordedHere('50')])
      .when(carry())
      .then([]);
    expect(carryOutcome(fold(comparisonDecider, [recordedHere('50')]), 'old-1', figure)).toBe(
      'superseded',
    );
  });
  it('an old figure of another scope still comes over beside the recorded one', () =>
    given([recordedHere('50')])
      .when(carry({ figure: { scope: 'national', code: '', value: '2.5', source: 'BPS RI' } }))
      .then([
        carried({ scope: 'national', code: '', value: '2.5', source: 'BPS RI', revision: 1 }),
      ]));
  it('a figure recorded after a carried one replaces it', () => {
    const s = fold(comparisonDecider, [carried(), recordedHere('50', 2)]);
    expect(comparisonFor(s, 'province', '18')?.value).toBe('50');
  });
  it.each<[string, Partial<CarryOverComparisonCommand>, string, string[]]>([
    ['a malformed OPD id', { opdId: 'dinas' }, 'invalid_opd_id', ['opdId']],
    ['no indicator code', { indicatorCode: ' ' }, 'required', ['indicatorCode']],
    [
      'a source stream of another code',
      { fromStreamId: 'cmp-IKU-5-2024' },
      'comparison_carry_wrong_source',
      ['fromStreamId'],
    ],
    ['no source event', { fromEventId: '' }, 'required', ['fromEventId']],
  ])('refuses %s', (_n, extra, code, path) => given([]).when(carry(extra)).thenFails(code, path));
  it("refuses to carry into another OPD's stream", () =>
    given([carried({ indicatorKey: `${BANDAR}:IKU-4` })])
      .when(carry())
      .thenFails('comparison_wrong_stream', ['indicatorKey']));
});

describe('marking the old figure as carried over', () => {
  it('names the OPD and the stream it went to', () =>
    given([oldRecorded]).when(mark()).then([marked]));
  it('marking it again writes nothing', () => given([oldRecorded, marked]).when(mark()).then([]));
  it('refuses to send it to a second OPD', () =>
    given([oldRecorded, marked])
      .when(mark({ opdId: BANDAR }))
      .thenFails('comparison_already_carried', ['opdId']));
  it("refuses an OPD's own stream: it holds no old figures", () =>
    given([carried()])
      .when(mark({ indicatorKey: `${LAMBAR}:IKU-4` }))
      .thenFails('comparison_not_bare_key', ['indicatorKey']));
  it('refuses a stream with no figures', () =>
    given([]).when(mark()).thenFails('comparison_not_found', ['indicatorKey']));
  it('leaves the old figures as they were', () => {
    const s = fold(comparisonDecider, [oldRecorded, marked]);
    expect(comparisonFor(s, 'province', '18')).toEqual({ ...figure, revision: 1 });
    expect(s.carriedTo).toEqual({ 'old-1': LAMBAR });
  });
});

describe('who an old bare-key figure belongs to', () => {
  const imports = new Map([
    ['import-lambar', new Set([LAMBAR])],
    ['import-both', new Set([LAMBAR, BANDAR])],
  ]);
  it.each<
    [string, { correlationId: string; actorScope: { level: string; code: string } }, string[]]
  >([
    [
      "the import of an OPD's realizations",
      { correlationId: 'import-lambar', actorScope: { level: 'national', code: '' } },
      [LAMBAR],
    ],
    [
      'a user bound to an OPD',
      { correlationId: 'typed', actorScope: { level: 'opd', code: BANDAR } },
      [BANDAR],
    ],
    [
      'a province user outside any import: nobody',
      { correlationId: 'typed', actorScope: { level: 'province', code: '18' } },
      [],
    ],
    [
      'an import of two OPDs: both, for the caller to refuse',
      { correlationId: 'import-both', actorScope: { level: 'national', code: '' } },
      [LAMBAR, BANDAR],
    ],
    [
      "an OPD user's figure in another OPD's import: both",
      { correlationId: 'import-lambar', actorScope: { level: 'opd', code: BANDAR } },
      [LAMBAR, BANDAR],
    ],
  ])('%s', (_n, origin, owners) => expect(legacyComparisonOwners(origin, imports)).toEqual(owners));
});
