import { describe, expect, it } from 'vitest';
import { fold, opdDecider, regionOfOpdId, type OpdEvent } from '../src/index';
import { spec } from './spec';

const given = spec(opdDecider);
const id = '18.04-DISKOPUKM';
const registered: OpdEvent = {
  type: 'OpdRegistered',
  data: {
    opdId: id,
    regionCode: '18.04',
    provinceCode: '18',
    code: 'DISKOPUKM',
    name: 'Dinas Koperasi UKM, Perindustrian dan Perdagangan',
  },
};
const sekretariat: OpdEvent = {
  type: 'UnitAdded',
  data: { opdId: id, code: 'SEKRE', name: 'Sekretariat', kind: 'sekretariat', parentCode: null },
};

describe('opd decider', () => {
  it('registers with an id that carries the region', () => {
    given([])
      .when({
        type: 'RegisterOpd',
        regionCode: '18.04',
        code: 'DISKOPUKM',
        name: registered.data.name as string,
      })
      .then([registered]);
    expect(regionOfOpdId(id)).toBe('18.04');
  });

  it('rejects a lowercase code', () =>
    given([])
      .when({ type: 'RegisterOpd', regionCode: '18.04', code: 'dinas', name: 'x' })
      .thenFails('invalid_opd_code', ['code']));

  it('keeps name history across a rename (Perda 4/2023 dropped "Perindustrian")', () => {
    const renamed: OpdEvent = {
      type: 'OpdRenamed',
      data: {
        opdId: id,
        previousName: registered.data.name as string,
        name: 'Dinas Koperasi UKM dan Perdagangan',
        legalBasis: 'Perda 4/2023',
      },
    };
    given([registered])
      .when({
        type: 'RenameOpd',
        name: 'Dinas Koperasi UKM dan Perdagangan',
        legalBasis: 'Perda 4/2023',
      })
      .then([renamed]);
    expect(fold(opdDecider, [registered, renamed]).names).toEqual([
      registered.data.name,
      'Dinas Koperasi UKM dan Perdagangan',
    ]);
  });

  it('adds units under known parents and positions in known units', () => {
    given([registered, sekretariat])
      .when({
        type: 'AddUnit',
        unit: { code: 'UMPEG', name: 'Sub Bagian Umum', kind: 'sub_bagian', parentCode: 'SEKRE' },
      })
      .then([
        {
          type: 'UnitAdded',
          data: {
            opdId: id,
            code: 'UMPEG',
            name: 'Sub Bagian Umum',
            kind: 'sub_bagian',
            parentCode: 'SEKRE',
          },
        },
      ]);
    given([registered])
      .when({
        type: 'AddUnit',
        unit: { code: 'UMPEG', name: 'x', kind: 'sub_bagian', parentCode: 'NOPE' },
      })
      .thenFails('unit_parent_unknown', ['unit', 'parentCode']);
    given([registered, sekretariat])
      .when({
        type: 'AddUnit',
        unit: { code: 'SEKRE', name: 'x', kind: 'sekretariat', parentCode: null },
      })
      .thenFails('unit_exists');
    given([registered])
      .when({
        type: 'AddPosition',
        position: { code: 'SEKDIS', title: 'Sekretaris', unitCode: 'SEKRE', tugas: '', fungsi: [] },
      })
      .thenFails('unit_unknown', ['position', 'unitCode']);
  });

  it('merges and dissolves, and then refuses changes', () => {
    const merged: OpdEvent = {
      type: 'OpdMerged',
      data: { opdId: id, intoOpdId: '18.04-DISDAG', legalBasis: 'Perda 4/2023' },
    };
    given([registered])
      .when({ type: 'MergeOpd', intoOpdId: '18.04-DISDAG', legalBasis: 'Perda 4/2023' })
      .then([merged]);
    given([registered])
      .when({ type: 'MergeOpd', intoOpdId: id, legalBasis: 'x' })
      .thenFails('merge_self');
    given([registered, merged]).when({ type: 'RenameOpd', name: 'x' }).thenFails('opd_inactive');
    given([registered, { type: 'OpdDissolved', data: { opdId: id, legalBasis: 'Perda' } }])
      .when({ type: 'DissolveOpd', legalBasis: 'y' })
      .thenFails('opd_inactive');
    given([]).when({ type: 'RenameOpd', name: 'x' }).thenFails('opd_not_found');
  });
});
