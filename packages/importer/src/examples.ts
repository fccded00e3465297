// Builds the example import files in packages/importer/examples/ from the hand-corrected decree
// fixtures. Run: pnpm exec tsx src/examples.ts [dir] [file names… (default: all)]
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { illustrativeBandarLampungPenetapan } from './illustrative';
import { formatIndonesianDate } from '@sakip/domain';
import {
  bandarLampung,
  bengkuluSelatan,
  decreeFixtures,
  lampungBarat,
  regions,
  type DecreeFixture,
  type FixtureIndicator,
  type FixtureTarget,
} from '@sakip/fixtures';
import { formatFormula } from './formula-syntax';
import { INDIKATOR } from './templates';

export const opdIdOfFixture = (f: DecreeFixture): string => `${f.region.regionCode}-${f.opd.code}`;

/** "887.43" → "887,43", "1200.5" → "1.200,5" (Indonesian text, exact: no rounding). */
export function toIndonesianText(value: string): string {
  const neg = value.startsWith('-');
  const [int = '0', frac] = (neg ? value.slice(1) : value).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (neg ? '-' : '') + grouped + (frac === undefined ? '' : `,${frac}`);
}

/** Writes a fixture target the way the template's target cell grammar reads it. */
export function targetCellText(
  t: { value: string | null; unit?: string | null; text?: string | null },
  satuan: string,
): string {
  if (t.value === null) return t.text ? t.text : '-';
  let s = toIndonesianText(t.value);
  if (satuan.trim() === '%') s += '%';
  if (t.unit) s += ` ${t.unit}`;
  if (t.text) s += ` | ${t.text}`;
  return s;
}

const POLARITY_ID = { higher_better: 'naik', lower_better: 'turun', range: 'rentang' } as const;

/**
 * The Bandar Lampung amendment prints no yearly targets (fixture note). A decree import needs a
 * target for every year, so the example carries these ILLUSTRATIVE targets, labelled in the file.
 */
export const BANDAR_LAMPUNG_ILLUSTRATIVE_TARGETS: Record<string, string[]> = {
  'IKU-1': ['60', '62,5', '65', '67,5', '70', '72,5'],
  'IKU-2': ['40%', '42%', '44%', '46%', '48%', '50%'],
  'IKU-3': ['5%', '6%', '7%', '8%', '9%', '10%'],
};

/** Bengkulu Selatan's source has no decree page: these decree fields are ILLUSTRATIVE. */
export const BENGKULU_SELATAN_ILLUSTRATIVE_DECREE = {
  number: 'CONTOH-050/IKU/DISDAG/2024',
  date: '2024-01-02',
  place: 'Manna',
  signer: 'CONTOH Kepala Dinas Perdagangan',
  signerPosition: 'Kepala Dinas Perdagangan Kabupaten Bengkulu Selatan',
};
/** Bandar Lampung prints only "Januari 2021": the day is ILLUSTRATIVE. */
export const BANDAR_LAMPUNG_ILLUSTRATIVE_DATE = '2021-01-04';

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '@sakip/importer examples';
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = new Date(Date.UTC(2025, 0, 1));
  return wb;
}

function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: (string | number | null)[][],
  widths: Record<string, number> = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? undefined : v)));
  header.forEach((h, i) => {
    ws.getColumn(i + 1).width = widths[h] ?? Math.min(60, Math.max(10, h.length + 2));
  });
  return ws;
}

// --- organisasi -------------------------------------------------------------------------

export function organisasiWorkbook(
  fixtures: readonly DecreeFixture[] = decreeFixtures,
): ExcelJS.Workbook {
  const wb = newWorkbook();
  addTable(
    wb,
    'Wilayah',
    ['kode', 'nama', 'edisi_kode'],
    [
      ...regions.provinces.map((p) => [p.code, p.name, regions.codeEdition]),
      ...regions.regions.map((r) => [r.code, r.name, regions.codeEdition]),
    ],
    { nama: 32, edisi_kode: 40 },
  );
  addTable(
    wb,
    'OPD',
    ['kode_wilayah', 'kode_opd', 'nama'],
    fixtures.map((f) => [f.region.regionCode, f.opd.code, f.opd.name]),
    { nama: 50 },
  );
  addTable(
    wb,
    'Unit',
    ['id_opd', 'kode_unit', 'nama', 'jenis', 'kode_induk'],
    fixtures.flatMap((f) =>
      f.units.map((u) => [opdIdOfFixture(f), u.code, u.name, u.kind, u.parentCode ?? null]),
    ),
    { id_opd: 22, kode_unit: 16, nama: 44, kode_induk: 14 },
  );
  const jab = addTable(
    wb,
    'Jabatan',
    ['id_opd', 'kode_jabatan', 'nama_jabatan', 'kode_unit', 'tugas', 'fungsi'],
    fixtures.flatMap((f) =>
      f.positions.map((p) => [
        opdIdOfFixture(f),
        p.code,
        p.title,
        p.unitCode ?? null,
        p.tugas,
        p.fungsi.join('\n'),
      ]),
    ),
    { id_opd: 22, kode_jabatan: 22, nama_jabatan: 50, tugas: 60, fungsi: 80 },
  );
  jab.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  jab.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
  return wb;
}

// --- sk ---------------------------------------------------------------------------------

export interface SkExampleOptions {
  number?: string;
  date?: string;
  place?: string;
  signerName?: string;
  signerPosition?: string;
  /** Per indicator code: target cells, one per year of the period (overrides the fixture). */
  targets?: Record<string, string[]>;
  notes?: string[];
  /** Per indicator code: text for the catatan column. */
  indicatorNotes?: Record<string, string>;
}

export function skWorkbook(f: DecreeFixture, o: SkExampleOptions = {}): ExcelJS.Workbook {
  const wb = newWorkbook();
  const d = f.decree;
  const date = o.date ?? d.date;
  const kv: [string, string | number | null][] = [
    ['id_opd', opdIdOfFixture(f)],
    ['nomor', o.number ?? d.numberReading ?? d.number],
    ['judul', d.title],
    ['tanggal', date === null ? null : formatIndonesianDate(date)],
    ['tempat', o.place ?? d.place],
    ['penandatangan', o.signerName ?? d.signer?.name ?? null],
    ['nip', d.signer?.nip ?? null],
    ['jabatan_penandatangan', o.signerPosition ?? d.signer?.position ?? null],
    ['jenis', d.kind],
    ['periode_awal', d.periodStart],
    ['periode_akhir', d.periodEnd],
    ...d.legalBases.map((b, i): [string, string] => [`dasar_hukum_${i + 1}`, b]),
    ...(o.notes ?? []).map((n): [string, string] => ['catatan', n]),
  ];
  const sk = addTable(wb, 'SK', ['kolom', 'nilai'], kv, { kolom: 24, nilai: 100 });
  sk.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  addTable(
    wb,
    'Renstra',
    ['kode', 'tingkat', 'nama', 'kode_induk'],
    f.sasaran.map((s) => [s.code, s.level, s.name, s.parentCode ?? null]),
    { nama: 80, kode_induk: 12 },
  );

  const years: number[] = [];
  for (let y = d.periodStart; y <= d.periodEnd; y++) years.push(y);
  const header = [...INDIKATOR.map((c) => c.name), ...years.map((y) => `target_${y}`), 'catatan'];
  const rows = f.indicators.map((i: FixtureIndicator) => {
    const cells = years.map((y, k) => {
      const override = o.targets?.[i.code]?.[k];
      if (override !== undefined) return override;
      const t: FixtureTarget | undefined = i.targets.find((x) => x.year === y);
      return t === undefined ? null : targetCellText(t, i.satuan);
    });
    const byColumn: Record<string, string | null> = {
      kode: i.code,
      jenis: i.kind,
      kode_elemen: i.sasaranCode,
      kode_jabatan: i.positionCode ?? null,
      nama: i.name,
      definisi: i.definition ?? null,
      formula_teks: i.formulaText ?? null,
      formula: i.formula ? formatFormula(i.formula) : null,
      satuan: i.satuan,
      polaritas: POLARITY_ID[i.polarity],
      sumber_data: i.sumberData ?? null,
      penanggung_jawab: i.penanggungJawab ?? null,
      periode_data: 'tahunan',
      rollup: null,
      baseline_tahun: null,
      baseline_nilai: null,
      kaskade_ke: null,
    };
    return [
      ...INDIKATOR.map((c) => byColumn[c.name] ?? null),
      ...cells,
      o.indicatorNotes?.[i.code] ?? i.note ?? null,
    ];
  });
  addTable(wb, 'Indikator', header, rows, {
    nama: 60,
    definisi: 50,
    formula_teks: 40,
    formula: 50,
    catatan: 60,
  });
  return wb;
}

export function lampungBaratWorkbook(): ExcelJS.Workbook {
  return skWorkbook(lampungBarat, {
    notes: [
      'Nomor tercetak "050/ 18/KPTS/II1.06/1/2023" (OCR); dibaca 050/18/KPTS/III.06/1/2023. NIP penandatangan tidak terbaca.',
    ],
  });
}

export function bandarLampungWorkbook(): ExcelJS.Workbook {
  const note =
    'TARGET ILUSTRATIF: SK asli tidak mencetak target tahunan; angka ini contoh saja / ILLUSTRATIVE targets, not in the source.';
  return skWorkbook(bandarLampung, {
    date: BANDAR_LAMPUNG_ILLUSTRATIVE_DATE,
    targets: BANDAR_LAMPUNG_ILLUSTRATIVE_TARGETS,
    indicatorNotes: Object.fromEntries(bandarLampung.indicators.map((i) => [i.code, note])),
    notes: [
      'CONTOH: tanggal hari (4 Januari 2021) ilustratif, SK asli hanya mencetak "Januari 2021".',
      'CONTOH: semua target tahunan di sheet Indikator ilustratif; SK perubahan ini tidak mencetak target.',
    ],
  });
}

export function bengkuluSelatanWorkbook(): ExcelJS.Workbook {
  const c = BENGKULU_SELATAN_ILLUSTRATIVE_DECREE;
  return skWorkbook(bengkuluSelatan, {
    number: c.number,
    date: c.date,
    place: c.place,
    signerName: c.signer,
    signerPosition: c.signerPosition,
    notes: [
      'CONTOH: sumber hanya memuat tabel IKU tanpa halaman SK; nomor, tanggal, tempat dan penandatangan ilustratif.',
      "Target '-' = tidak ada target angka pada tahun itu (sesuai sumber).",
    ],
  });
}

// --- target CSV -------------------------------------------------------------------------

const csvCell = (s: string) => (/[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Bulk targets of one decree as a ';'-separated CSV (the separator Indonesian Excel uses). */
export function targetCsv(
  f: DecreeFixture,
  decreeNumber: string = f.decree.numberReading ?? f.decree.number ?? '',
): string {
  const lines = ['id_opd;nomor_sk;kode_indikator;tahun;target'];
  for (const i of f.indicators) {
    for (const t of i.targets) {
      lines.push(
        [opdIdOfFixture(f), decreeNumber, i.code, String(t.year), targetCellText(t, i.satuan)]
          .map(csvCell)
          .join(';'),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

// --- realisasi / narasi / serapan (ILLUSTRATIVE values) ----------------------------------------

/** The seeds print no realizations: every value below is ILLUSTRATIVE, labelled in the files. */
export const ILLUSTRATIVE_LABEL =
  'ILUSTRATIF: angka/teks contoh, bukan data resmi (SK tidak memuat realisasi) / ILLUSTRATIVE, not official data';

const LAMPUNG_BARAT_OPD = opdIdOfFixture(lampungBarat);

function fixtureIndicator(code: string): FixtureIndicator {
  const i = lampungBarat.indicators.find((x) => x.code === code);
  if (!i) throw new Error(`fixture indicator ${code} missing`);
  return i;
}

/** Formula input names of a fixture indicator, in formula order (as in the SK example's `formula`). */
export function formulaInputNames(code: string): string[] {
  const f = fixtureIndicator(code).formula;
  if (!f) return [];
  switch (f.kind) {
    case 'ratio':
      return [f.numerator, f.denominator];
    case 'growth':
      return [f.initial, f.final];
    case 'cv':
      return [f.series];
    default:
      return [f.input];
  }
}

/** `nama=nilai; nama=nilai` with the fixture's input names. */
function inputsText(code: string, values: string[]): string {
  return formulaInputNames(code)
    .map((n, k) => `${n}=${values[k] ?? ''}`)
    .join('; ');
}

const PERIOD_TEXT = { TW1: 'TW1', TW2: 'TW2', TW3: 'TW3', TW4: 'TW4', YEAR: 'TAHUN' } as const;
const PERIOD_DOC = {
  TW1: 'Triwulan I',
  TW2: 'Triwulan II',
  TW3: 'Triwulan III',
  TW4: 'Triwulan IV',
  YEAR: 'Tahun',
} as const;

/** [indicator, period, nilai, input values] of the ILLUSTRATIVE 2024 realizations. */
export const LAMPUNG_BARAT_REALIZATIONS_2024: [
  string,
  keyof typeof PERIOD_TEXT,
  string | null,
  string[] | null,
][] = [
  ['IKU-1', 'TW1', null, ['20', '75']],
  ['IKU-1', 'TW2', null, ['22', '75']],
  ['IKU-1', 'TW3', null, ['24', '76']],
  ['IKU-1', 'TW4', null, ['25', '76']],
  ['IKU-1', 'YEAR', '32,89%', ['25', '76']],
  ['IKU-2', 'YEAR', null, ['4.120', '4.987']],
  ['IKU-3', 'TW1', '1,5%', null],
  ['IKU-3', 'TW2', '3%', null],
  ['IKU-3', 'TW3', '4,5%', null],
  ['IKU-3', 'TW4', '6,2%', null],
  ['IKU-3', 'YEAR', '6,2%', ['31', '500']],
  ['IKU-4', 'YEAR', '912,64', null],
  ['IKU-5', 'YEAR', null, ['361,08']],
];

export function realisasiWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  addTable(
    wb,
    'Realisasi',
    [
      'id_opd',
      'kode_indikator',
      'tahun',
      'periode',
      'nilai',
      'input',
      'dokumen',
      'sumber_data',
      'catatan',
    ],
    LAMPUNG_BARAT_REALIZATIONS_2024.map(([code, period, nilai, inputs]) => {
      const i = fixtureIndicator(code);
      const bps = i.formula?.kind === 'value';
      return [
        LAMPUNG_BARAT_OPD,
        code,
        2024,
        PERIOD_TEXT[period],
        nilai,
        inputs === null ? null : inputsText(code, inputs),
        bps
          ? 'CONTOH PDRB Kabupaten Lampung Barat menurut Lapangan Usaha 2024 (BPS)'
          : `CONTOH Laporan Capaian Kinerja ${PERIOD_DOC[period]} 2024 Diskoperindag Lampung Barat`,
        i.sumberData ?? 'Bidang Koperasi UKM',
        ILLUSTRATIVE_LABEL,
      ];
    }),
    { id_opd: 22, input: 70, dokumen: 70, sumber_data: 22, catatan: 60 },
  );
  addTable(
    wb,
    'Pembanding',
    ['cakupan', 'kode_wilayah', 'kunci_indikator', 'tahun', 'nilai', 'sumber', 'catatan'],
    [
      [
        'provinsi',
        '18',
        'IKU-4',
        2024,
        '68.512,30',
        'CONTOH BPS Provinsi Lampung',
        ILLUSTRATIVE_LABEL,
      ],
      ['nasional', null, 'IKU-4', 2024, '2.931.456,80', 'CONTOH BPS RI', ILLUSTRATIVE_LABEL],
      [
        'provinsi',
        '18',
        'IKU-5',
        2024,
        '81.207,15',
        'CONTOH BPS Provinsi Lampung',
        ILLUSTRATIVE_LABEL,
      ],
      ['nasional', null, 'IKU-5', 2024, '4.215.380,40', 'CONTOH BPS RI', ILLUSTRATIVE_LABEL],
    ],
    { sumber: 32, catatan: 60 },
  );
  return wb;
}

/** ILLUSTRATIVE analysis per sasaran of the Lampung Barat SK (SS-1..SS-3). */
export const LAMPUNG_BARAT_NARRATIVES_2024: Record<string, [string, string, string]> = {
  'SS-1': [
    'Pendampingan rutin oleh pengawas koperasi dan pelatihan manajemen bagi pengurus koperasi serta pelaku UMKM.',
    'Sebagian koperasi belum menyelenggarakan Rapat Anggota Tahunan tepat waktu; akses UMKM ke sertifikasi produk masih terbatas.',
    'Jadwal pendampingan RAT dipercepat ke Triwulan I dan fasilitasi sertifikasi halal/PIRT gratis bekerja sama dengan instansi vertikal.',
  ],
  'SS-2': [
    'Harga kebutuhan pokok relatif stabil berkat operasi pasar dan revitalisasi Pasar Liwa.',
    'Gangguan distribusi pada musim hujan di jalur lintas barat meningkatkan biaya angkut.',
    'Memperkuat pemantauan harga mingguan dan koordinasi distribusi dengan Tim Pengendalian Inflasi Daerah.',
  ],
  'SS-3': [
    'Bertambahnya IKM pengolahan kopi robusta dan meningkatnya permintaan produk olahan.',
    'Keterbatasan peralatan produksi dan kemasan yang belum memenuhi standar pasar modern.',
    'Bantuan peralatan melalui sub kegiatan pembinaan IKM dan pelatihan desain kemasan.',
  ],
};

export function narasiWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = addTable(
    wb,
    'Narasi',
    [
      'id_opd',
      'kode_sasaran',
      'tahun',
      'faktor_pendukung',
      'faktor_penghambat',
      'solusi',
      'catatan',
    ],
    lampungBarat.sasaran
      .filter((s) => s.level === 'sasaran')
      .map((s) => {
        const [pendukung, penghambat, solusi] = LAMPUNG_BARAT_NARRATIVES_2024[s.code] ?? [
          '',
          '',
          '',
        ];
        return [LAMPUNG_BARAT_OPD, s.code, 2024, pendukung, penghambat, solusi, ILLUSTRATIVE_LABEL];
      }),
    { id_opd: 22, faktor_pendukung: 60, faktor_penghambat: 60, solusi: 60, catatan: 60 },
  );
  for (const c of [4, 5, 6]) ws.getColumn(c).alignment = { wrapText: true, vertical: 'top' };
  return wb;
}

/**
 * ILLUSTRATIVE spending per quarter for four program-level elements of the Lampung Barat
 * Renstra (the SK has no kegiatan level, so the lines are per program).
 */
export const LAMPUNG_BARAT_SPENDING_2024: Record<string, string[]> = {
  'SAS-4': ['310.250.000', '402.775.500', '385.100.000', '512.430.250,50'],
  'SAS-35': ['45.000.000', '88.500.000', '120.250.000', '96.000.000'],
  'SAS-49': ['75.300.000', '150.000.000', '1.250.000.000,50', '210.800.000'],
  'SAS-65': ['32.500.000', '64.250.000', '98.000.000', '140.125.000'],
};

export function serapanWorkbook(): ExcelJS.Workbook {
  const wb = newWorkbook();
  const quarters = ['TW1', 'TW2', 'TW3', 'TW4'];
  addTable(
    wb,
    'Serapan',
    [
      'id_opd',
      'tahun',
      'periode',
      'kode_program',
      'kode_kegiatan',
      'kode_sub_kegiatan',
      'realisasi',
      'catatan',
    ],
    quarters.flatMap((q, k) =>
      Object.entries(LAMPUNG_BARAT_SPENDING_2024).map(([program, amounts]) => [
        LAMPUNG_BARAT_OPD,
        2024,
        q,
        program,
        null,
        null,
        amounts[k] ?? null,
        ILLUSTRATIVE_LABEL,
      ]),
    ),
    { id_opd: 22, realisasi: 20, catatan: 60 },
  );
  return wb;
}

// --- all examples -------------------------------------------------------------------------

export const EXAMPLE_FILES = [
  'organisasi-demo.xlsx',
  'sk-lampung-barat-050-18-2023.xlsx',
  'sk-bandar-lampung-perubahan-121-2021.xlsx',
  'sk-bengkulu-selatan-2024.xlsx',
  'target-lampung-barat.csv',
  'sk-bandar-lampung-ilustrasi-penetapan-2021.xlsx',
  'realisasi-lampung-barat-2024.xlsx',
  'narasi-lampung-barat-2024.xlsx',
  'serapan-lampung-barat-2024.xlsx',
] as const;

export async function exampleBuffers(): Promise<Record<(typeof EXAMPLE_FILES)[number], Buffer>> {
  const xlsx = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
  const bandar = await xlsx(bandarLampungWorkbook());
  return {
    'organisasi-demo.xlsx': await xlsx(organisasiWorkbook()),
    'sk-lampung-barat-050-18-2023.xlsx': await xlsx(lampungBaratWorkbook()),
    'sk-bandar-lampung-perubahan-121-2021.xlsx': bandar,
    'sk-bandar-lampung-ilustrasi-penetapan-2021.xlsx': await illustrativeBandarLampungPenetapan(
      bandar as unknown as ExcelJS.Buffer,
    ),
    'sk-bengkulu-selatan-2024.xlsx': await xlsx(bengkuluSelatanWorkbook()),
    'target-lampung-barat.csv': Buffer.from(targetCsv(lampungBarat), 'utf8'),
    'realisasi-lampung-barat-2024.xlsx': await xlsx(realisasiWorkbook()),
    'narasi-lampung-barat-2024.xlsx': await xlsx(narasiWorkbook()),
    'serapan-lampung-barat-2024.xlsx': await xlsx(serapanWorkbook()),
  };
}

/** Writes the example files (all, or only those named in `only`). */
export async function writeExamples(dir: string, only: readonly string[] = []): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const buffers = await exampleBuffers();
  const written: string[] = [];
  for (const name of EXAMPLE_FILES) {
    if (only.length > 0 && !only.includes(name)) continue;
    const path = join(dir, name);
    await writeFile(path, buffers[name]);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../examples/', import.meta.url));
  writeExamples(dir, process.argv.slice(3)).then(
    (files) => console.log(files.join('\n')),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
