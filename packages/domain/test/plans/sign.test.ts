import { describe, expect, it } from 'vitest';
import { canBeNegative, DomainError, requireSignAllowed, type SignedIndicator } from '../../src';

const ind = (
  satuan: string,
  formula: SignedIndicator['formula'] = null,
  name = 'Indikator',
  formulaText: string | null = null,
): SignedIndicator => ({ code: 'X-1', name, satuan, formula, formulaText });

const ratio = { kind: 'ratio', numerator: 'a', denominator: 'b', scale: 100 } as const;
const growth = { kind: 'growth', initial: 'awal', final: 'akhir' } as const;
const value = { kind: 'value', input: 'v' } as const;
const count = { kind: 'count', input: 'n' } as const;
const score = { kind: 'score', input: 's' } as const;
const cv = { kind: 'cv', series: 'harga' } as const;

describe('canBeNegative', () => {
  it.each<[string, SignedIndicator, boolean]>([
    // formula kind decides first
    ['% koperasi sehat (ratio of counts)', ind('%', ratio, '% Koperasi yang Sehat'), false],
    ['% peningkatan jumlah UMKM (growth)', ind('%', growth, '% peningkatan jumlah UMKM'), true],
    ['a growth formula whatever its satuan', ind('unit', growth), true],
    ['jumlah dokumen (count)', ind('dokumen', count, 'Jumlah dokumen perencanaan'), false],
    [
      'a count named "perubahan" is still a count',
      ind('dokumen', count, 'Jumlah SK perubahan'),
      false,
    ],
    ['koefisien variasi harga (cv)', ind('%', cv, 'Stabilitas harga'), false],
    ['Nilai SAKIP (score)', ind('poin', score, 'Nilai SAKIP OPD'), false],
    ['a score of change may fall', ind('poin', score, 'Perubahan indeks kepuasan'), true],
    [
      'a ratio named as a change (penurunan)',
      ind('%', ratio, 'Persentase penurunan angka kemiskinan'),
      true,
    ],
    // plain values: the satuan, then the name
    ['PDRB in Milyar rupiah', ind('Milyar rupiah', value, 'PDRB Sektor Perdagangan'), false],
    ['rupiah written Rp', ind('Rp', null, 'Nilai investasi'), false],
    ['orang/bulan', ind('orang/bulan', value, 'Kunjungan'), false],
    ['laporan', ind('laporan', null, 'Laporan keuangan'), false],
    ['% without a change word', ind('%', value, 'Tingkat pengangguran terbuka'), false],
    ['laju pertumbuhan ekonomi in %', ind('%', value, 'Laju pertumbuhan ekonomi'), true],
    ['inflasi in %', ind('%', value, 'Tingkat inflasi'), true],
    [
      'a change word in the formula text',
      ind('%', null, 'PDRB', '(akhir - awal) / awal, pertumbuhan'),
      true,
    ],
    ['kenaikan in poin', ind('poin', value, 'Kenaikan nilai ekspor'), true],
    ['an unknown unit is not refused', ind('derajat celsius', value, 'Suhu'), true],
    ['an unknown unit without formula', ind('skala', null, 'Skala'), true],
  ])('%s → %s', (_n, indicator, expected) => expect(canBeNegative(indicator)).toBe(expected));
});

describe('requireSignAllowed', () => {
  const docs = ind('dokumen', count, 'Jumlah dokumen');
  it('refuses a negative value with a bilingual message naming the field', () => {
    let error: unknown;
    try {
      requireSignAllowed(docs, '-3', ['targets', 0, 'value']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'negative_not_allowed',
      path: ['targets', 0, 'value'],
      messageId: 'Nilai -3 tidak boleh negatif untuk indikator X-1 (dokumen)',
      messageEn: 'Value -3 cannot be negative for indicator X-1 (dokumen)',
    });
  });
  it.each(['0', '-0', '-0.00', '3', null, undefined, 'abc'])('lets %s through', (v) =>
    expect(() => requireSignAllowed(docs, v, ['value'])).not.toThrow(),
  );
  it('lets a negative growth through', () =>
    expect(() => requireSignAllowed(ind('%', growth), '-2.5', ['value'])).not.toThrow());
});
