// Builds the example import files in packages/importer/examples/ from the hand-corrected decree
// fixtures. Run: pnpm exec tsx src/examples.ts [dir]
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

// --- all examples -------------------------------------------------------------------------

export const EXAMPLE_FILES = [
  'organisasi-demo.xlsx',
  'sk-lampung-barat-050-18-2023.xlsx',
  'sk-bandar-lampung-perubahan-121-2021.xlsx',
  'sk-bengkulu-selatan-2024.xlsx',
  'target-lampung-barat.csv',
  'sk-bandar-lampung-ilustrasi-penetapan-2021.xlsx',
] as const;

export async function exampleBuffers(): Promise<Record<(typeof EXAMPLE_FILES)[number], Buffer>> {
  const xlsx = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
  const bandar = await xlsx(bandarLampungWorkbook());
  return {
    'organisasi-demo.xlsx': await xlsx(organisasiWorkbook()),
    'sk-lampung-barat-050-18-2023.xlsx': await xlsx(lampungBaratWorkbook()),
    'sk-bandar-lampung-perubahan-121-2021.xlsx': bandar,
    'sk-bandar-lampung-ilustrasi-penetapan-2021.xlsx': await illustrativeBandarLampungPenetapan(bandar as unknown as ExcelJS.Buffer),
    'sk-bengkulu-selatan-2024.xlsx': await xlsx(bengkuluSelatanWorkbook()),
    'target-lampung-barat.csv': Buffer.from(targetCsv(lampungBarat), 'utf8'),
  };
}

export async function writeExamples(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const buffers = await exampleBuffers();
  const written: string[] = [];
  for (const name of EXAMPLE_FILES) {
    const path = join(dir, name);
    await writeFile(path, buffers[name]);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../examples/', import.meta.url));
  writeExamples(dir).then(
    (files) => console.log(files.join('\n')),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
