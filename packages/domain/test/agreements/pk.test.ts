import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import {
  currentPk,
  pkDecider,
  pkStreamId,
  type PkCommand,
  type PkEvent,
  type PkKnown,
} from '../../src/agreements';
import { spec } from '../spec';

const given = spec(pkDecider);
const opdId = '18.04-DISKOPERINDAG';
const known: PkKnown = {
  indicatorCodes: ['IKU-1', 'IKU-2'],
  programCodes: ['PRG-1', 'PRG-2'],
  periodStart: 2023,
  periodEnd: 2026,
};
const bupati = { name: 'Parosil Mabsus', nip: null, position: 'Bupati Lampung Barat' };
const kadis = {
  name: 'Drs. Ahmad Suryadi, M.M.',
  nip: '19700101 199003 1 004',
  position: 'Kepala Dinas Koperasi, UKM, Perindustrian dan Perdagangan',
};

const sign: Extract<PkCommand, { type: 'SignPk' }> = {
  type: 'SignPk',
  opdId,
  year: 2024,
  positionCode: 'KADIS',
  firstParty: kadis,
  secondParty: bupati,
  date: '2024-01-31',
  targets: [
    { indicatorCode: 'IKU-1', value: '32', unit: null },
    { indicatorCode: 'IKU-2', value: null, text: 'Nilai BB' },
  ],
  budgets: [{ amount: '1250000000.50', programCode: 'PRG-1' }],
  known,
};

const signed: PkEvent = {
  type: 'PkSigned',
  data: {
    opdId,
    year: 2024,
    positionCode: 'KADIS',
    firstParty: { ...kadis, nip: '197001011990031004' },
    secondParty: bupati,
    revision: 0,
    date: '2024-01-31',
    targets: [
      { indicatorCode: 'IKU-1', value: '32', unit: null, text: null },
      { indicatorCode: 'IKU-2', value: null, unit: null, text: 'Nilai BB' },
    ],
    budgets: [{ programCode: 'PRG-1', amount: '1250000000.50' }],
  },
};

const revise: Extract<PkCommand, { type: 'RevisePk' }> = {
  type: 'RevisePk',
  reason: 'Refocusing anggaran APBD Perubahan 2024',
  date: '2024-09-30',
  targets: [{ indicatorCode: 'IKU-1', value: '31.5' }],
  budgets: [{ programCode: 'PRG-1', amount: '1100000000' }],
  known,
};
const revised: PkEvent = {
  type: 'PkRevised',
  data: {
    opdId,
    year: 2024,
    positionCode: 'KADIS',
    revision: 1,
    reason: 'Refocusing anggaran APBD Perubahan 2024',
    date: '2024-09-30',
    targets: [{ indicatorCode: 'IKU-1', value: '31.5', unit: null, text: null }],
    budgets: [{ programCode: 'PRG-1', amount: '1100000000' }],
  },
};

describe('PK decider', () => {
  it('names the stream per OPD, year and position', () => {
    expect(pkStreamId(opdId, 2024, 'KADIS')).toBe('pk-18.04-DISKOPERINDAG-2024-KADIS');
  });

  it('signs revision 0 with NIP digits only and explicit nulls', () =>
    given([]).when(sign).then([signed]));

  it('re-importing the same signed PK changes nothing ("32" = "32.00", order ignored)', () =>
    given([signed])
      .when({
        ...sign,
        targets: [sign.targets[1]!, { indicatorCode: 'IKU-1', value: '32.00' }],
        budgets: [{ programCode: 'PRG-1', amount: '1250000000.5' }],
      })
      .then([]));

  it('refuses a second, different SignPk: use RevisePk', () =>
    given([signed])
      .when({ ...sign, targets: [{ indicatorCode: 'IKU-1', value: '33' }] })
      .thenFails('pk_already_signed', ['type']));

  it('revises with the full new set and increments the revision; history is kept', () => {
    given([signed]).when(revise).then([revised]);
    const second: PkEvent = {
      type: 'PkRevised',
      data: {
        ...revised.data,
        revision: 2,
        reason: 'Koreksi target',
        targets: [{ indicatorCode: 'IKU-1', value: '30', unit: null, text: null }],
      },
    };
    given([signed, revised])
      .when({
        ...revise,
        reason: 'Koreksi target',
        targets: [{ indicatorCode: 'IKU-1', value: '30' }],
      })
      .then([second]);
    const state = fold(pkDecider, [signed, revised, second]);
    expect(state.revisions.map((r) => [r.revision, r.reason])).toEqual([
      [0, null],
      [1, 'Refocusing anggaran APBD Perubahan 2024'],
      [2, 'Koreksi target'],
    ]);
    expect(currentPk(state)?.targets[0]?.value).toBe('30');
    expect(state.firstParty?.nip).toBe('197001011990031004');
  });

  it('a revision equal to the PK in force changes nothing', () =>
    given([signed, revised])
      .when({ ...revise, targets: [{ indicatorCode: 'IKU-1', value: '31.50' }] })
      .then([]));

  it('refuses revising a PK that was never signed', () =>
    given([]).when(revise).thenFails('pk_not_signed', ['type']));

  it('requires a revision reason of at least 5 characters', () => {
    given([signed])
      .when({ ...revise, reason: '  ab  ' })
      .thenFails('pk_reason_required', ['reason']);
    given([signed])
      .when({ ...revise, reason: '' })
      .thenFails('pk_reason_required', ['reason']);
  });

  it('refuses a year outside the Renstra period, on signing and on revising', () => {
    given([])
      .when({ ...sign, year: 2027 })
      .thenFails('pk_year_outside_period', ['year']);
    given([])
      .when({ ...sign, year: 2022 })
      .thenFails('pk_year_outside_period', ['year']);
    given([signed])
      .when({ ...revise, known: { ...known, periodStart: 2025, periodEnd: 2029 } })
      .thenFails('pk_year_outside_period', ['year']);
  });

  it('refuses indicator codes not in the Renstra', () => {
    given([])
      .when({ ...sign, targets: [{ indicatorCode: 'IKU-9', value: '1' }] })
      .thenFails('pk_unknown_indicator', ['targets', 0, 'indicatorCode']);
    given([signed])
      .when({
        ...revise,
        targets: [
          { indicatorCode: 'IKU-1', value: '1' },
          { indicatorCode: 'IKU-X', value: '1' },
        ],
      })
      .thenFails('pk_unknown_indicator', ['targets', 1, 'indicatorCode']);
  });

  it('refuses program codes not in the Renstra', () =>
    given([])
      .when({ ...sign, budgets: [{ programCode: 'PRG-9', amount: '1' }] })
      .thenFails('pk_unknown_program', ['budgets', 0, 'programCode']));

  it('refuses duplicate indicator codes and duplicate programs', () => {
    given([])
      .when({
        ...sign,
        targets: [
          { indicatorCode: 'IKU-1', value: '32' },
          { indicatorCode: 'IKU-1', value: '33' },
        ],
      })
      .thenFails('pk_duplicate_indicator', ['targets', 1, 'indicatorCode']);
    given([])
      .when({
        ...sign,
        budgets: [
          { programCode: 'PRG-1', amount: '1' },
          { programCode: 'PRG-1', amount: '2' },
        ],
      })
      .thenFails('pk_duplicate_program', ['budgets', 1, 'programCode']);
  });

  it('refuses bad amounts: not a decimal, negative, more than 2 decimals, Indonesian grouping', () => {
    const withAmount = (amount: string) => ({
      ...sign,
      budgets: [{ programCode: 'PRG-1', amount }],
    });
    given([]).when(withAmount('1.250.000')).thenFails('invalid_amount', ['budgets', 0, 'amount']);
    given([]).when(withAmount('-5')).thenFails('negative_amount', ['budgets', 0, 'amount']);
    given([]).when(withAmount('10.123')).thenFails('amount_precision', ['budgets', 0, 'amount']);
    given([signed])
      .when({ ...revise, budgets: [{ programCode: 'PRG-1', amount: 'satu miliar' }] })
      .thenFails('invalid_amount', ['budgets', 0, 'amount']);
  });

  it('refuses bad targets: no targets, non-decimal value, neither value nor text', () => {
    given([])
      .when({ ...sign, targets: [] })
      .thenFails('pk_no_targets', ['targets']);
    given([])
      .when({ ...sign, targets: [{ indicatorCode: 'IKU-1', value: '32,5' }] })
      .thenFails('pk_invalid_target_value', ['targets', 0, 'value']);
    given([])
      .when({ ...sign, targets: [{ indicatorCode: 'IKU-1', value: null, text: ' ' }] })
      .thenFails('pk_target_empty', ['targets', 0, 'value']);
  });

  it('refuses bad header fields: OPD id, position code, date, parties, NIP', () => {
    given([])
      .when({ ...sign, opdId: 'DISKOPERINDAG' })
      .thenFails('invalid_opd_id', ['opdId']);
    given([])
      .when({ ...sign, positionCode: 'kadis' })
      .thenFails('invalid_position_code', ['positionCode']);
    given([])
      .when({ ...sign, date: '2024-02-30' })
      .thenFails('invalid_date', ['date']);
    given([signed])
      .when({ ...revise, date: '30/09/2024' })
      .thenFails('invalid_date', ['date']);
    given([])
      .when({ ...sign, secondParty: { ...bupati, name: ' ' } })
      .thenFails('required', ['secondParty', 'name']);
    given([])
      .when({ ...sign, firstParty: { ...kadis, position: '' } })
      .thenFails('required', ['firstParty', 'position']);
    given([])
      .when({ ...sign, firstParty: { ...kadis, nip: '1970' } })
      .thenFails('invalid_nip', ['firstParty', 'nip']);
    given([])
      .when({ ...sign, year: 2024.5 })
      .thenFails('invalid_year', ['year']);
  });

  it('cascades: a Kepala Bidang PK is its own stream with its own position code', () =>
    given([])
      .when({
        ...sign,
        positionCode: 'KABID_KOP',
        firstParty: {
          name: 'Sri Wahyuni, S.E.',
          nip: '198203152006042011',
          position: 'Kepala Bidang Koperasi',
        },
        secondParty: kadis,
        targets: [{ indicatorCode: 'IKU-1', value: '32' }],
      })
      .then([
        {
          type: 'PkSigned',
          data: {
            opdId,
            year: 2024,
            positionCode: 'KABID_KOP',
            firstParty: {
              name: 'Sri Wahyuni, S.E.',
              nip: '198203152006042011',
              position: 'Kepala Bidang Koperasi',
            },
            secondParty: { ...kadis, nip: '197001011990031004' },
            revision: 0,
            date: '2024-01-31',
            targets: [{ indicatorCode: 'IKU-1', value: '32', unit: null, text: null }],
            budgets: [{ programCode: 'PRG-1', amount: '1250000000.50' }],
          },
        },
      ]));
});

describe('range bands and signs, given the indicators in force', () => {
  const withRules: PkKnown = {
    ...known,
    indicatorCodes: ['IKU-1', 'IKU-2', 'INF'],
    indicators: {
      'IKU-1': {
        code: 'IKU-1',
        name: 'Jumlah koperasi aktif',
        satuan: 'unit',
        formula: null,
        polarity: 'higher_better',
      },
      'IKU-2': {
        code: 'IKU-2',
        name: 'Nilai SAKIP',
        satuan: 'nilai',
        formula: null,
        polarity: 'higher_better',
      },
      INF: { code: 'INF', name: 'Tingkat inflasi', satuan: '%', formula: null, polarity: 'range' },
    },
  };
  const signWith = (targets: Extract<PkCommand, { type: 'SignPk' }>['targets']) => ({
    ...sign,
    known: withRules,
    targets,
  });

  it('signs a range indicator with its band, and a negative bound where the indicator allows it', () => {
    const [e] = pkDecider.decide(
      signWith([{ indicatorCode: 'INF', value: null, min: '-0.5', max: '3.5' }]),
      fold(pkDecider, []),
    );
    expect(e?.data.targets).toEqual([
      { indicatorCode: 'INF', value: null, min: '-0.5', max: '3.5', unit: null, text: null },
    ]);
  });

  it('refuses a range indicator without both bounds', () => {
    given([])
      .when(signWith([{ indicatorCode: 'INF', value: '3' }]))
      .thenFails('pk_range_bound_missing', ['targets', 0, 'min']);
    given([])
      .when(signWith([{ indicatorCode: 'INF', value: null, min: '2' }]))
      .thenFails('pk_range_bound_missing', ['targets', 0, 'max']);
  });

  it('refuses an inverted band and a band on a non-range indicator', () => {
    given([])
      .when(signWith([{ indicatorCode: 'INF', value: null, min: '4', max: '2' }]))
      .thenFails('pk_range_inverted', ['targets', 0, 'min']);
    given([])
      .when(signWith([{ indicatorCode: 'IKU-1', value: null, min: '1', max: '2' }]))
      .thenFails('pk_band_not_range', ['targets', 0, 'min']);
    given([])
      .when(signWith([{ indicatorCode: 'INF', value: null, min: '2', max: 'x' }]))
      .thenFails('pk_invalid_target_value', ['targets', 0, 'max']);
  });

  it('refuses a negative target of a count, on signing and on revision', () => {
    given([])
      .when(signWith([{ indicatorCode: 'IKU-1', value: '-4' }]))
      .thenFails('negative_not_allowed', ['targets', 0, 'value']);
    given([signed])
      .when({ ...revise, known: withRules, targets: [{ indicatorCode: 'IKU-2', value: '-1' }] })
      .thenFails('negative_not_allowed', ['targets', 0, 'value']);
  });

  it('a revision that only moves the band is a PK Perubahan', () => {
    const first = pkDecider.decide(
      signWith([{ indicatorCode: 'INF', value: null, min: '2', max: '4' }]),
      fold(pkDecider, []),
    );
    const state = fold(pkDecider, first);
    const again = { ...revise, known: withRules, budgets: sign.budgets };
    expect(
      pkDecider.decide(
        { ...again, targets: [{ indicatorCode: 'INF', value: null, min: '2', max: '4' }] },
        state,
      ),
    ).toEqual([]);
    const moved = pkDecider.decide(
      { ...again, targets: [{ indicatorCode: 'INF', value: null, min: '2.5', max: '3.5' }] },
      state,
    );
    expect(moved[0]?.data.targets[0]).toMatchObject({ min: '2.5', max: '3.5' });
  });
});
