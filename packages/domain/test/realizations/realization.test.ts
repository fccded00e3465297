import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import {
  currentVersion,
  lastVerifiedVersion,
  realizationDecider,
  realizationPermission,
  realizationStreamId,
  type Period,
  type RealizationCommand,
  type RealizationEvent,
  type RealizationStatus,
} from '../../src/realizations';
import { spec } from '../spec';
import {
  errorOf,
  evidence,
  head,
  inspector,
  inStatus,
  koperasiSehat,
  opdId,
  operator,
  record,
  recorded,
  returned,
  submitted,
  verifiedByHead,
  verifiedByInspector,
  verifiedHead,
  year,
  indicatorCode,
} from './fixtures';

const given = spec(realizationDecider);
const P: Period = 'TW1';
const stateOf = (events: RealizationEvent[]) => fold(realizationDecider, events);
const decide = (events: RealizationEvent[], command: RealizationCommand) =>
  realizationDecider.decide(command, stateOf(events));

const submit = (period: Period = P): RealizationCommand => ({
  type: 'SubmitRealization',
  period,
  actor: operator,
});
const verify = (
  level: 'head' | 'inspector',
  inspectorRequired: boolean,
  period: Period = P,
): RealizationCommand => ({
  type: 'VerifyRealization',
  period,
  level,
  inspectorRequired,
  actor: level === 'head' ? head : inspector,
});
const giveBack = (
  level: 'head' | 'inspector',
  reason = 'Bukti dukung belum lengkap',
  period: Period = P,
): RealizationCommand => ({
  type: 'ReturnRealization',
  period,
  level,
  reason,
  actor: level === 'head' ? head : inspector,
});
const correct = (
  value: string | null = '33',
  reason = 'Salah ketik jumlah koperasi',
): RealizationCommand => ({
  type: 'CorrectRealization',
  period: P,
  reason,
  value,
  inputs: null,
  formula: koperasiSehat,
  evidence,
  note: null,
  actor: operator,
});
const lock = (requiredPeriods?: Period[]): RealizationCommand => ({
  type: 'LockYear',
  actor: 'user-admin',
  ...(requiredPeriods ? { requiredPeriods } : {}),
});

const THIRD = '33.' + '3'.repeat(38);

describe('realization stream', () => {
  it('is named per OPD, indicator and year', () =>
    expect(realizationStreamId(opdId, 'IKU-1', 2024)).toBe('real-18.04-DISKOPERINDAG-IKU-1-2024'));
});

describe('RecordRealization: sign of the value', () => {
  const sehat = {
    code: indicatorCode,
    name: '% Koperasi yang Sehat',
    satuan: '%',
    formula: koperasiSehat,
  };
  const umkm = {
    code: 'IKU-9',
    name: '% peningkatan jumlah UMKM',
    satuan: '%',
    formula: { kind: 'growth' as const, initial: 'awal', final: 'akhir' },
  };

  it('refuses a negative value where the indicator cannot be negative, on record and correction', () => {
    given([])
      .when(record(P, '-2', { indicator: sehat }))
      .thenFails('negative_not_allowed', ['value']);
    given([])
      .when(
        record(P, null, {
          indicator: sehat,
          inputs: { koperasi_sehat: '-5', jumlah_koperasi: '75' },
        }),
      )
      .thenFails('negative_not_allowed', ['inputs']);
    given(inStatus(P).verified)
      .when({
        ...record(P, '-1', { indicator: sehat }),
        type: 'CorrectRealization',
        reason: 'Salah ketik angka',
      })
      .thenFails('negative_not_allowed', ['value']);
  });

  it('records a negative growth', () =>
    given([])
      .when(record(P, '-2.5', { indicator: umkm, formula: null }))
      .then([recorded(P, 1, '-2.5')]));
});

describe('RecordRealization: value', () => {
  it('records a typed value as version 1 in draft (canonical text)', () =>
    given([])
      .when(record(P, ' 32.50 '))
      .then([recorded(P, 1, '32.5')]));

  it('computes the value from the inputs with the formula: 25 of 75 koperasi sehat → exact 33.33…', () =>
    given([])
      .when(record(P, null, { inputs: { koperasi_sehat: '25', jumlah_koperasi: '75' } }))
      .then([
        recorded(P, 1, THIRD, {
          inputs: { koperasi_sehat: '25', jumlah_koperasi: '75' },
          formula: koperasiSehat,
        }),
      ]));

  it('accepts a typed value that agrees with the formula at the precision typed; stores the exact value', () =>
    given([])
      .when(record(P, '33.33', { inputs: { koperasi_sehat: '25', jumlah_koperasi: '75' } }))
      .then([
        recorded(P, 1, THIRD, {
          inputs: { koperasi_sehat: '25', jumlah_koperasi: '75' },
          formula: koperasiSehat,
        }),
      ]));

  it.each<
    [
      string,
      Partial<Parameters<typeof record>[2]> & { value?: string | null },
      string,
      (string | number)[],
    ]
  >([
    [
      'typed value disagrees with the formula',
      { value: '33.4', inputs: { koperasi_sehat: '25', jumlah_koperasi: '75' } },
      'realization_value_mismatch',
      ['value'],
    ],
    ['neither value nor inputs', { value: null }, 'realization_value_required', ['value']],
    [
      'blank value and empty inputs',
      { value: '  ', inputs: {} },
      'realization_value_required',
      ['value'],
    ],
    ['Indonesian decimal comma', { value: '32,5' }, 'realization_invalid_value', ['value']],
    [
      'inputs without a formula',
      { value: null, formula: null, inputs: { x: '1' } },
      'realization_no_formula',
      ['inputs'],
    ],
    [
      'an input the formula does not use',
      { value: null, inputs: { koperasi_sehat: '25', jumlah_koperasi: '75', koperasi: '3' } },
      'realization_unknown_input',
      ['inputs', 'koperasi'],
    ],
    [
      'missing denominator input',
      { value: null, inputs: { koperasi_sehat: '25' } },
      'formula_missing_input',
      ['inputs', 'jumlah_koperasi'],
    ],
    [
      'zero denominator',
      { value: null, inputs: { koperasi_sehat: '0', jumlah_koperasi: '0' } },
      'formula_division_by_zero',
      ['inputs', 'jumlah_koperasi'],
    ],
    [
      'input not a number',
      { value: null, inputs: { koperasi_sehat: 'dua puluh', jumlah_koperasi: '75' } },
      'formula_invalid_input',
      ['inputs', 'koperasi_sehat'],
    ],
    [
      'no data source',
      { evidence: { ...evidence, dataSource: ' ' } },
      'evidence_required',
      ['evidence', 'dataSource'],
    ],
    [
      'no source document',
      { evidence: { ...evidence, documentRef: '' } },
      'evidence_required',
      ['evidence', 'documentRef'],
    ],
    [
      'bad attachment hash',
      {
        evidence: {
          ...evidence,
          attachment: { name: 'rat.pdf', sha256: 'abc', size: 10, storageKey: 'k/1' },
        },
      },
      'invalid_sha256',
      ['evidence', 'attachment', 'sha256'],
    ],
    [
      'empty attachment',
      {
        evidence: {
          ...evidence,
          attachment: { name: 'rat.pdf', sha256: 'a'.repeat(64), size: 0, storageKey: 'k/1' },
        },
      },
      'invalid_file_size',
      ['evidence', 'attachment', 'size'],
    ],
    ['bad OPD id', { opdId: 'DISKOPERINDAG' }, 'invalid_opd_id', ['opdId']],
    ['bad year', { year: 1999 }, 'invalid_year', ['year']],
    ['unknown period', { period: 'TW5' as Period }, 'invalid_period', ['period']],
    ['no actor', { actor: ' ' }, 'required', ['actor']],
  ])('refuses %s', (_name, extra, code, path) =>
    given([])
      .when(record(P, extra.value === undefined ? '32.5' : extra.value, extra))
      .thenFails(code, path),
  );

  it('messages are in both languages', () => {
    const e = errorOf(() => decide([], record(P, null)));
    expect(e.messageId).toContain('realisasi');
    expect(e.messageEn).toContain('realization');
  });

  it('keeps an attachment with its hash lower-cased', () => {
    const attachment = {
      name: 'rat.pdf',
      sha256: 'AB'.repeat(32),
      size: 2048,
      storageKey: 'evidence/2024/rat.pdf',
    };
    given([])
      .when(record(P, '32.5', { evidence: { ...evidence, attachment } }))
      .then([
        recorded(P, 1, '32.5', {
          evidence: { ...evidence, attachment: { ...attachment, sha256: 'ab'.repeat(32) } },
        }),
      ]);
  });

  it('refuses a command for another stream', () =>
    given([recorded(P)])
      .when(record('TW2', '1', { indicatorCode: 'IKU-2' }))
      .thenFails('realization_wrong_stream', ['indicatorCode']));
});

describe('RecordRealization: versions', () => {
  it('re-recording the same content changes nothing ("32.50" = "32.5")', () =>
    given([recorded(P)])
      .when(record(P, '32.50'))
      .then([]));

  it('re-recording a draft replaces that draft (same version)', () => {
    given([recorded(P)])
      .when(record(P, '40'))
      .then([recorded(P, 1, '40')]);
    const s = stateOf([recorded(P), recorded(P, 1, '40')]);
    expect(s.entries.TW1?.versions).toHaveLength(1);
    expect(currentVersion(s, P)?.value).toBe('40');
    expect(currentVersion(s, P)?.history.map((h) => h.status)).toEqual(['draft', 'draft']);
  });

  it('recording after a return starts version 2; the returned version stays visible', () => {
    given(inStatus(P).returned)
      .when(record(P, '31'))
      .then([recorded(P, 2, '31')]);
    const s = stateOf([...inStatus(P).returned, recorded(P, 2, '31')]);
    expect(s.entries.TW1?.versions.map((v) => [v.version, v.value, v.status])).toEqual([
      [1, '32.5', 'returned'],
      [2, '31', 'draft'],
    ]);
  });

  it('recording the returned content again changes nothing (submit it as is)', () =>
    given(inStatus(P).returned).when(record(P)).then([]));

  it('periods are independent', () =>
    given(inStatus(P).verified)
      .when(record('TW2', '10'))
      .then([recorded('TW2', 1, '10')]));

  it.each<[RealizationStatus, string]>([
    ['submitted', 'diajukan'],
    ['verified_head', 'diverifikasi Kepala OPD'],
    ['verified', 'terverifikasi'],
  ])('refuses recording when the entry is %s, naming the status', (status, word) => {
    const events = inStatus(P)[status as keyof ReturnType<typeof inStatus>];
    given(events).when(record(P, '40')).thenFails('realization_cannot_record', ['period']);
    const e = errorOf(() => decide(events, record(P, '40')));
    expect(e.messageId).toContain(word);
    expect(e.messageEn).toContain(status === 'verified_head' ? 'verified by the OPD head' : status);
  });
});

describe('SubmitRealization', () => {
  it('draft → submitted', () =>
    given(inStatus(P).draft)
      .when(submit())
      .then([submitted(P)]));
  it('returned → submitted', () =>
    given(inStatus(P).returned)
      .when(submit())
      .then([submitted(P)]));
  it('submitting twice changes nothing', () =>
    given(inStatus(P).submitted).when(submit()).then([]));
  it.each<[RealizationStatus]>([['verified_head'], ['verified']])('refuses when %s', (status) => {
    const events = inStatus(P)[status as 'verified'];
    given(events).when(submit()).thenFails('realization_cannot_submit', ['period']);
    expect(errorOf(() => decide(events, submit())).messageEn).toContain(
      status === 'verified' ? 'is verified' : 'verified by the OPD head',
    );
  });
  it('refuses a period never recorded', () =>
    given(inStatus(P).draft).when(submit('TW2')).thenFails('realization_not_recorded', ['period']));
});

describe('VerifyRealization', () => {
  it.each<[string, RealizationEvent[], RealizationCommand, RealizationEvent[]]>([
    [
      'head, inspector required: submitted → verified_head',
      inStatus(P).submitted,
      verify('head', true),
      [verifiedHead(P)],
    ],
    [
      'head, inspector not required: submitted → verified',
      inStatus(P).submitted,
      verify('head', false),
      [verifiedByHead(P)],
    ],
    [
      'inspector: verified_head → verified',
      inStatus(P).verified_head,
      verify('inspector', true),
      [verifiedByInspector(P)],
    ],
    [
      'head again while waiting for the inspector: nothing',
      inStatus(P).verified_head,
      verify('head', true),
      [],
    ],
    [
      'head when the pemda dropped the inspector step: verified_head → verified',
      inStatus(P).verified_head,
      verify('head', false),
      [verifiedByHead(P)],
    ],
    ['head on verified: nothing', inStatus(P).verified, verify('head', false), []],
    ['inspector on verified: nothing', inStatus(P).verified, verify('inspector', true), []],
  ])('%s', (_name, events, command, expected) => given(events).when(command).then(expected));

  it.each<[string, RealizationEvent[], RealizationCommand, string]>([
    ['head on draft', inStatus(P).draft, verify('head', true), 'draf'],
    ['head on returned', inStatus(P).returned, verify('head', false), 'dikembalikan'],
    [
      'inspector on submitted (head first)',
      inStatus(P).submitted,
      verify('inspector', true),
      'diajukan',
    ],
    ['inspector on draft', inStatus(P).draft, verify('inspector', true), 'draf'],
    ['inspector on returned', inStatus(P).returned, verify('inspector', true), 'dikembalikan'],
  ])('refuses %s, naming the status', (_name, events, command, word) => {
    given(events).when(command).thenFails('realization_cannot_verify', ['period']);
    expect(errorOf(() => decide(events, command)).messageId).toContain(`berstatus ${word}`);
  });

  it('refuses a period never recorded', () =>
    given([]).when(verify('head', true)).thenFails('realization_not_recorded', ['period']));

  it.each<[string, RealizationEvent[]]>([
    ['submitted', inStatus(P).submitted],
    ['verified by the head (final there)', inStatus(P).verified],
    ['waiting since the step was dropped', inStatus(P).verified_head],
    ['never recorded', []],
  ])(
    'refuses an inspector verify where the pemda requires no Inspektorat step: %s',
    (_n, events) => {
      given(events)
        .when(verify('inspector', false))
        .thenFails('realization_inspector_not_required', ['level']);
      const error = errorOf(() => decide(events, verify('inspector', false)));
      expect(error.messageId).toContain('tidak mewajibkan verifikasi Inspektorat');
      expect(error.messageEn).toContain("does not require the inspectorate's verification");
    },
  );

  it('full path with the inspectorate keeps the status history', () => {
    const s = stateOf([...inStatus(P).verified_head, verifiedByInspector(P)]);
    expect(currentVersion(s, P)?.status).toBe('verified');
    expect(currentVersion(s, P)?.history.map((h) => [h.status, h.actor, h.level])).toEqual([
      ['draft', operator, null],
      ['submitted', operator, null],
      ['verified_head', head, 'head'],
      ['verified', inspector, 'inspector'],
    ]);
  });
});

describe('ReturnRealization', () => {
  it.each<[string, RealizationEvent[], RealizationCommand, RealizationEvent[]]>([
    [
      'head returns a submitted entry',
      inStatus(P).submitted,
      giveBack('head'),
      [returned(P, 1, 'head')],
    ],
    [
      'head takes back its own verification',
      inStatus(P).verified_head,
      giveBack('head'),
      [returned(P, 1, 'head')],
    ],
    [
      'inspector returns a head-verified entry',
      inStatus(P).verified_head,
      giveBack('inspector'),
      [returned(P, 1, 'inspector')],
    ],
    ['the same return again changes nothing', inStatus(P).returned, giveBack('head'), []],
  ])('%s', (_name, events, command, expected) => given(events).when(command).then(expected));

  it('trims the reason', () =>
    given(inStatus(P).submitted)
      .when(giveBack('head', '  Data tidak cocok  '))
      .then([returned(P, 1, 'head', 'Data tidak cocok')]));

  it.each<[string, RealizationEvent[], RealizationCommand, string]>([
    ['head on draft', inStatus(P).draft, giveBack('head'), 'draf'],
    ['head on verified', inStatus(P).verified, giveBack('head'), 'terverifikasi'],
    ['inspector on submitted', inStatus(P).submitted, giveBack('inspector'), 'diajukan'],
    [
      'a second, different return',
      inStatus(P).returned,
      giveBack('head', 'Alasan lain sekali'),
      'dikembalikan',
    ],
  ])('refuses %s, naming the status', (_name, events, command, word) => {
    given(events).when(command).thenFails('realization_cannot_return', ['period']);
    expect(errorOf(() => decide(events, command)).messageId).toContain(`berstatus ${word}`);
  });

  it.each([[''], ['   '], ['abc']])('requires a reason of at least 5 characters (%j)', (reason) =>
    given(inStatus(P).submitted)
      .when(giveBack('head', reason))
      .thenFails('realization_reason_required', ['reason']),
  );

  it('keeps the reason in the history', () => {
    const s = stateOf(inStatus(P).returned);
    expect(currentVersion(s, P)?.history.at(-1)).toEqual({
      status: 'returned',
      actor: head,
      level: 'head',
      reason: 'Bukti dukung belum lengkap',
    });
  });
});

describe('CorrectRealization', () => {
  const correctedEvent: RealizationEvent = {
    type: 'RealizationCorrected',
    data: {
      period: P,
      version: 2,
      previousVersion: 1,
      reason: 'Salah ketik jumlah koperasi',
      actor: operator,
      value: '33',
      inputs: null,
      formula: null,
      evidence,
      note: null,
    },
  };

  it('verified → a new version in draft; the verified version stays visible', () => {
    given(inStatus(P).verified).when(correct()).then([correctedEvent]);
    const s = stateOf([...inStatus(P).verified, correctedEvent]);
    expect(
      s.entries.TW1?.versions.map((v) => [v.version, v.value, v.status, v.correctionReason]),
    ).toEqual([
      [1, '32.5', 'verified', null],
      [2, '33', 'draft', 'Salah ketik jumlah koperasi'],
    ]);
    expect(lastVerifiedVersion(s, P)?.value).toBe('32.5');
    expect(currentVersion(s, P)?.value).toBe('33');
  });

  it('the correction goes through the workflow again and keeps its reason when re-recorded', () => {
    const events = [...inStatus(P).verified, correctedEvent];
    given(events)
      .when(record(P, '34'))
      .then([recorded(P, 2, '34')]);
    const withEdit = [...events, recorded(P, 2, '34')];
    expect(currentVersion(stateOf(withEdit), P)?.correctionReason).toBe(
      'Salah ketik jumlah koperasi',
    );
    given(withEdit)
      .when(submit())
      .then([submitted(P, 2)]);
    given([...withEdit, submitted(P, 2)])
      .when(verify('head', false))
      .then([verifiedByHead(P, 2)]);
    expect(
      lastVerifiedVersion(stateOf([...withEdit, submitted(P, 2), verifiedByHead(P, 2)]), P)?.value,
    ).toBe('34');
  });

  it('a correction identical to the verified version changes nothing', () =>
    given(inStatus(P).verified).when(correct('32.5')).then([]));

  it.each<[RealizationStatus, string]>([
    ['draft', 'draf'],
    ['submitted', 'diajukan'],
    ['verified_head', 'diverifikasi Kepala OPD'],
    ['returned', 'dikembalikan'],
  ])('refuses correcting a %s entry, naming the status', (status, word) => {
    const events = inStatus(P)[status as 'draft'];
    given(events).when(correct()).thenFails('realization_cannot_correct', ['period']);
    expect(errorOf(() => decide(events, correct())).messageId).toContain(word);
  });

  it('refuses a second correction while the first is a draft', () =>
    given([...inStatus(P).verified, correctedEvent])
      .when(correct('35'))
      .thenFails('realization_cannot_correct', ['period']));

  it('requires a reason', () =>
    given(inStatus(P).verified)
      .when(correct('33', ' '))
      .thenFails('realization_reason_required', ['reason']));
  it('validates the value like a record', () =>
    given(inStatus(P).verified)
      .when(correct(null))
      .thenFails('realization_value_required', ['value']));
  it('refuses a period never recorded', () =>
    given(inStatus(P).verified)
      .when({ ...correct(), period: 'TW2' } as RealizationCommand)
      .thenFails('realization_not_recorded', ['period']));
});

describe('LockYear', () => {
  const allVerified = [...inStatus('TW1').verified, ...inStatus('TW2').verified];
  const lockedEvent: RealizationEvent = {
    type: 'RealizationYearLocked',
    data: { opdId, indicatorCode, year, periods: ['TW1', 'TW2'], actor: 'user-admin' },
  };

  it('locks when every recorded period is verified', () =>
    given(allVerified).when(lock()).then([lockedEvent]));

  it('refuses when a period is not verified, naming it and its status', () => {
    const events = [...inStatus('TW1').verified, ...inStatus('TW2').submitted];
    given(events).when(lock()).thenFails('realization_not_verified', ['periods', 'TW2']);
    const e = errorOf(() => decide(events, lock()));
    expect(e.messageId).toContain('TW II');
    expect(e.messageId).toContain('diajukan');
  });

  it('refuses while a correction is in draft (even with an older verified version)', () =>
    given([
      ...inStatus('TW1').verified,
      {
        type: 'RealizationCorrected',
        data: {
          period: 'TW1',
          version: 2,
          previousVersion: 1,
          reason: 'Koreksi data',
          actor: operator,
          value: '40',
          inputs: null,
          formula: null,
          evidence,
          note: null,
        },
      },
    ])
      .when(lock())
      .thenFails('realization_not_verified', ['periods', 'TW1']));

  it('refuses when a required period is missing', () =>
    given(allVerified)
      .when(lock(['TW1', 'TW2', 'TW3', 'TW4']))
      .thenFails('realization_period_missing', ['periods', 'TW3']));
  it('refuses when nothing was recorded', () =>
    given([]).when(lock()).thenFails('realization_nothing_to_lock', ['periods']));
  it('locking again changes nothing', () =>
    given([...allVerified, lockedEvent])
      .when(lock())
      .then([]));

  it.each<[string, RealizationCommand]>([
    ['record', record('TW3', '1')],
    ['submit', submit()],
    ['verify', verify('head', false)],
    ['return', giveBack('head')],
    ['correct', correct()],
  ])('a locked year refuses %s', (_name, command) => {
    given([...allVerified, lockedEvent])
      .when(command)
      .thenFails('realization_year_locked', ['year']);
    expect(errorOf(() => decide([...allVerified, lockedEvent], command)).messageId).toContain(
      '2024 sudah dikunci',
    );
  });

  it('state records the lock', () =>
    expect(stateOf([...allVerified, lockedEvent])).toMatchObject({
      locked: true,
      lockedBy: 'user-admin',
    }));
});

describe('realizationPermission', () => {
  it.each<[RealizationCommand, string | null]>([
    [record(P), 'realization.submit'],
    [submit(), 'realization.submit'],
    [correct(), 'realization.submit'],
    [verify('head', true), 'realization.verify'],
    [giveBack('head'), 'realization.verify'],
    [verify('inspector', true), 'realization.inspect'],
    [giveBack('inspector'), 'realization.inspect'],
    [lock(), null],
  ])('%o needs %s', (command, permission) =>
    expect(realizationPermission(command)).toBe(permission),
  );
});
