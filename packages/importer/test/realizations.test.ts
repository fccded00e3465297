import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lampungBarat } from '@sakip/fixtures';
import { Dec, evaluateFormula, requiredInputs, type Formula } from '@sakip/domain';
import {
  parseImportBuffer,
  parseImportFile,
  parseInputsCell,
  parsePeriodCell,
  parseRupiahCell,
} from '../src/index';
import {
  ILLUSTRATIVE_LABEL,
  LAMPUNG_BARAT_REALIZATIONS_2024,
  LAMPUNG_BARAT_SPENDING_2024,
} from '../src/examples';
import { ok, parseXlsx, problems, where, type CellSpec } from './helpers';

const examplePath = (name: string) =>
  fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
const OPD = '18.04-DISKOPERINDAG';
const cell = (text: string) => ({ text });

// --- examples ------------------------------------------------------------------------------

describe('realisasi-lampung-barat-2024.xlsx', () => {
  it('holds the illustrative 2024 realizations of IKU-1..IKU-5 and the comparison figures', async () => {
    const r = await parseImportFile(examplePath('realisasi-lampung-barat-2024.xlsx'));
    const doc = ok(r, 'realisasi');
    expect(r.rowCount).toBe(LAMPUNG_BARAT_REALIZATIONS_2024.length + 4);
    expect(doc.rows.map((x) => `${x.indicatorCode}/${x.period}`)).toEqual(
      LAMPUNG_BARAT_REALIZATIONS_2024.map(([c, p]) => `${c}/${p}`),
    );
    expect(doc.rows.every((x) => x.opdId === OPD && x.year === 2024)).toBe(true);
    expect(doc.rows.every((x) => x.note === ILLUSTRATIVE_LABEL)).toBe(true);
    expect(doc.rows[0]).toEqual({
      opdId: OPD,
      indicatorCode: 'IKU-1',
      year: 2024,
      period: 'TW1',
      value: null,
      percent: false,
      inputs: { 'Jumlah koperasi sehat': '20', 'Jumlah koperasi': '75' },
      evidence: {
        documentRef: 'CONTOH Laporan Capaian Kinerja Triwulan I 2024 Diskoperindag Lampung Barat',
        dataSource: 'Bidang Koperasi UKM',
        attachment: null,
      },
      note: ILLUSTRATIVE_LABEL,
      source: { sheet: 'Realisasi', row: 2 },
    });
    const year1 = doc.rows.find((x) => x.indicatorCode === 'IKU-1' && x.period === 'YEAR');
    expect(year1).toMatchObject({ value: '32.89', percent: true });
    expect(doc.rows.find((x) => x.indicatorCode === 'IKU-2')?.inputs).toEqual({
      'Jumlah UMKM awal': '4120',
      'Jumlah UMKM akhir': '4987',
    });
    expect(doc.rows.find((x) => x.indicatorCode === 'IKU-4')).toMatchObject({
      value: '912.64',
      percent: false,
      inputs: null,
      evidence: { dataSource: 'BPS Lampung Barat' },
    });
    expect(doc.rows.find((x) => x.indicatorCode === 'IKU-5')?.inputs).toEqual({
      'PDRB sektor industri (BPS)': '361.08',
    });
    expect(doc.comparisons).toEqual([
      {
        scope: 'province',
        code: '18',
        indicatorKey: 'IKU-4',
        year: 2024,
        value: '68512.3',
        percent: false,
        dataSource: 'CONTOH BPS Provinsi Lampung',
        source: { sheet: 'Pembanding', row: 2 },
      },
      {
        scope: 'national',
        code: '',
        indicatorKey: 'IKU-4',
        year: 2024,
        value: '2931456.8',
        percent: false,
        dataSource: 'CONTOH BPS RI',
        source: { sheet: 'Pembanding', row: 3 },
      },
      expect.objectContaining({ scope: 'province', indicatorKey: 'IKU-5', value: '81207.15' }),
      expect.objectContaining({ scope: 'national', indicatorKey: 'IKU-5', value: '4215380.4' }),
    ]);
  });

  it('uses the formula input names of the SK example, and the inputs evaluate (typed values agree)', async () => {
    const sk = ok(await parseImportFile(examplePath('sk-lampung-barat-050-18-2023.xlsx')), 'sk');
    const doc = ok(
      await parseImportFile(examplePath('realisasi-lampung-barat-2024.xlsx')),
      'realisasi',
    );
    const withInputs = doc.rows.filter((x) => x.inputs !== null);
    expect(withInputs.length).toBeGreaterThan(5);
    for (const row of withInputs) {
      const formula = sk.indicators.find((i) => i.code === row.indicatorCode)?.formula as Formula;
      const fixture = lampungBarat.indicators.find((i) => i.code === row.indicatorCode)?.formula;
      expect(formula, row.indicatorCode).toEqual(fixture);
      expect(Object.keys(row.inputs ?? {}).sort()).toEqual([...requiredInputs(formula)].sort());
      const result = evaluateFormula(formula, row.inputs ?? {});
      expect(result.ok, `${row.indicatorCode} ${row.period}`).toBe(true);
      if (result.ok && row.value !== null) {
        const places = row.value.split('.')[1]?.length ?? 0;
        expect(
          new Dec(result.value).toDecimalPlaces(places, Dec.ROUND_HALF_UP).toFixed(),
          `${row.indicatorCode} ${row.period}`,
        ).toBe(new Dec(row.value).toFixed());
      }
    }
  });
});

describe('narasi-lampung-barat-2024.xlsx', () => {
  it('has one row per sasaran of the Lampung Barat SK', async () => {
    const doc = ok(await parseImportFile(examplePath('narasi-lampung-barat-2024.xlsx')), 'narasi');
    expect(doc.rows.map((x) => x.sasaranCode)).toEqual(
      lampungBarat.sasaran.filter((s) => s.level === 'sasaran').map((s) => s.code),
    );
    for (const row of doc.rows) {
      expect(row).toMatchObject({ opdId: OPD, year: 2024 });
      expect(row.faktorPendukung).not.toBe('');
      expect(row.faktorPenghambat).not.toBe('');
      expect(row.solusi).not.toBe('');
    }
    expect(doc.rows[0]?.source).toEqual({ sheet: 'Narasi', row: 2 });
  });
});

describe('serapan-lampung-barat-2024.xlsx', () => {
  it('has the spending per program and quarter, program codes of the Lampung Barat Renstra', async () => {
    const r = await parseImportFile(examplePath('serapan-lampung-barat-2024.xlsx'));
    const doc = ok(r, 'serapan');
    const programs = Object.keys(LAMPUNG_BARAT_SPENDING_2024);
    expect(r.rowCount).toBe(16);
    expect(doc.rows.map((x) => `${x.period}/${x.programCode}`)).toEqual(
      ['TW1', 'TW2', 'TW3', 'TW4'].flatMap((q) => programs.map((p) => `${q}/${p}`)),
    );
    const programElements = new Set(
      lampungBarat.sasaran.filter((s) => s.level === 'program').map((s) => s.code),
    );
    expect(programs.every((p) => programElements.has(p))).toBe(true);
    expect(doc.rows.every((x) => x.kegiatanCode === null && x.subKegiatanCode === null)).toBe(true);
    expect(doc.rows.find((x) => x.period === 'TW3' && x.programCode === 'SAS-49')).toEqual({
      opdId: OPD,
      year: 2024,
      period: 'TW3',
      programCode: 'SAS-49',
      kegiatanCode: null,
      subKegiatanCode: null,
      amount: '1250000000.5',
      source: { sheet: 'Serapan', row: 12 },
    });
  });
});

// --- cell parsers --------------------------------------------------------------------------

describe('input cell', () => {
  it('reads name=value pairs with Indonesian numbers', () => {
    expect(parseInputsCell(cell('Jumlah koperasi sehat=25; Jumlah koperasi=75'))).toEqual({
      ok: true,
      value: { 'Jumlah koperasi sehat': '25', 'Jumlah koperasi': '75' },
    });
    expect(parseInputsCell(cell('pdrb = 1.200,5 ;awal=-3,25;'))).toEqual({
      ok: true,
      value: { pdrb: '1200.5', awal: '-3.25' },
    });
    expect(parseInputsCell(cell('a=1.500.000\nb=887,43'))).toEqual({
      ok: true,
      value: { a: '1500000', b: '887.43' },
    });
    expect(parseInputsCell(cell('PDRB sektor industri (BPS)=361,08'))).toEqual({
      ok: true,
      value: { 'PDRB sektor industri (BPS)': '361.08' },
    });
  });

  it('reads a series as a list', () => {
    expect(parseInputsCell(cell('harga=10.200|10.350|10.100'))).toEqual({
      ok: true,
      value: { harga: ['10200', '10350', '10100'] },
    });
    expect(parseInputsCell(cell('harga = 10.200,5 | 9.999,25; n=3'))).toEqual({
      ok: true,
      value: { harga: ['10200.5', '9999.25'], n: '3' },
    });
  });

  it('accepts quoted names containing the separators', () => {
    expect(parseInputsCell(cell('"Jumlah KSP=USP; sehat"=12; "kata ""x"""=1'))).toEqual({
      ok: true,
      value: { 'Jumlah KSP=USP; sehat': '12', 'kata "x"': '1' },
    });
  });

  it.each([
    ['Jumlah koperasi 25', 'must be name=value'],
    ['=25', 'empty input name'],
    ['a=1; a=2', 'given twice'],
    ['a=1,200.50', "invalid value for input 'a'"],
    ['a=', "invalid value for input 'a'"],
    ['harga=10.200||10.100', "invalid value for input 'harga'"],
    ['a=30%', 'cannot be written with %'],
    ['"a=1', 'unclosed double quote'],
    [';', 'no inputs'],
  ])('rejects %s', (text, message) => {
    const r = parseInputsCell(cell(text));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(message);
      expect(r.message).toContain(' / ');
    }
  });
});

describe('period cell', () => {
  it.each([
    ['TW1', 'TW1'],
    ['tw 2', 'TW2'],
    ['TW III', 'TW3'],
    ['Triwulan I', 'TW1'],
    ['Triwulan II', 'TW2'],
    ['triwulan iii', 'TW3'],
    ['Triwulan IV', 'TW4'],
    ['Triwulan 4', 'TW4'],
    ['TAHUN', 'YEAR'],
    ['Tahunan', 'YEAR'],
    ['YEAR', 'YEAR'],
  ])('%s → %s', (text, period) => {
    expect(parsePeriodCell(cell(text))).toEqual({ ok: true, value: period });
  });
  it.each(['TW5', 'Triwulan V', 'Semester 1', 'Q0', ''])('rejects %j', (text) => {
    expect(parsePeriodCell(cell(text)).ok).toBe(false);
  });
});

describe('rupiah cell', () => {
  it('reads Indonesian amounts with sen', () => {
    expect(parseRupiahCell(cell('1.250.000.000,50'))).toEqual({ ok: true, value: '1250000000.5' });
    expect(parseRupiahCell(cell('Rp 75.000'))).toEqual({ ok: true, value: '75000' });
    expect(parseRupiahCell({ text: '1500.25', number: 1500.25 })).toEqual({
      ok: true,
      value: '1500.25',
    });
  });
  it.each([
    ['1,250,000.00', 'invalid number'],
    ['12,345', 'at most 2 decimals'],
    ['10%', 'cannot be a percentage'],
    ['-5.000', 'cannot be negative'],
    ['satu juta', 'invalid number'],
  ])('rejects %s', (text, message) => {
    const r = parseRupiahCell(cell(text));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

// --- problems ------------------------------------------------------------------------------

const REALISASI_HEADER: CellSpec[] = [
  'id_opd',
  'kode_indikator',
  'tahun',
  'periode',
  'nilai',
  'input',
  'dokumen',
  'sumber_data',
  'catatan',
];
const real = (
  code: string,
  period: string,
  nilai: string | null,
  input: string | null,
  dokumen: string | null = 'LKjIP 2024',
  sumber: string | null = 'Bidang Koperasi UKM',
  opd = OPD,
  year: CellSpec = 2024,
): CellSpec[] => [opd, code, year, period, nilai, input, dokumen, sumber, null];

describe('realisasi problems', () => {
  it('reports every problem with its sheet, row and column', async () => {
    const r = await parseXlsx(
      {
        Realisasi: [
          REALISASI_HEADER,
          real('IKU-1', 'TW1', '26,67%', null), // 2 ok
          real('IKU-1', 'TW1', '27', null), // 3 duplicate of row 2
          real('IKU-1', 'Triwulan I', null, 'a=1; b=2'), // 4 duplicate of row 2 (Triwulan I = TW1)
          real('IKU-2', 'TW5', '1', null), // 5 bad period
          real('IKU-3', 'TW2', null, null), // 6 neither nilai nor input
          real('IKU-3', 'TW3', '1', null, null), // 7 missing dokumen
          real('IKU-3', 'TW4', '1', null, 'LKjIP', null), // 8 missing sumber_data
          real('IKU-4', 'YEAR', '1.2.3', 'x=1,200.50'), // 9 bad nilai + bad input
          real('IKU-5', 'TAHUN', '1', null, 'Dok', 'BPS', '18.04_X', '24'), // 10 opd + year
          [OPD, null, 2024, null, '1', null, 'Dok', 'BPS'], // 11 kode_indikator + periode required
        ],
        Pembanding: [
          ['cakupan', 'kode_wilayah', 'kunci_indikator', 'tahun', 'nilai', 'sumber'],
          ['provinsi', '18', 'IKU-4', 2024, '68.512,30', 'BPS'], // 2 ok
          ['kota', null, 'IKU-4', 2024, '1', 'BPS'], // 3 bad scope
          ['provinsi', null, 'IKU-4', 2024, '1', 'BPS'], // 4 province needs code
          ['nasional', '18', 'IKU-4', 2024, '1', 'BPS'], // 5 national takes none
          ['provinsi', '18', 'IKU-4', 2024, '70', 'BPS'], // 6 duplicate of 2
          ['nasional', null, 'IKU-4', 2024, 'banyak', null], // 7 bad nilai, no sumber
        ],
      },
      'realisasi-rusak.xlsx',
    );
    const ps = problems(r);
    expect(r.kind).toBe('realisasi');
    expect(where(ps)).toEqual([
      'Realisasi!3:periode',
      'Realisasi!4:periode',
      'Realisasi!5:periode',
      'Realisasi!6:nilai',
      'Realisasi!7:dokumen',
      'Realisasi!8:sumber_data',
      'Realisasi!9:nilai',
      'Realisasi!9:input',
      'Realisasi!10:id_opd',
      'Realisasi!10:tahun',
      'Realisasi!11:kode_indikator',
      'Realisasi!11:periode',
      'Pembanding!3:cakupan',
      'Pembanding!4:kode_wilayah',
      'Pembanding!5:kode_wilayah',
      'Pembanding!6:kunci_indikator',
      'Pembanding!7:nilai',
      'Pembanding!7:sumber',
    ]);
    const msg = (w: string) => ps[where(ps).indexOf(w)]?.message ?? '';
    expect(msg('Realisasi!3:periode')).toContain('same as row 2');
    expect(msg('Realisasi!5:periode')).toContain("unknown period 'TW5'");
    expect(msg('Realisasi!6:nilai')).toContain(
      'Isi nilai realisasi atau input rumusnya / enter the realization value or the inputs',
    );
    expect(msg('Realisasi!7:dokumen')).toContain('evidence: the source document is required');
    expect(msg('Realisasi!8:sumber_data')).toContain('evidence: the data source is required');
    expect(msg('Realisasi!9:input')).toContain("invalid value for input 'x'");
    expect(msg('Pembanding!5:kode_wilayah')).toContain('national figures take no region code');
    expect(msg('Pembanding!6:kunci_indikator')).toContain('duplicate comparison figure');
    for (const p of ps) expect(p.message).toMatch(/ \/ /);
  });

  it('reports missing columns once, on the header row', async () => {
    const r = await parseXlsx({
      Realisasi: [
        ['id_opd', 'kode_indikator', 'tahun', 'periode', 'nilai', 'bukti'],
        [OPD, 'IKU-1', 2024, 'TW1', '1', 'x'],
        [OPD, 'IKU-1', 2024, 'TW2', '1', 'x'],
      ],
    });
    expect(r.kind).toBe('realisasi');
    expect(where(problems(r))).toEqual([
      'Realisasi!1:bukti',
      'Realisasi!1:dokumen',
      'Realisasi!1:sumber_data',
    ]);
  });

  it('same indicator and period in different years or OPDs is fine; comparisons default to []', async () => {
    const doc = ok(
      await parseXlsx({
        Realisasi: [
          REALISASI_HEADER,
          real('IKU-1', 'TW1', '1', null),
          real('IKU-1', 'TW1', '1', null, 'D', 'S', OPD, 2025),
          real('IKU-1', 'TW1', '1', null, 'D', 'S', '18.71-DISKOPUKM'),
          real('IKU-1', 'Tahunan', '12,5 %', 'harga=10.200|10.350'),
        ],
      }),
      'realisasi',
    );
    expect(doc.rows).toHaveLength(4);
    expect(doc.comparisons).toEqual([]);
    expect(doc.rows[3]).toMatchObject({
      period: 'YEAR',
      value: '12.5',
      percent: true,
      inputs: { harga: ['10200', '10350'] },
      note: null,
    });
  });
});

const SERAPAN_HEADER: CellSpec[] = [
  'id_opd',
  'tahun',
  'periode',
  'kode_program',
  'kode_kegiatan',
  'kode_sub_kegiatan',
  'realisasi',
];

describe('serapan problems', () => {
  it('reports bad rupiah, periods, nesting, duplicates and quarters mixed with TAHUN', async () => {
    const r = await parseXlsx(
      {
        Serapan: [
          SERAPAN_HEADER,
          [OPD, 2024, 'TW1', '2.17.02', '2.17.02.2.01', null, '1.250.000.000,50'], // 2 ok
          [OPD, 2024, 'TW1', '2.17.02', '2.17.02.2.01', null, '5'], // 3 duplicate
          [OPD, 2024, 'TW2', '2.17.02', null, null, '1,250,000.00'], // 4 English grouping
          [OPD, 2024, 'TW2', '2.17.03', null, null, '12,345'], // 5 three decimals
          [OPD, 2024, 'TW2', '2.17.04', null, null, '10%'], // 6 percent
          [OPD, 2024, 'Semester 1', '2.17.02', null, null, '1'], // 7 bad period
          [OPD, 2024, 'TW3', '2.17.02', null, '2.17.02.2.01.0001', '1'], // 8 sub without kegiatan
          [OPD, 2024, 'TW3', '2.17.02', '2.18.01.2.01', null, '1'], // 9 not nested
          [OPD, 2024, 'TAHUN', '2.17.02', null, null, '1'], // 10 year after quarters
          [OPD, 2024, 'TW4', '2.17.02', null, null, null], // 11 realisasi required
        ],
      },
      'serapan-rusak.xlsx',
    );
    const ps = problems(r);
    expect(where(ps)).toEqual([
      'Serapan!3:kode_program',
      'Serapan!4:realisasi',
      'Serapan!5:realisasi',
      'Serapan!6:realisasi',
      'Serapan!7:periode',
      'Serapan!8:kode_kegiatan',
      'Serapan!9:kode_kegiatan',
      'Serapan!10:periode',
      'Serapan!11:realisasi',
    ]);
    const msg = (w: string) => ps[where(ps).indexOf(w)]?.message ?? '';
    expect(msg('Serapan!3:kode_program')).toContain('duplicate spending line (same as row 2)');
    expect(msg('Serapan!4:realisasi')).toContain("invalid number: '1,250,000.00'");
    expect(msg('Serapan!5:realisasi')).toContain('at most 2 decimals');
    expect(msg('Serapan!6:realisasi')).toContain('cannot be a percentage');
    expect(msg('Serapan!10:periode')).toContain('already recorded by quarter (row 2)');
  });

  it('a yearly-only file parses, and TW after TAHUN is refused', async () => {
    const r = await parseXlsx({
      Serapan: [
        SERAPAN_HEADER,
        [OPD, 2024, 'Tahunan', '2.17.02', null, null, '100'],
        [OPD, 2025, 'TW1', '2.17.02', null, null, '100'],
        [OPD, 2024, 'Triwulan I', '2.17.02', null, null, '100'],
      ],
    });
    expect(where(problems(r))).toEqual(['Serapan!4:periode']);
    expect(problems(r)[0]?.message).toContain('already recorded as TAHUN (row 2)');
  });
});

describe('narasi problems', () => {
  it('reports empty narratives, duplicates and bad cells', async () => {
    const header: CellSpec[] = [
      'id_opd',
      'kode_sasaran',
      'tahun',
      'faktor_pendukung',
      'faktor_penghambat',
      'solusi',
      'catatan contoh',
    ];
    const r = await parseXlsx({
      Narasi: [
        header,
        [OPD, 'SS-1', 2024, 'Pendampingan', null, null, 'ILUSTRATIF'], // 2 ok
        [OPD, 'SS-1', 2024, null, 'Cuaca', null], // 3 duplicate
        [OPD, 'SS-2', 2024, null, null, null, 'ada catatan'], // 4 all three empty
        [OPD, null, 'dua ribu', null, null, 'Solusi'], // 5 kode_sasaran, tahun
        [OPD, 'SS-3', 2024, 'x'.repeat(10_001), null, null], // 6 too long
      ],
    });
    const ps = problems(r);
    expect(r.kind).toBe('narasi');
    expect(where(ps)).toEqual([
      'Narasi!3:kode_sasaran',
      'Narasi!4:faktor_pendukung',
      'Narasi!5:kode_sasaran',
      'Narasi!5:tahun',
      'Narasi!6:faktor_pendukung',
    ]);
    expect(ps[1]?.message).toContain('fill in at least one of');
    expect(ps[4]?.message).toContain('10001 characters');
  });

  it('keeps empty fields as empty strings', async () => {
    const doc = ok(
      await parseXlsx({
        Narasi: [
          ['id_opd', 'kode_sasaran', 'tahun', 'solusi'],
          [OPD, 'SS-1', '2024', 'Percepat RAT'],
        ],
      }),
      'narasi',
    );
    expect(doc.rows).toEqual([
      {
        opdId: OPD,
        sasaranCode: 'SS-1',
        year: 2024,
        faktorPendukung: '',
        faktorPenghambat: '',
        solusi: 'Percepat RAT',
        source: { sheet: 'Narasi', row: 2 },
      },
    ]);
  });
});

// --- kind detection and CSV ------------------------------------------------------------------

describe('kind detection', () => {
  const realCsv = [
    'id_opd;kode_indikator;tahun;periode;nilai;input;dokumen;sumber_data',
    `${OPD};IKU-1;2024;TW1;;"Jumlah koperasi sehat=20; Jumlah koperasi=75";LKjIP;Bidang Koperasi UKM`,
  ].join('\n');

  it('a realisasi CSV by marker, by file name, and by its default sheet', async () => {
    const byMarker = ok(
      await parseImportBuffer(Buffer.from(`#template: realisasi\n${realCsv}`), 'data.csv'),
      'realisasi',
    );
    const byName = ok(
      await parseImportBuffer(Buffer.from(realCsv), 'realisasi-2024.csv'),
      'realisasi',
    );
    expect(byMarker.rows[0]?.source).toEqual({ sheet: 'Realisasi', row: 3 });
    expect(byName.rows[0]).toMatchObject({
      inputs: { 'Jumlah koperasi sehat': '20', 'Jumlah koperasi': '75' },
      source: { sheet: 'Realisasi', row: 2 },
    });
    expect(byName.comparisons).toEqual([]);
  });

  it('a Pembanding CSV alone is refused: Realisasi is required', async () => {
    const r = await parseImportBuffer(
      Buffer.from(
        'cakupan;kode_wilayah;kunci_indikator;tahun;nilai;sumber\nnasional;;IKU-4;2024;1;BPS',
      ),
      'realisasi-pembanding.csv',
    );
    expect(where(problems(r))).toEqual(['Realisasi!0:']);
  });

  it('narasi and serapan by marker and file name; sheets by name in XLSX', async () => {
    const serapanCsv = `id_opd;tahun;periode;kode_program;realisasi\n${OPD};2024;TW1;SAS-4;"1.250.000,50"`;
    expect(
      ok(await parseImportBuffer(Buffer.from(serapanCsv), 'serapan_2024.csv'), 'serapan').rows[0]
        ?.amount,
    ).toBe('1250000.5');
    expect(
      ok(
        await parseImportBuffer(Buffer.from(`#template: serapan\n${serapanCsv}`), 'x.csv'),
        'serapan',
      ).rows,
    ).toHaveLength(1);
    const narasiCsv = `id_opd,kode_sasaran,tahun,solusi\n${OPD},SS-1,2024,Percepat RAT`;
    expect(
      ok(await parseImportBuffer(Buffer.from(narasiCsv), 'narasi-lambar.csv'), 'narasi').rows,
    ).toHaveLength(1);
    const x = await parseXlsx(
      { Narasi: [['id_opd', 'kode_sasaran', 'tahun', 'solusi']] },
      'x.xlsx',
    );
    expect(x.kind).toBe('narasi');
    const p = await parseXlsx({ Pembanding: [['cakupan']] }, 'x.xlsx');
    expect(p.kind).toBe('realisasi');
    expect(where(problems(p))).toContain('Realisasi!0:');
    const s = await parseXlsx({ Serapan: [SERAPAN_HEADER] }, 'x.xlsx');
    expect(s.kind).toBe('serapan');
  });
});
