// Kata pengantar and latar belakang: plain text with {placeholders}, editable per OPD (or per
// pemda, or for everyone with scope '*'), kept in PostgreSQL with every version (append-only),
// defaults below. The text is copied into the report data, so a report shows the template it
// was built with.
import type { Sql } from '@sakip/db';
import type { ReportTemplates } from './data';

export const TEMPLATE_KEYS = ['kata_pengantar', 'latar_belakang'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const DEFAULT_TEMPLATES: ReportTemplates = {
  kataPengantar: [
    'Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa, karena atas rahmat-Nya Laporan Kinerja Instansi Pemerintah (LKjIP) {opdName} Tahun {year} dapat diselesaikan.',
    'LKjIP ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas pokok dan fungsi serta pencapaian sasaran strategis sebagaimana ditetapkan dalam Rencana Strategis {periodStart}–{periodEnd} dan Perjanjian Kinerja Tahun {year}, sesuai Peraturan Presiden Nomor 29 Tahun 2014 dan Peraturan Menteri PANRB Nomor 53 Tahun 2014.',
    'Pada Tahun {year} terdapat {ikuCount} Indikator Kinerja Utama dengan rata-rata capaian {averageCapaian}. Kami menyadari laporan ini masih memiliki kekurangan; saran dan masukan sangat kami harapkan untuk perbaikan di masa mendatang.',
  ].join('\n'),
  latarBelakang: [
    'Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) mewajibkan setiap instansi pemerintah menyusun laporan kinerja tahunan yang menggambarkan pencapaian kinerja atas sasaran strategis yang telah ditetapkan.',
    '{opdName} merupakan perangkat daerah pada {regionName} yang melaksanakan urusan pemerintahan sesuai tugas dan fungsinya. Laporan Kinerja Tahun {year} ini menyajikan perencanaan kinerja, pengukuran dan analisis capaian {ikuCount} Indikator Kinerja Utama pada {sasaranCount} sasaran strategis, serta realisasi anggaran yang mendukungnya.',
  ].join('\n'),
};

/** Replaces {name} with vars[name]; unknown placeholders are left as written, so a typo shows. */
export function fillTemplate(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export const PLACEHOLDERS = [
  'opdName',
  'year',
  'regionName',
  'provinceName',
  'periodStart',
  'periodEnd',
  'ikuCount',
  'sasaranCount',
  'averageCapaian',
  'headName',
  'headPosition',
  'place',
  'date',
] as const;

/** Latest template per key for a subject: its own, else the region's, else '*', else the default. */
export async function loadTemplates(sql: Sql, scopes: readonly string[]): Promise<ReportTemplates> {
  const rows = await sql<{ scope: string; key: TemplateKey; body: string }[]>`
    select distinct on (scope, key) scope, key, body from report_templates
    where scope = any(${[...scopes, '*']}) order by scope, key, id desc`;
  const pick = (key: TemplateKey): string | undefined => {
    for (const s of [...scopes, '*']) {
      const r = rows.find((x) => x.scope === s && x.key === key);
      if (r) return r.body;
    }
    return undefined;
  };
  return {
    kataPengantar: pick('kata_pengantar') ?? DEFAULT_TEMPLATES.kataPengantar,
    latarBelakang: pick('latar_belakang') ?? DEFAULT_TEMPLATES.latarBelakang,
  };
}

/** Stores a new version of a template (older versions stay). scope: OPD id, region code or '*'. */
export async function saveTemplate(
  sql: Sql,
  input: { scope: string; key: TemplateKey; body: string; actor: string },
): Promise<number> {
  if (!TEMPLATE_KEYS.includes(input.key))
    throw new Error(`Template tidak dikenal / unknown template: ${input.key}`);
  if (input.body.trim() === '') throw new Error('Isi template kosong / empty template');
  const [row] = await sql<{ id: number }[]>`
    insert into report_templates (scope, key, body, actor) values (${input.scope}, ${input.key}, ${input.body}, ${input.actor}) returning id`;
  return row!.id;
}
