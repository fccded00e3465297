import { describe, expect, it } from 'vitest';
import {
  formatFormula,
  parseDateCell,
  parseFormulaText,
  parseNumberCell,
  parseTargetCell,
} from '../src/index';
import {
  INDIKATOR_HEADER,
  RENSTRA_SHEET,
  SK_SHEET,
  ok,
  parseXlsx,
  problems,
  where,
  type CellSpec,
} from './helpers';

describe('Indonesian numbers', () => {
  it.each([
    ['887,43', '887.43', false],
    ['1.200,87', '1200.87', false],
    ['30%', '30', true],
    ['12,5 %', '12.5', true],
    ['1.200', '1200', false],
    ['1200.5', '1200.5', false],
    ['-3,2', '-3.2', false],
  ])('text %s → %s', (text, value, percent) => {
    expect(parseNumberCell({ text })).toEqual({ ok: true, value: { value, percent } });
  });
  it('numeric and percent-formatted cells', () => {
    expect(parseNumberCell({ text: '887.43', number: 887.43 })).toEqual({
      ok: true,
      value: { value: '887.43', percent: false },
    });
    expect(parseNumberCell({ text: '0.325', number: 0.325, percent: true })).toEqual({
      ok: true,
      value: { value: '32.5', percent: true },
    });
  });
  it('rejects English grouping', () => {
    expect(parseNumberCell({ text: '1,200.50' }).ok).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    ['4 Januari 2023', '2023-01-04'],
    ['4  januari 2023', '2023-01-04'],
    ['2023-01-04', '2023-01-04'],
    ['04/01/2023', '2023-01-04'],
    ['4-1-2023', '2023-01-04'],
  ])('%s', (text, iso) => {
    expect(parseDateCell({ text })).toEqual({ ok: true, value: iso });
  });
  it('date cells and Excel serial numbers', () => {
    expect(parseDateCell({ text: '', date: new Date(Date.UTC(2023, 0, 4)) })).toEqual({
      ok: true,
      value: '2023-01-04',
    });
    expect(parseDateCell({ text: '44930', number: 44930 })).toEqual({
      ok: true,
      value: '2023-01-04',
    });
  });
  it.each(['31 Februari 2023', '2023-02-30', '4 Janvier 2023', 'kemarin'])('rejects %s', (text) => {
    expect(parseDateCell({ text }).ok).toBe(false);
  });
});

describe('target cells', () => {
  it.each([
    ['-', { value: null, text: '-', percent: false }],
    ['887,43', { value: '887.43', percent: false }],
    ['30%', { value: '30', percent: true }],
    ['2 dokumen', { value: '2', unit: 'dokumen', percent: false }],
    ['1 unit usaha', { value: '1', unit: 'unit usaha', percent: false }],
    ['85 | Nilai A', { value: '85', text: 'Nilai A', percent: false }],
    ['Tidak ada temuan', { value: null, text: 'Tidak ada temuan', percent: false }],
  ])('%s', (text, expected) => {
    expect(parseTargetCell({ text }, false)).toEqual({ ok: true, value: expected });
  });
  it('ranges only for polaritas rentang', () => {
    expect(parseTargetCell({ text: '10 - 20' }, true)).toEqual({
      ok: true,
      value: { value: null, min: '10', max: '20', percent: false },
    });
    expect(parseTargetCell({ text: '2,5 s.d. 3,5' }, true)).toEqual({
      ok: true,
      value: { value: null, min: '2.5', max: '3.5', percent: false },
    });
    expect(parseTargetCell({ text: '10 - 20' }, false).ok).toBe(false);
    expect(parseTargetCell({ text: '20 - 10' }, true).ok).toBe(false);
  });
  it('rejects a number glued to text', () => {
    expect(parseTargetCell({ text: '3O' }, false).ok).toBe(false);
  });
});

describe('formula syntax', () => {
  it.each([
    [
      'ratio(koperasi_sehat/jumlah_koperasi)',
      { kind: 'ratio', numerator: 'koperasi_sehat', denominator: 'jumlah_koperasi', scale: 100 },
    ],
    [
      'rasio(Jumlah koperasi sehat / Jumlah koperasi) x 1000',
      {
        kind: 'ratio',
        numerator: 'Jumlah koperasi sehat',
        denominator: 'Jumlah koperasi',
        scale: 1000,
      },
    ],
    [
      'ratio("Jumlah KSP/USP sehat" / "Jumlah KSP/USP")',
      {
        kind: 'ratio',
        numerator: 'Jumlah KSP/USP sehat',
        denominator: 'Jumlah KSP/USP',
        scale: 100,
      },
    ],
    [
      'growth(nilai_awal->nilai_akhir)',
      { kind: 'growth', initial: 'nilai_awal', final: 'nilai_akhir' },
    ],
    [
      'pertumbuhan(Jumlah UMKM awal → Jumlah UMKM akhir)',
      { kind: 'growth', initial: 'Jumlah UMKM awal', final: 'Jumlah UMKM akhir' },
    ],
    ['value(PDRB sektor industri (BPS))', { kind: 'value', input: 'PDRB sektor industri (BPS)' }],
    ['count(jumlah)', { kind: 'count', input: 'jumlah' }],
    ['score(nilai)', { kind: 'score', input: 'nilai' }],
    ['cv(harga)', { kind: 'cv', series: 'harga' }],
  ])('%s', (text, formula) => {
    const r = parseFormulaText(text);
    expect(r).toEqual({ ok: true, value: formula });
    if (r.ok) expect(parseFormulaText(formatFormula(r.value))).toEqual(r);
  });
  it.each(['ratio(a/b/c)', 'ratio(a/a)', 'sum(a)', 'value()', 'ratio(a/b) + 1', 'count(jumlah'])(
    'rejects %s',
    (text) => {
      expect(parseFormulaText(text).ok).toBe(false);
    },
  );
});

describe('numbers and dates in real XLSX cells', () => {
  const sk = (tanggal: CellSpec) =>
    SK_SHEET.map((r) => (r[0] === 'tanggal' ? ['tanggal', tanggal] : r));
  const indikator = (t2023: CellSpec, t2024: CellSpec, satuan = '%'): CellSpec[][] => [
    [...INDIKATOR_HEADER, 'baseline_tahun', 'baseline_nilai'],
    [
      'IKU-1',
      'iku',
      'SS-2',
      null,
      'PDRB Sektor Perdagangan',
      'value(pdrb)',
      satuan,
      'naik',
      t2023,
      t2024,
      2022,
      870.5,
    ],
  ];

  it('numeric, percent-formatted and date cells', async () => {
    const r = await parseXlsx({
      SK: sk(new Date(Date.UTC(2023, 0, 4))),
      Renstra: RENSTRA_SHEET,
      Indikator: indikator({ value: 0.3, numFmt: '0%' }, 32.5),
    });
    const doc = ok(r, 'sk');
    expect(doc.decree.date).toBe('2023-01-04');
    expect(doc.decree.legalBases).toEqual([
      'Undang-Undang Nomor 23 Tahun 2014',
      'Peraturan Pemerintah Nomor 8 Tahun 2006',
    ]);
    expect(doc.indicators[0]?.targets).toEqual([
      { year: 2023, value: '30' },
      { year: 2024, value: '32.5' },
    ]);
    expect(doc.indicators[0]?.baseline).toEqual({ year: 2022, value: '870.5' });
  });

  it('text cells: "887,43", "1.200,87", "4 Januari 2023"', async () => {
    const r = await parseXlsx({
      SK: sk('4 Januari 2023'),
      Renstra: RENSTRA_SHEET,
      Indikator: indikator('887,43', '1.200,87', 'Milyar rupiah'),
    });
    const doc = ok(r, 'sk');
    expect(doc.indicators[0]?.targets.map((t) => t.value)).toEqual(['887.43', '1200.87']);
  });

  it('an Excel serial number in a date cell and a percent-formatted cell for a non-% unit', async () => {
    const r = await parseXlsx({
      SK: sk(44930),
      Renstra: RENSTRA_SHEET,
      Indikator: indikator({ value: 0.3, numFmt: '0.0%' }, 905, 'Milyar rupiah'),
    });
    const ps = problems(r);
    expect(where(ps)).toEqual(['Indikator!2:target_2023']);
    expect(ps[0]?.message).toContain('Persentase tidak sesuai satuan');
  });

  it('headers are case and space insensitive; blank rows are skipped', async () => {
    const header = INDIKATOR_HEADER.map((h) =>
      typeof h === 'string' ? ` ${h.toUpperCase().replace(/_/g, ' ')} ` : h,
    );
    const r = await parseXlsx({
      sk: SK_SHEET,
      RENSTRA: RENSTRA_SHEET,
      Indikator: [
        header,
        [],
        ['IKU-1', 'IKU', 'SS-1', null, 'A', null, '%', 'Naik', '1', '2'],
        [null, null, '  '],
        ['IKU-2', 'iku', 'SS-1', null, 'B', null, '%', 'turun', '1', '2'],
      ],
    });
    const doc = ok(r, 'sk');
    expect(doc.indicators.map((i) => [i.code, i.polarity])).toEqual([
      ['IKU-1', 'higher_better'],
      ['IKU-2', 'lower_better'],
    ]);
    expect(doc.sources.indicators.map((s) => s.row)).toEqual([3, 5]);
  });
});
