// Writes a bulk-targets file of N rows (default 50,000) as CSV and XLSX:
//   pnpm exec tsx bench/generate-targets.ts [rows] [dir]
// Rows cover many OPDs of a big province × indicators × years, with the cell forms seen in
// real decrees ("887,43", "30%", "2 dokumen", "85 | Nilai A", "-").
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const CELLS = (i: number): string => {
  switch (i % 6) {
    case 0:
      return `${(i % 900) + 100},${i % 100}`;
    case 1:
      return `${i % 100}%`;
    case 2:
      return `${(i % 12) + 1} dokumen`;
    case 3:
      return `${1000 + (i % 9000)}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    case 4:
      return `${70 + (i % 30)} | Nilai ${i % 2 === 0 ? 'A' : 'BB'}`;
    default:
      return '-';
  }
};

export function targetRows(n: number): string[][] {
  const rows: string[][] = [];
  const years = [2025, 2026, 2027, 2028, 2029];
  for (let i = 0; i < n; i++) {
    const yearIndex = i % years.length;
    const indicator = Math.floor(i / years.length);
    const opd = Math.floor(indicator / 100);
    const region = 1 + (opd % 20);
    rows.push([
      `35.${String(region).padStart(2, '0')}-OPD${String(opd).padStart(4, '0')}`,
      `050/${opd}/KPTS/2025`,
      `IKI-${indicator % 100}`,
      String(years[yearIndex]),
      CELLS(i),
    ]);
  }
  return rows;
}

export async function generateTargets(
  n: number,
  dir: string,
): Promise<{ csv: string; xlsx: string }> {
  await mkdir(dir, { recursive: true });
  const header = ['id_opd', 'nomor_sk', 'kode_indikator', 'tahun', 'target'];
  const rows = targetRows(n);
  const csvPath = join(dir, `target-bench-${n}.csv`);
  const quote = (c: string) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  await writeFile(csvPath, [header, ...rows].map((r) => r.map(quote).join(';')).join('\n') + '\n');
  const xlsxPath = join(dir, `target-bench-${n}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: xlsxPath,
    useStyles: false,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('Target');
  ws.addRow(header).commit();
  for (const r of rows) ws.addRow([r[0], r[1], r[2], Number(r[3]), r[4]]).commit();
  ws.commit();
  await wb.commit();
  return { csv: csvPath, xlsx: xlsxPath };
}

export const BENCH_DIR = fileURLToPath(new URL('./out/', import.meta.url));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 50000);
  generateTargets(n, process.argv[3] ?? BENCH_DIR).then(
    (p) => console.log(`${p.csv}\n${p.xlsx}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
