import { describe, expect, it } from 'vitest';
import {
  INDIKATOR_HEADER,
  RENSTRA_SHEET,
  SK_SHEET,
  parseXlsx,
  problems,
  where,
  type CellSpec,
} from './helpers';

describe('a decree file with many kinds of errors', () => {
  it('reports every problem with its sheet, row and column, in sheet and row order', async () => {
    const sk: CellSpec[][] = SK_SHEET.filter((r) => r[0] !== 'tempat').map((r) => {
      if (r[0] === 'tanggal') return ['tanggal', '31 Februari 2023'];
      if (r[0] === 'jenis') return ['jenis', 'baru'];
      return r;
    });
    const renstra: CellSpec[][] = [
      ...RENSTRA_SHEET,
      ['SS-1', 'sasaran', 'Duplikat', null], // row 5: duplicate code
      ['M-1', 'misi', 'Misi', null], // row 6: unknown level
      ['PRG-2', 'program', 'Program', 'X-9'], // row 7: unknown parent
    ];
    const indikator: CellSpec[][] = [
      [...INDIKATOR_HEADER, 'target_2025'],
      [
        'IKU-1',
        'iku',
        'SS-1',
        null,
        'Jumlah koperasi',
        'count(jumlah)',
        'dokumen',
        'naik',
        '30%',
        '2 dokumen',
        '3',
      ], // 2: % vs satuan
      ['IKU-1', 'iku', 'SS-1', null, 'Lain', null, '%', 'naik', '1', '2', '3'], // 3: duplicate code
      ['IKI-1', 'iki', 'PRG-1', null, 'IKI tanpa jabatan', null, '%', 'naik', '1', '2', '3'], // 4: kode_jabatan
      ['IKU-4', 'iku', 'SS-9', null, 'Elemen hilang', null, '%', 'naik', '1', '2', '3'], // 5: unknown element
      ['IKU-5', 'iku', 'SS-2', null, null, null, '%', 'naik', '1', '2', '3'], // 6: nama empty
      ['IKU-6', 'iku', 'SS-2', null, 'Target kosong', null, '%', 'naik', '1', null, '3'], // 7: target_2024 empty
      [
        'IKU-7',
        'iku',
        'SS-2',
        null,
        'Polaritas salah',
        'ratio(a / b / c)',
        '%',
        'naik-turun',
        '1',
        '2',
        '3',
      ], // 8: enum + formula
      [
        'IKU-8',
        'iku',
        'SS-1',
        null,
        'jumlah  koperasi',
        'count(jumlah)',
        'dokumen',
        'naik',
        '1',
        '2',
        '3',
      ], // 9: duplicate name in SS-1
      ['IKU-9', 'iku', 'SS-2', null, 'Angka salah', null, 'unit', 'turun', '1.2.3', '2', '3'], // 10: invalid number
      ['IKU-10', 'program', 'SS-2', 'KADIS', 'Salah tingkat', null, 'unit', 'turun', '1', '2', '3'], // 11: program on sasaran + jabatan on non-IKI
      ['IKU-11', 'iku', 'SS-2', null, 'Rentang', null, '%', 'naik', '10 - 20', '2', '3'], // 12: range without rentang
    ];
    const r = await parseXlsx({ SK: sk, Renstra: renstra, Indikator: indikator }, 'sk-rusak.xlsx');
    const ps = problems(r);
    expect(r.kind).toBe('sk');
    expect(where(ps)).toEqual([
      'SK!0:tempat',
      'SK!5:tanggal',
      'SK!9:jenis',
      'Renstra!5:kode',
      'Renstra!6:tingkat',
      'Renstra!7:kode_induk',
      'Indikator!1:target_2025',
      'Indikator!2:target_2023',
      'Indikator!3:kode',
      'Indikator!4:kode_jabatan',
      'Indikator!5:kode_elemen',
      'Indikator!6:nama',
      'Indikator!7:target_2024',
      'Indikator!8:formula',
      'Indikator!8:polaritas',
      'Indikator!9:nama',
      'Indikator!10:target_2023',
      'Indikator!11:kode_elemen',
      'Indikator!11:kode_jabatan',
      'Indikator!12:target_2023',
    ]);
    const msg = (w: string) => ps[where(ps).indexOf(w)]?.message ?? '';
    expect(msg('Indikator!2:target_2023')).toMatch(
      /^Persentase tidak sesuai satuan.* \/ percentage does not match/,
    );
    expect(msg('Indikator!1:target_2025')).toContain('di luar periode');
    expect(msg('Indikator!9:nama')).toContain('baris 2');
    expect(msg('Renstra!5:kode')).toContain('baris 2');
    expect(msg('SK!9:jenis')).toContain('penetapan, perubahan');
    for (const p of ps) expect(p.message).toMatch(/ \/ /);
    expect(r.rowCount).toBe(13 + 6 + 11);
  });

  it('a missing required column is one problem at row 1, not one per row', async () => {
    const header = INDIKATOR_HEADER.filter((h) => h !== 'satuan');
    const rows: CellSpec[][] = Array.from({ length: 5 }, (_, i) => [
      `IKU-${i}`,
      'iku',
      'SS-1',
      null,
      `Indikator ${i}`,
      null,
      'naik',
      '1',
      '2',
    ]);
    const r = await parseXlsx({
      SK: SK_SHEET,
      Renstra: RENSTRA_SHEET,
      Indikator: [header, ...rows],
    });
    expect(where(problems(r))).toEqual(['Indikator!1:satuan']);
  });

  it('a missing target column for a year of the period, unknown columns and missing sheets', async () => {
    const header = INDIKATOR_HEADER.filter((h) => h !== 'target_2024').concat(['sumber']);
    const r = await parseXlsx({
      SK: SK_SHEET,
      Indikator: [header, ['IKU-1', 'iku', 'SS-1', null, 'A', null, '%', 'naik', '1', 'x']],
    });
    expect(where(problems(r))).toEqual(['Renstra!0:']);
    const r2 = await parseXlsx({
      SK: SK_SHEET,
      Renstra: RENSTRA_SHEET,
      Indikator: [header, ['IKU-1', 'iku', 'SS-1', null, 'A', null, '%', 'naik', '1', 'x']],
    });
    expect(where(problems(r2))).toEqual(['Indikator!1:sumber', 'Indikator!1:target_2024']);
  });

  it('organisasi: references, enums, ids and duplicates', async () => {
    const r = await parseXlsx({
      Wilayah: [
        ['kode', 'nama', 'edisi_kode'],
        ['18.04', 'Kabupaten Lampung Barat', 'Kepmendagri 2025'],
        ['18-04', 'Salah', 'x'],
      ],
      OPD: [
        ['kode_wilayah', 'kode_opd', 'nama'],
        ['18.04', 'DISKOPERINDAG', 'Dinas'],
        ['18.04', 'diskop', 'huruf kecil'],
      ],
      Unit: [
        ['id_opd', 'kode_unit', 'nama', 'jenis', 'kode_induk'],
        ['18.04-DISKOPERINDAG', 'SEKSI-KP', 'Seksi', 'seksi', 'BID-KUKM'],
        ['18.04-DISKOPERINDAG', 'BID-KUKM', 'Bidang', 'Bidang', null],
        ['18.04-DISKOPERINDAG', 'BID-KUKM', 'Bidang lagi', 'bidang', null],
        ['18.04-DISKOPERINDAG', 'UPT', 'UPT', 'balai', 'NOPE'],
        ['DISKOPERINDAG', 'X', 'X', 'upt', null],
      ],
      Jabatan: [
        ['id_opd', 'kode_jabatan', 'nama_jabatan', 'kode_unit', 'tugas', 'fungsi'],
        ['18.04-DISKOPERINDAG', 'KASI-KP', 'Kepala Seksi', 'SEKSI-KP', 'Tugas', 'a;b'],
        ['18.04-DISKOPERINDAG', 'KASI-KP', 'Ganda', null, null, null],
        ['18.04-DISKOPERINDAG', 'KABID', 'Kepala Bidang', 'BID-X', null, null],
        ['18.71-DISKOPUKM', 'KADIS', 'Kepala Dinas', 'SEKRETARIAT', null, null], // units of this OPD are not in the file: checked later against the database
      ],
    });
    expect(r.kind).toBe('organisasi');
    expect(where(problems(r))).toEqual([
      'Wilayah!3:kode',
      'OPD!3:kode_opd',
      'Unit!4:kode_unit',
      'Unit!5:jenis',
      'Unit!6:id_opd',
      'Jabatan!3:kode_jabatan',
      'Jabatan!4:kode_unit',
    ]);
  });
});
