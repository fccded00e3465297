import { describe, expect, it } from 'vitest';
import { parseImportBuffer, type ProgressEvent } from '../src/index';
import { ok, parseXlsx, problems, where, xlsx, type CellSpec } from './helpers';

const ANGGARAN_ROWS: string[][] = [
  [
    'id_opd',
    'tahun',
    'tahap',
    'dokumen',
    'tanggal',
    'kode_program',
    'kode_kegiatan',
    'kode_sub_kegiatan',
    'pagu',
    'sumber_dana',
  ],
  [
    '18.04-DISKOPERINDAG',
    '2024',
    'dpa_pengesahan',
    'DPA-SKPD 2.17/2024',
    '2 Januari 2024',
    '2.17.02',
    '2.17.02.2.01',
    '2.17.02.2.01.0001',
    '150.000.000',
    'DAU',
  ],
  [
    '18.04-DISKOPERINDAG',
    '2024',
    'dpa_pengesahan',
    'DPA-SKPD 2.17/2024',
    '2 Januari 2024',
    '2.17.02',
    '2.17.02.2.01',
    '2.17.02.2.01.0002',
    '75.500.000,50',
    'DAK_FISIK',
  ],
  [
    '18.04-DISKOPERINDAG',
    '2024',
    'dpa_perubahan',
    'DPPA-SKPD 2.17/2024',
    '2024-09-30',
    '2.17.02',
    null as unknown as string,
    null as unknown as string,
    '260000000',
    'apbn',
  ],
];

const csv = (rows: (string | null)[][], sep = ';') =>
  rows
    .map((r) =>
      r
        .map((c) => (c === null ? '' : /[;,"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
        .join(sep),
    )
    .join('\n');

describe('anggaran: CSV and XLSX give the same document', () => {
  it('groups lines into stages', async () => {
    const fromCsv = ok(
      await parseImportBuffer(Buffer.from(csv(ANGGARAN_ROWS)), 'anggaran-2024.csv'),
      'anggaran',
    );
    const fromCsvComma = ok(
      await parseImportBuffer(Buffer.from(`\ufeff${csv(ANGGARAN_ROWS, ',')}`), 'anggaran.csv'),
      'anggaran',
    );
    const fromXlsx = ok(await parseXlsx({ Anggaran: ANGGARAN_ROWS }), 'anggaran');
    expect(fromCsv).toEqual(fromXlsx);
    expect(fromCsvComma).toEqual(fromXlsx);
    expect(fromXlsx.stages).toHaveLength(2);
    expect(fromXlsx.stages[0]).toMatchObject({
      opdId: '18.04-DISKOPERINDAG',
      year: 2024,
      stage: 'dpa_pengesahan',
      documentRef: 'DPA-SKPD 2.17/2024',
      date: '2024-01-02',
    });
    expect(
      fromXlsx.stages[0]?.lines.map((l) => [l.subKegiatanCode, l.amount, l.fundingSource]),
    ).toEqual([
      ['2.17.02.2.01.0001', '150000000', 'DAU'],
      ['2.17.02.2.01.0002', '75500000.5', 'DAK_FISIK'],
    ]);
    expect(fromXlsx.stages[1]?.lines[0]).toMatchObject({
      kegiatanCode: null,
      subKegiatanCode: null,
      amount: '260000000',
      fundingSource: 'APBN',
      source: { sheet: 'Anggaran', row: 4 },
    });
  });

  it('reports bad stages, percent amounts, nesting, dates and duplicates', async () => {
    const rows = [
      ...ANGGARAN_ROWS,
      [
        '18.04-DISKOPERINDAG',
        '2024',
        'dpa',
        'X',
        '2 Januari 2024',
        '2.17.02',
        null,
        null,
        '1',
        'DAU',
      ],
      [
        '18.04-DISKOPERINDAG',
        '2024',
        'dpa_pengesahan',
        'DPA-SKPD 2.17/2024',
        '3 Januari 2024',
        '2.17.02',
        '2.17.02.2.01',
        '2.17.02.2.01.0003',
        '1',
        'DAU',
      ],
      [
        '18.04-DISKOPERINDAG',
        '2024',
        'dpa_pengesahan',
        'DPA-SKPD 2.17/2024',
        '2 Januari 2024',
        '2.17.02',
        '2.17.02.2.01',
        '2.17.02.2.01.0001',
        '1',
        'DAU',
      ],
      [
        '18.04-DISKOPERINDAG',
        '2024',
        'rka',
        'RKA',
        '2 Januari 2024',
        '2.17.02',
        '2.18.01.2.01',
        null,
        '10%',
        'DAU',
      ],
    ] as string[][];
    const r = await parseImportBuffer(Buffer.from(csv(rows)), 'anggaran.csv');
    expect(where(problems(r))).toEqual([
      'Anggaran!5:tahap',
      'Anggaran!6:tanggal',
      'Anggaran!7:kode_program',
      'Anggaran!8:pagu',
      'Anggaran!8:kode_kegiatan',
    ]);
  });

  it('sumber_dana is required and one of the domain funding sources', async () => {
    const line = (fundingSource: string | null) => [
      '18.04-DISKOPERINDAG',
      '2024',
      'dpa_pengesahan',
      'DPA',
      '2 Januari 2024',
      '2.17.02',
      null,
      null,
      '1',
      fundingSource,
    ];
    const rows = [ANGGARAN_ROWS[0]!, line('PAD'), line(null)] as string[][];
    const r = await parseImportBuffer(Buffer.from(csv(rows)), 'anggaran.csv');
    expect(where(problems(r))).toEqual(['Anggaran!2:sumber_dana', 'Anggaran!3:sumber_dana']);
    expect(problems(r)[0]?.message).toContain('expected one of: APBD, DAU');
  });
});

describe('choosing the template', () => {
  const targetRows =
    'id_opd,nomor_sk,kode_indikator,tahun,target\n18.04-DISKOPERINDAG,050/18/2023,IKU-4,2023,"887,43"\n';
  it('CSV: by a #template marker line', async () => {
    const r = await parseImportBuffer(
      Buffer.from(`#template: target\n${targetRows}`),
      'unggahan.csv',
    );
    expect(ok(r, 'target').rows[0]).toMatchObject({
      year: 2023,
      target: { year: 2023, value: '887.43' },
      source: { sheet: 'Target', row: 3 },
    });
  });
  it('CSV: by the file name', async () => {
    ok(await parseImportBuffer(Buffer.from(targetRows), 'Target_2023.csv'), 'target');
  });
  it('CSV: one sheet of a multi-sheet template, named in the marker or the file name', async () => {
    const jab =
      'id_opd;kode_jabatan;nama_jabatan;kode_unit;tugas;fungsi\n18.04-DISKOPERINDAG;KADIS;Kepala Dinas;;Memimpin;"Perumusan kebijakan;\nPembinaan"\n';
    const a = ok(
      await parseImportBuffer(Buffer.from(`#template: organisasi/Jabatan\n${jab}`), 'data.csv'),
      'organisasi',
    );
    const b = ok(
      await parseImportBuffer(Buffer.from(jab), 'organisasi-jabatan-lambar.csv'),
      'organisasi',
    );
    const strip = (d: typeof a) => d.positions.map(({ source: _s, ...p }) => p);
    expect(strip(a)).toEqual(strip(b));
    expect([a.positions[0]?.source.row, b.positions[0]?.source.row]).toEqual([3, 2]); // the marker line is row 1
    expect(a.positions[0]?.fungsi).toEqual(['Perumusan kebijakan;', 'Pembinaan']);
    const c = await parseImportBuffer(Buffer.from(jab), 'organisasi.csv');
    expect(c.ok).toBe(false);
  });
  it('unknown kind, unknown extension, unreadable XLSX', async () => {
    const a = await parseImportBuffer(Buffer.from(targetRows), 'data.csv');
    expect(a).toMatchObject({ ok: false, kind: null });
    expect(where(problems(a))).toEqual(['!0:']);
    expect(await parseImportBuffer(Buffer.from('x'), 'data.pdf')).toMatchObject({
      ok: false,
      kind: null,
    });
    expect(await parseImportBuffer(Buffer.from('not a zip'), 'sk.xlsx')).toMatchObject({
      ok: false,
      kind: null,
    });
    const m = await parseImportBuffer(
      Buffer.from(`#template: laporan\n${targetRows}`),
      'target.csv',
    );
    expect(m).toMatchObject({ ok: false, kind: null });
  });
  it('XLSX: by sheet names; an extra sheet is reported, a Petunjuk sheet ignored', async () => {
    const rows: CellSpec[][] = [
      ['id_opd', 'nomor_sk', 'kode_indikator', 'tahun', 'target'],
      ['18.04-DISKOPERINDAG', 'X/1', 'IKU-1', 2023, 30],
    ];
    ok(
      await parseXlsx({ Petunjuk: [['Isi sheet Target']], Target: rows }, 'unggahan.xlsx'),
      'target',
    );
    const r = await parseXlsx({ Target: rows, Lain: [['a']] }, 'unggahan.xlsx');
    expect(where(problems(r))).toEqual(['Lain!0:']);
  });
});

describe('pk', () => {
  it('parses the agreement, its targets and budgets', async () => {
    const r = await parseXlsx({
      PK: [
        ['id_opd', '18.04-DISKOPERINDAG'],
        ['tahun', 2024],
        ['kode_jabatan', 'KADIS'],
        ['pihak_pertama_nama', 'AKSANI, SP., M.Si'],
        ['pihak_pertama_nip', '19700101 199003 1 001'],
        ['pihak_pertama_jabatan', 'Kepala Dinas'],
        ['pihak_kedua_nama', 'PARosa'],
        ['pihak_kedua_jabatan', 'Bupati Lampung Barat'],
        ['tanggal', '2 Januari 2024'],
      ],
      Target: [
        ['kode_indikator', 'target', 'satuan_hitung'],
        ['IKU-1', '32%', null],
        ['IKI-UMPEG-1', '1 dokumen', null],
        ['IKU-4', 905.17, null],
        ['PRG-14B', '85 | Nilai A', null],
        ['IKI-X', '2', 'laporan'],
      ],
      Anggaran: [
        ['kode_program', 'pagu'],
        ['2.17.02', 'Rp 1.500.000.000'],
      ],
    });
    const doc = ok(r, 'pk');
    expect(doc).toMatchObject({
      opdId: '18.04-DISKOPERINDAG',
      year: 2024,
      positionCode: 'KADIS',
      firstParty: {
        name: 'AKSANI, SP., M.Si',
        nip: '197001011990031001',
        position: 'Kepala Dinas',
      },
      secondParty: { name: 'PARosa', nip: null, position: 'Bupati Lampung Barat' },
      date: '2024-01-02',
      revisionReason: null,
    });
    expect(
      doc.targets.map(({ indicatorCode, value, unit, text, percent }) => [
        indicatorCode,
        value,
        unit,
        text,
        percent,
      ]),
    ).toEqual([
      ['IKU-1', '32', null, null, true],
      ['IKI-UMPEG-1', '1', 'dokumen', null, false],
      ['IKU-4', '905.17', null, null, false],
      ['PRG-14B', '85', null, 'Nilai A', false],
      ['IKI-X', '2', 'laporan', null, false],
    ]);
    expect(doc.budgets.map((b) => [b.programCode, b.amount])).toEqual([['2.17.02', '1500000000']]);
  });

  it('reports missing keys, bad NIP and duplicate targets', async () => {
    const r = await parseXlsx({
      PK: [
        ['id_opd', '18.04-DISKOPERINDAG'],
        ['tahun', 2024],
        ['kode_jabatan', 'KADIS'],
        ['pihak_pertama_nama', 'AKSANI'],
        ['pihak_pertama_nip', '1970'],
        ['pihak_pertama_jabatan', 'Kepala Dinas'],
        ['pihak_kedua_nama', 'PARosa'],
        ['pihak_kedua_jabatan', 'Bupati'],
      ],
      Target: [
        ['kode_indikator', 'target'],
        ['IKU-1', '30'],
        ['IKU-1', '31'],
      ],
    });
    expect(where(problems(r))).toEqual([
      'PK!0:tanggal',
      'PK!5:pihak_pertama_nip',
      'Target!3:kode_indikator',
    ]);
  });
});

describe('progress and volume', () => {
  const bulk = (n: number) => {
    const lines = ['id_opd;nomor_sk;kode_indikator;tahun;target'];
    for (let i = 0; i < n; i++)
      lines.push(
        `18.04-DISKOPERINDAG;050/18/KPTS/III.06/1/2023;IKI-${Math.floor(i / 4)};${2023 + (i % 4)};${i % 7 === 0 ? '12,5%' : `${i} dokumen`}`,
      );
    return lines.join('\n');
  };

  it('a 2,000-row target CSV parses and reports progress for both phases', async () => {
    const events: ProgressEvent[] = [];
    const r = await parseImportBuffer(Buffer.from(bulk(2000)), 'target-besar.csv', {
      onProgress: (p) => events.push(p),
    });
    const doc = ok(r, 'target');
    expect(doc.rows).toHaveLength(2000);
    expect(r.rowCount).toBe(2000);
    expect(doc.rows[1999]).toMatchObject({
      indicatorCode: 'IKI-499',
      year: 2026,
      target: { year: 2026, value: '1999', unit: 'dokumen' },
      source: { row: 2001 },
    });
    expect(events.some((e) => e.phase === 'read')).toBe(true);
    expect(events.filter((e) => e.phase === 'validate').at(-1)).toEqual({
      phase: 'validate',
      done: 2000,
      total: 2000,
    });
    for (const e of events) expect(e.done).toBeLessThanOrEqual(e.total);
  });

  it('a 2,000-row target XLSX parses with progress', async () => {
    const rows: CellSpec[][] = [['id_opd', 'nomor_sk', 'kode_indikator', 'tahun', 'target']];
    for (let i = 0; i < 2000; i++)
      rows.push(['18.04-DISKOPERINDAG', 'X/1/2023', `IKI-${Math.floor(i / 4)}`, 2023 + (i % 4), i]);
    const events: ProgressEvent[] = [];
    const r = await parseImportBuffer(await xlsx({ Target: rows }), 'target.xlsx', {
      onProgress: (p) => events.push(p),
    });
    expect(ok(r, 'target').rows).toHaveLength(2000);
    expect(events.find((e) => e.phase === 'read' && e.done === e.total)).toBeDefined();
    expect(events.at(-1)).toEqual({ phase: 'validate', done: 2000, total: 2000 });
  });

  it('problems in a big file are all collected', async () => {
    const text = bulk(2000).replace(/;2024;/g, ';20x4;');
    const ps = problems(await parseImportBuffer(Buffer.from(text), 'target.csv'));
    expect(ps).toHaveLength(500);
    expect(ps.every((p) => p.column === 'tahun' && p.sheet === 'Target')).toBe(true);
  });
});
