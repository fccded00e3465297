import { describe, expect, it } from 'vitest';
import { fold } from '../../src/shared/decider';
import {
  owningPosition,
  pkDecider,
  pkOfPosition,
  pkTargetFor,
  type PkOfPosition,
} from '../../src/agreements';

const pk = (
  positionCode: string,
  position: string,
  code: string,
  value: string,
  revision = 0,
): PkOfPosition => ({
  year: 2024,
  positionCode,
  position,
  revision,
  targets: [{ indicatorCode: code, value, unit: null, text: null }],
});
const kadis = pk('KADIS', 'Kepala Dinas', 'IKU-1', '30');
const kabidDag = pk('KABID-DAG', 'Kepala Bidang Perdagangan', 'IKI-DAG-1', '12', 2);
const kabidDagProgram = pk('KABID-DAG', 'Kepala Bidang Perdagangan', 'PRG-DAG-1', '80');
const kasubbag = pk('KASUBBAG-UMUM', 'Kepala Sub Bagian Umum', 'IKI-UMUM-1', '4');

describe('owningPosition', () => {
  it.each([
    [{ kind: 'iki' as const, positionCode: 'KABID-DAG' }, 'KABID-DAG'],
    [{ kind: 'iku' as const, positionCode: null }, 'KADIS'],
    [{ kind: 'program' as const, positionCode: null }, null],
  ])('%o → %s', (ind, expected) => expect(owningPosition(ind)).toBe(expected));
});

describe('pkTargetFor', () => {
  it('the Kepala Bidang PK sets the target of the position’s IKI, naming PK and revision', () => {
    const r = pkTargetFor({ code: 'IKI-DAG-1', kind: 'iki', positionCode: 'KABID-DAG' }, [
      kadis,
      kabidDag,
      kasubbag,
    ]);
    expect(r?.target.value).toBe('12');
    expect(r?.origin).toEqual({
      kind: 'pk',
      year: 2024,
      positionCode: 'KABID-DAG',
      position: 'Kepala Bidang Perdagangan',
      revision: 2,
    });
  });

  it('a Kepala Sub Bagian PK counts for its IKI', () =>
    expect(
      pkTargetFor({ code: 'IKI-UMUM-1', kind: 'iki', positionCode: 'KASUBBAG-UMUM' }, [
        kadis,
        kasubbag,
      ])?.origin.positionCode,
    ).toBe('KASUBBAG-UMUM'));

  it('a program indicator takes the target from whichever PK lists it', () =>
    expect(
      pkTargetFor({ code: 'PRG-DAG-1', kind: 'program', positionCode: null }, [
        kadis,
        kabidDagProgram,
      ])?.target.value,
    ).toBe('80'));

  it('the owner’s PK wins over the Kepala Dinas PK, which wins over other positions', () => {
    const both = [
      pk('KABID-AAA', 'Kepala Bidang A', 'IKI-DAG-1', '1'),
      pk('KADIS', 'Kepala Dinas', 'IKI-DAG-1', '2'),
      pk('KABID-DAG', 'Kepala Bidang Perdagangan', 'IKI-DAG-1', '3'),
    ];
    const iki = { code: 'IKI-DAG-1', kind: 'iki' as const, positionCode: 'KABID-DAG' };
    expect(pkTargetFor(iki, both)?.target.value).toBe('3');
    expect(pkTargetFor(iki, [...both].reverse())?.target.value).toBe('3');
    const program = { code: 'IKI-DAG-1', kind: 'program' as const, positionCode: null };
    expect(pkTargetFor(program, both)?.target.value).toBe('2');
    expect(pkTargetFor(program, [both[0]!, both[2]!])?.target.value).toBe('1');
  });

  it('no PK lists the indicator: none', () =>
    expect(
      pkTargetFor({ code: 'IKU-9', kind: 'iku', positionCode: null }, [kadis, kabidDag]),
    ).toBeNull());
});

describe('pkOfPosition', () => {
  it('takes the revision in force and the first party’s jabatan; null before signing', () => {
    expect(pkOfPosition(fold(pkDecider, []))).toBeNull();
    const state = fold(pkDecider, [
      {
        type: 'PkSigned',
        data: {
          opdId: '18.04-DISKOPERINDAG',
          year: 2024,
          positionCode: 'KABID-DAG',
          firstParty: { name: 'B', nip: null, position: 'Kepala Bidang Perdagangan' },
          secondParty: { name: 'A', nip: null, position: 'Kepala Dinas' },
          revision: 0,
          date: '2024-01-31',
          targets: [{ indicatorCode: 'IKI-DAG-1', value: '10', unit: null, text: null }],
          budgets: [],
        },
      },
      {
        type: 'PkRevised',
        data: {
          opdId: '18.04-DISKOPERINDAG',
          year: 2024,
          positionCode: 'KABID-DAG',
          revision: 1,
          reason: 'APBD Perubahan',
          date: '2024-09-30',
          targets: [{ indicatorCode: 'IKI-DAG-1', value: '12', unit: null, text: null }],
          budgets: [],
        },
      },
    ]);
    expect(pkOfPosition(state)).toMatchObject({
      positionCode: 'KABID-DAG',
      position: 'Kepala Bidang Perdagangan',
      revision: 1,
      targets: [{ value: '12' }],
    });
  });
});
