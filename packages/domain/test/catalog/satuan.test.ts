import { describe, expect, it } from 'vitest';
import { normaliseSatuan } from '../../src/catalog';

describe('normaliseSatuan', () => {
  it.each([
    ['%', '%'],
    [' % ', '%'],
    ['Persen', '%'],
    ['PERSENTASE', '%'],
    ['persentase ', '%'],
    ['Milyar Rupiah', 'miliar rupiah'],
    ['miliar   rupiah', 'miliar rupiah'],
    ['Rp Milyar', 'miliar rupiah'],
    ['Rp. Miliar', 'miliar rupiah'],
    ['Unit  Usaha', 'unit usaha'],
    ['Dokumen', 'dokumen'],
    ['\tKoperasi\n', 'koperasi'],
    ['juta rupiah', 'juta rupiah'],
  ])('%j → %j', (input, expected) => expect(normaliseSatuan(input)).toBe(expected));

  it('keeps different units apart', () => {
    expect(normaliseSatuan('persen')).not.toBe(normaliseSatuan('poin'));
    expect(normaliseSatuan('miliar rupiah')).not.toBe(normaliseSatuan('juta rupiah'));
  });
});
