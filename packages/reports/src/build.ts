// buildLkjip: plain data → document model, following the customary LKjIP structure of
// PermenPAN-RB 53/2014 (kata pengantar, ikhtisar eksekutif, Bab I–IV, lampiran). Conclusions
// are generated from the numbers; kata pengantar and latar belakang come from templates.
import { Dec, tryDecimal } from '@sakip/domain';
import type { LkjipData, ReportIndicator, ReportNarrative } from './data';
import { DASH, date, num, pct, POLARITY_LABELS, rupiah, STAGE_LABELS } from './format';
import type { Block, ChartSpec, Column, LkjipDocument } from './model';
import { fillTemplate } from './templates';
import { STATUS_LABELS, UNVERIFIED_MARK } from './verified';

const PERIOD_LABEL: Record<string, string> = {
  TW1: 'TW I',
  TW2: 'TW II',
  TW3: 'TW III',
  TW4: 'TW IV',
  YEAR: 'Tahun',
};

class Builder {
  blocks: Block[] = [];
  private tables = 0;
  private charts = 0;
  private headingIds = new Map<string, number>();

  heading(level: 1 | 2 | 3, text: string, toc = true) {
    const base =
      text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'bagian';
    const n = (this.headingIds.get(base) ?? 0) + 1;
    this.headingIds.set(base, n);
    this.blocks.push({ type: 'heading', level, text, id: n === 1 ? base : `${base}-${n}`, toc });
  }
  p(text: string, opts: Omit<Extract<Block, { type: 'paragraph' }>, 'type' | 'text'> = {}) {
    for (const line of text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean))
      this.blocks.push({ type: 'paragraph', text: line, align: 'justify', ...opts });
  }
  list(items: string[], ordered = false) {
    if (items.length) this.blocks.push({ type: 'list', ordered, items });
  }
  table(
    caption: string,
    columns: Column[],
    rows: string[][],
    extra: { boldRows?: number[]; note?: string } = {},
  ) {
    this.tables += 1;
    this.blocks.push({
      type: 'table',
      id: `tabel-${this.tables}`,
      caption: `Tabel ${this.tables}. ${caption}`,
      columns,
      rows: rows.length ? rows : [columns.map((_, i) => (i === 0 ? 'Belum ada data' : ''))],
      ...extra,
    });
  }
  chart(caption: string, chart: ChartSpec) {
    this.charts += 1;
    this.blocks.push({
      type: 'chart',
      id: `grafik-${this.charts}`,
      caption: `Grafik ${this.charts}. ${caption}`,
      chart,
    });
  }
  pageBreak() {
    this.blocks.push({ type: 'pageBreak' });
  }
  take(): Block[] {
    const out = this.blocks;
    this.blocks = [];
    return out;
  }
}

const c = (header: string, width: number, align: Column['align'] = 'left'): Column => ({
  header,
  width,
  align,
});

function meanOf(values: string[]): string | null {
  const decs = values.map((v) => tryDecimal(v)).filter((d): d is Dec => d !== null);
  if (!decs.length) return null;
  return decs
    .reduce((a, b) => a.plus(b), new Dec(0))
    .div(decs.length)
    .toString();
}

function sumOf(values: (string | null)[]): string | null {
  const decs = values
    .map((v) => (v === null ? null : tryDecimal(v)))
    .filter((d): d is Dec => d !== null);
  return decs.length ? decs.reduce((a, b) => a.plus(b), new Dec(0)).toString() : null;
}

const targetText = (i: ReportIndicator) =>
  i.target.value !== null ? num(i.target.value) : (i.target.text ?? DASH);
const capaianText = (i: ReportIndicator) =>
  i.capaian.display !== null ? pct(i.capaian.display) : 'Tidak dapat dihitung';
const sourceText = (s: 'pk' | 'renstra' | null) =>
  s === 'pk' ? 'PK' : s === 'renstra' ? 'Renstra' : DASH;
const nameWithOpd = (i: ReportIndicator) => (i.opdName ? `${i.name} (${i.opdName})` : i.name);
const MARK = `[${UNVERIFIED_MARK}]`;
const unverifiedNow = (i: ReportIndicator) => i.unverified.length > 0;
/** The indicator's name, marked when a value printed for it is not verified yet. */
const marked = (i: ReportIndicator, name = nameWithOpd(i)) =>
  unverifiedNow(i) ? `${name} ${MARK}` : name;
const MARK_NOTE = `${MARK}: realisasi belum diverifikasi, dicetak sebagai draf; rinciannya di lampiran "Nilai yang Belum Diverifikasi".`;
const markNote = (rows: ReportIndicator[]) => (rows.some(unverifiedNow) ? { note: MARK_NOTE } : {});

/** Predikat counts in scale order, e.g. "3 Sangat Tinggi, 1 Tinggi". */
function predikatSummary(ikus: ReportIndicator[]): string {
  const order = ['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah'];
  const counts = new Map<string, number>();
  for (const i of ikus)
    if (i.capaian.predikat)
      counts.set(i.capaian.predikat, (counts.get(i.capaian.predikat) ?? 0) + 1);
  const labels = [...counts.keys()].sort(
    (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  return (
    labels.map((l) => `${counts.get(l)} indikator ${l}`).join(', ') ||
    'belum ada capaian yang dapat dihitung'
  );
}

const LOW = new Set(['Sedang', 'Rendah', 'Sangat Rendah']);

export function buildLkjip(data: LkjipData): LkjipDocument {
  const b = new Builder();
  const pemda = data.kind === 'pemda';
  const year = data.year;
  const ikus = data.indicators.filter((i) => i.kind === 'iku');
  const sasaran = data.elements.filter((e) => e.level === 'sasaran');
  const computable = ikus.filter((i) => i.capaian.value !== null);
  const avg = meanOf(computable.map((i) => i.capaian.value!));
  const totalPagu = sumOf(data.programs.map((p) => p.pagu));
  const totalSpent = sumOf(data.programs.map((p) => p.spent));
  const totalSerapan =
    totalPagu && totalSpent && !new Dec(totalPagu).isZero()
      ? new Dec(totalSpent).times(100).div(totalPagu).toString()
      : null;
  const dataDate = date(data.dataDate);
  const fin = data.finalisation;
  // Date, place and signer are the finaliser's choice; a report not finalised says so.
  const NOT_FINAL = '(belum difinalisasi)';
  const place = fin?.place ?? data.place ?? data.region.name;
  const signedOn = fin ? date(fin.date) : NOT_FINAL;
  const signer = fin?.signer ?? data.head;
  const unverified = ikus.flatMap((i) => [
    ...i.unverified.map((u) => ({ i, year, period: u.period, value: u.value, status: u.status })),
  ]);
  const unverifiedHistory = ikus.flatMap((i) =>
    i.history.flatMap((h) =>
      h.unverified.map((u) => ({
        i,
        year: h.year,
        period: u.period,
        value: u.value,
        status: u.status,
      })),
    ),
  );
  const draft = unverified.length > 0 || unverifiedHistory.length > 0 || !fin;
  const period = data.period;
  const vars: Record<string, string | number> = {
    opdName: data.subjectName,
    year,
    regionName: data.region.name,
    provinceName: data.province?.name ?? '',
    periodStart: period?.start ?? DASH,
    periodEnd: period?.end ?? DASH,
    ikuCount: ikus.length,
    sasaranCount: pemda ? new Set(ikus.map((i) => i.opdName)).size : sasaran.length,
    averageCapaian: avg ? `${pct(avg)}%` : 'belum dapat dihitung',
    headName: signer?.name ?? '',
    headPosition: signer?.position ?? '',
    place,
    date: signedOn,
  };
  const iku5 = (i: ReportIndicator): string[] => [
    marked(i),
    i.satuan,
    targetText(i),
    num(i.yearBasis),
    capaianText(i),
    i.capaian.predikat ?? DASH,
  ];
  const ikuColumns = [
    c('No', 4, 'center'),
    c('Indikator Kinerja Utama', 34),
    c('Satuan', 10, 'center'),
    c('Target', 10, 'right'),
    c('Realisasi', 10, 'right'),
    c('Capaian (%)', 10, 'right'),
    c('Predikat', 12, 'center'),
  ];
  const problems = ikus.filter(
    (i) => i.capaian.value === null || LOW.has(i.capaian.predikat ?? ''),
  );
  const narratives = Object.entries(data.narratives);
  const hambatan = narratives.map(([, n]) => n.faktorPenghambat).filter(Boolean);

  // ---- cover
  const cover: Block[] = [
    {
      type: 'paragraph',
      text: 'LAPORAN KINERJA INSTANSI PEMERINTAH',
      align: 'center',
      bold: true,
      size: 'title',
    },
    { type: 'paragraph', text: '(LKjIP)', align: 'center', bold: true, size: 'large' },
    { type: 'paragraph', text: `TAHUN ${year}`, align: 'center', bold: true, size: 'title' },
    {
      type: 'paragraph',
      text: data.subjectName.toUpperCase(),
      align: 'center',
      bold: true,
      size: 'large',
    },
    {
      type: 'paragraph',
      text: pemda ? (data.province?.name ?? '').toUpperCase() : data.region.name.toUpperCase(),
      align: 'center',
      size: 'large',
    },
    {
      type: 'paragraph',
      text: `Data per ${dataDate} (posisi feed ${data.feedPosition})`,
      align: 'center',
      italic: true,
      size: 'small',
    },
  ];
  if (draft) {
    cover.unshift({ type: 'paragraph', text: 'DRAF', align: 'center', bold: true, size: 'title' });
    const why = [
      ...(unverified.length + unverifiedHistory.length
        ? [
            `Memuat ${unverified.length + unverifiedHistory.length} nilai realisasi yang belum diverifikasi (ditandai ${MARK}; daftar di lampiran).`,
          ]
        : []),
      ...(fin
        ? []
        : [
            'Belum difinalisasi: tanggal, tempat dan penandatangan ditetapkan saat laporan difinalisasi.',
          ]),
    ];
    for (const text of why)
      cover.push({ type: 'paragraph', text, align: 'center', bold: true, size: 'small' });
  }

  // ---- front matter
  b.heading(1, 'Kata Pengantar');
  b.p(fillTemplate(data.templates.kataPengantar, vars));
  b.blocks.push({
    type: 'signature',
    place,
    date: signedOn,
    position: signer?.position ?? `Kepala ${data.subjectName}`,
    name: signer?.name ?? '',
    nip: signer?.nip ?? null,
  });
  b.pageBreak();

  b.heading(1, 'Ikhtisar Eksekutif');
  b.p(
    `Laporan Kinerja ${data.subjectName} Tahun ${year} mengukur ${ikus.length} Indikator Kinerja Utama (IKU)${pemda ? '' : ` pada ${sasaran.length} sasaran strategis`}. ` +
      (computable.length
        ? `Sebanyak ${computable.length} IKU dapat diukur dengan rata-rata capaian ${pct(avg)}%: ${predikatSummary(ikus)}.`
        : 'Belum ada IKU yang capaiannya dapat dihitung.'),
  );
  if (unverified.length)
    b.p(
      `${unverified.length} nilai realisasi tahun ${year} belum diverifikasi dan ditandai ${MARK}; angka yang sudah diverifikasi dipakai bila ada.`,
      { italic: true },
    );
  b.table(
    `Capaian Indikator Kinerja Utama Tahun ${year}`,
    ikuColumns,
    ikus.map((i, k) => [String(k + 1), ...iku5(i)]),
    markNote(ikus),
  );
  b.p(
    totalPagu
      ? `Pagu anggaran ${year} sebesar ${rupiah(totalPagu)} dengan realisasi ${rupiah(totalSpent)} (serapan ${totalSerapan ? `${pct(totalSerapan)}%` : DASH}).`
      : `Pagu anggaran ${year} belum dicatat.`,
  );
  if (problems.length || hambatan.length) {
    b.p('Permasalahan utama:', { bold: true });
    b.list([
      ...problems.map((i) =>
        i.capaian.value === null
          ? `${nameWithOpd(i)}: capaian tidak dapat dihitung (${i.capaian.reason ?? 'data belum lengkap'}).`
          : `${nameWithOpd(i)}: capaian ${pct(i.capaian.display)}% (${i.capaian.predikat}).`,
      ),
      ...hambatan,
    ]);
  }
  b.pageBreak();
  b.blocks.push({ type: 'toc', title: 'Daftar Isi' });
  b.blocks.push({ type: 'captionList', kind: 'table', title: 'Daftar Tabel' });
  b.blocks.push({ type: 'captionList', kind: 'chart', title: 'Daftar Grafik' });
  const front = b.take();

  // ---- Bab I
  b.heading(1, 'BAB I PENDAHULUAN');
  b.heading(2, '1.1 Latar Belakang');
  b.p(fillTemplate(data.templates.latarBelakang, vars));
  b.heading(2, '1.2 Tugas dan Fungsi');
  if (pemda)
    b.p(
      `Laporan ini menghimpun kinerja ${data.members?.length ?? 0} perangkat daerah pada ${data.subjectName}.`,
    );
  else {
    b.p(data.tugas ? `Tugas: ${data.tugas}` : 'Tugas pokok belum dicatat dalam sistem.');
    if (data.fungsi.length) {
      b.p('Dalam melaksanakan tugas tersebut, menyelenggarakan fungsi:');
      b.list(data.fungsi, true);
    }
  }
  b.heading(2, pemda ? '1.3 Perangkat Daerah' : '1.3 Struktur Organisasi');
  if (pemda)
    b.table(
      'Perangkat daerah yang dilaporkan',
      [c('No', 5, 'center'), c('Kode', 25), c('Nama perangkat daerah', 70)],
      (data.members ?? []).map((m, k) => [String(k + 1), m.opdId, m.name]),
    );
  else {
    const unitName = new Map(data.units.map((u) => [u.code, u.name]));
    b.table(
      'Struktur organisasi',
      [c('No', 5, 'center'), c('Unit kerja', 55), c('Jenis', 15), c('Di bawah', 25)],
      data.units.map((u, k) => [
        String(k + 1),
        u.name,
        u.kind,
        u.parentCode ? (unitName.get(u.parentCode) ?? u.parentCode) : DASH,
      ]),
    );
  }
  b.heading(2, '1.4 Peran Strategis');
  const tujuan = data.elements.filter((e) => e.level === 'tujuan');
  b.p(
    `${data.subjectName} berperan mewujudkan ${tujuan.length ? 'tujuan Renstra berikut' : 'sasaran pembangunan daerah'}:`,
  );
  b.list(tujuan.map((t) => t.name));
  b.heading(2, '1.5 Isu Strategis');
  const isu = [
    ...problems.map(
      (i) =>
        `Capaian ${nameWithOpd(i)} ${i.capaian.value === null ? 'belum dapat diukur' : `baru ${pct(i.capaian.display)}%`}.`,
    ),
    ...ikus.flatMap((i) => i.warnings.map((w) => `${i.name}: ${w}`)),
    ...(data.pk?.conflicts ?? []),
  ];
  if (isu.length) b.list(isu);
  else b.p('Tidak ada isu kinerja yang menonjol dari data pengukuran tahun ini.');
  b.heading(2, '1.6 Dasar Hukum dan Keputusan yang Berlaku');
  b.list([
    'Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah',
    'Peraturan Menteri PANRB Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah',
  ]);
  b.table(
    'Keputusan (SK) IKU/Renstra yang berlaku',
    [c('No', 5, 'center'), c('Nomor', 30), c('Perihal', 45), c('Tanggal', 20)],
    data.decrees.map((d, k) => [String(k + 1), d.number, d.title, date(d.date)]),
  );
  b.pageBreak();

  // ---- Bab II
  b.heading(1, 'BAB II PERENCANAAN KINERJA');
  b.heading(2, '2.1 Rencana Strategis');
  b.p(
    period
      ? `Rencana Strategis periode ${period.start}–${period.end} memuat tujuan, sasaran strategis dan program berikut.`
      : 'Belum ada Renstra yang ditetapkan untuk tahun ini.',
  );
  const levelLabel: Record<string, string> = {
    tujuan: 'Tujuan',
    sasaran: 'Sasaran',
    program: 'Program',
    kegiatan: 'Kegiatan',
    sub_kegiatan: 'Sub Kegiatan',
  };
  const renstraRows = data.elements.filter((e) =>
    ['tujuan', 'sasaran', 'program'].includes(e.level),
  );
  b.table(
    'Tujuan, sasaran strategis dan program',
    [c('Kode', 15), c('Tingkat', 13), c('Uraian', 72)],
    renstraRows.map((e) => [
      e.code,
      levelLabel[e.level] ?? e.level,
      e.opdName ? `${e.name} (${e.opdName})` : e.name,
    ]),
    {
      boldRows: renstraRows.flatMap((e, k) => (e.level === 'tujuan' ? [k] : [])),
    },
  );
  const years = period
    ? Array.from({ length: period.end - period.start + 1 }, (_, k) => period.start + k)
    : [year];
  b.table(
    'Indikator Kinerja Utama dan target Renstra',
    [
      c('No', 4, 'center'),
      c('Indikator', 30),
      c('Satuan', 9, 'center'),
      c('Kondisi awal', 10, 'right'),
      ...years.map((y) => c(String(y), 47 / years.length, 'right')),
    ],
    ikus.map((i, k) => [
      String(k + 1),
      nameWithOpd(i),
      i.satuan,
      i.baseline ? `${num(i.baseline.value)} (${i.baseline.year})` : DASH,
      ...years.map((y) => {
        const t = i.renstraTargets.find((x) => x.year === y);
        return t ? (t.value !== null ? num(t.value) : (t.text ?? DASH)) : DASH;
      }),
    ]),
  );
  b.heading(2, '2.2 Definisi Indikator Kinerja Utama');
  b.table(
    'Definisi operasional, formula dan sumber data IKU',
    [c('Indikator', 25), c('Definisi / formula', 45), c('Sumber data', 18), c('Polaritas', 12)],
    ikus.map((i) => [
      nameWithOpd(i),
      [i.definition, i.formulaText].filter(Boolean).join(' — ') || DASH,
      i.sumberData ?? DASH,
      POLARITY_LABELS[i.polarity] ?? i.polarity,
    ]),
  );
  b.heading(2, `2.3 Perjanjian Kinerja Tahun ${year}`);
  const pk = data.pk;
  if (!pk || pk.revisions.length === 0)
    b.p(
      `Perjanjian Kinerja Tahun ${year} belum dicatat; target yang dipakai adalah target Renstra.`,
    );
  else {
    if (pk.firstParty && pk.secondParty)
      b.p(
        `Perjanjian Kinerja ditandatangani oleh ${pk.firstParty.name} (${pk.firstParty.position}) sebagai pihak pertama dan ${pk.secondParty.name} (${pk.secondParty.position}) sebagai pihak kedua pada ${date(pk.revisions[0]!.date)}.`,
      );
    const revs = pk.revisions;
    for (const r of revs.slice(1))
      b.p(`PK Perubahan ${r.revision} tanggal ${date(r.date)}: ${r.reason ?? ''}`);
    const codes = [...new Set(revs.flatMap((r) => r.targets.map((t) => t.indicatorCode)))];
    const byCode = new Map(data.indicators.map((i) => [i.code, i]));
    b.table(
      'Target Perjanjian Kinerja dan perubahannya',
      [
        c('Indikator', 40),
        c('Satuan', 10, 'center'),
        ...revs.map((r) =>
          c(
            r.revision === 0 ? 'PK awal' : `Perubahan ${r.revision}`,
            40 / (revs.length + 1),
            'right',
          ),
        ),
        c('Renstra', 40 / (revs.length + 1), 'right'),
      ],
      codes.map((code) => {
        const ind = byCode.get(code);
        const rt = ind?.renstraTargets.find((t) => t.year === year);
        return [
          ind?.name ?? code,
          ind?.satuan ?? DASH,
          ...revs.map((r) => {
            const t = r.targets.find((x) => x.indicatorCode === code);
            return t ? (t.value !== null ? num(t.value) : (t.text ?? DASH)) : DASH;
          }),
          rt ? (rt.value !== null ? num(rt.value) : (rt.text ?? DASH)) : DASH,
        ];
      }),
      pk.conflicts.length ? { note: `Berbeda dari Renstra: ${pk.conflicts.join('; ')}` } : {},
    );
  }
  b.heading(2, '2.4 Kerangka Anggaran per Program');
  const stages = data.budgetStages;
  const stageLabel = (s: (typeof stages)[number]) =>
    `${STAGE_LABELS[s.stage] ?? s.stage}${s.sequence ? ` ${s.sequence}` : ''}`;
  if (!stages.length) b.p('Tahapan anggaran belum dicatat.');
  else {
    const programCodes = [...new Set(stages.flatMap((s) => Object.keys(s.byProgram)))];
    const progName = new Map(data.programs.map((p) => [p.code, p.name]));
    const rows = programCodes.map((code) => [
      progName.get(code) ?? code,
      ...stages.map((s) => rupiah(s.byProgram[code] ?? null)),
    ]);
    rows.push(['Jumlah', ...stages.map((s) => rupiah(s.total))]);
    b.table(
      'Pagu anggaran per program menurut tahapan',
      [c('Program', 30), ...stages.map((s) => c(stageLabel(s), 70 / stages.length, 'right'))],
      rows,
      {
        boldRows: [rows.length - 1],
        note: `Dokumen: ${stages.map((s) => `${stageLabel(s)} — ${s.documentRef}`).join('; ')}`,
      },
    );
  }
  b.pageBreak();

  // ---- Bab III
  b.heading(1, 'BAB III AKUNTABILITAS KINERJA');
  b.heading(2, '3.1 Capaian Kinerja Organisasi');
  b.p(
    `Capaian dihitung dari target yang berlaku (PK bila ada, jika tidak Renstra) dan realisasi tahunan. Indikator dengan polaritas "semakin rendah semakin baik" memakai metode ${data.settings.lowerIsBetterMethod === 'inverse_ratio' ? 'T/R × 100' : '(2T − R)/T × 100'}; capaian yang tidak dapat dihitung tidak dianggap 0.`,
  );
  b.table(
    `Pengukuran kinerja Tahun ${year}`,
    [
      c('No', 4, 'center'),
      c('Indikator', 32),
      c('Satuan', 9, 'center'),
      c('Target', 10, 'right'),
      c('Sumber target', 14, 'center'),
      c('Realisasi', 10, 'right'),
      c('Capaian (%)', 10, 'right'),
      c('Predikat', 11, 'center'),
    ],
    ikus.map((i, k) => [
      String(k + 1),
      marked(i),
      i.satuan,
      targetText(i),
      i.target.sourceLabel ?? sourceText(i.target.source),
      num(i.yearBasis),
      capaianText(i),
      i.capaian.predikat ?? DASH,
    ]),
    markNote(ikus),
  );
  if (ikus.length) {
    b.chart(`Capaian IKU Tahun ${year}`, {
      kind: 'bar',
      unit: 'Capaian (%)',
      categories: ikus.map((i) => i.code),
      series: [
        {
          name: 'Capaian',
          values: ikus.map((i) =>
            i.capaian.value !== null ? Number(Number(i.capaian.value).toFixed(2)) : null,
          ),
          color: '#1f6f8b',
        },
      ],
      reference: { value: 100, label: '100%' },
    });
  }

  b.heading(2, '3.2 Analisis Capaian per Sasaran Strategis');
  const groups: { key: string; title: string; indicators: ReportIndicator[] }[] = pemda
    ? (data.members ?? []).map((m) => ({
        key: m.opdId,
        title: m.name,
        indicators: ikus.filter((i) => i.opdId === m.opdId),
      }))
    : sasaran.map((s) => ({
        key: s.code,
        title: `Sasaran ${s.code}: ${s.name}`,
        indicators: ikus.filter((i) => i.elementCode === s.code),
      }));
  const orphan = pemda ? [] : ikus.filter((i) => !sasaran.some((s) => s.code === i.elementCode));
  if (orphan.length) groups.push({ key: '', title: 'Indikator lain', indicators: orphan });
  for (const g of groups) {
    if (!g.indicators.length) continue;
    b.heading(3, g.title);
    b.table(
      `Capaian ${g.title}`,
      [
        c('Indikator', 40),
        c('Satuan', 10, 'center'),
        c('Target', 12, 'right'),
        c('Realisasi', 12, 'right'),
        c('Capaian (%)', 12, 'right'),
        c('Predikat', 14, 'center'),
      ],
      g.indicators.map((i) => iku5(i)),
      markNote(g.indicators),
    );
    for (const i of g.indicators) {
      const verdict =
        i.capaian.value === null
          ? `capaiannya tidak dapat dihitung (${i.capaian.reason ?? 'data belum lengkap'})`
          : `capaiannya ${pct(i.capaian.display)}% dengan predikat ${i.capaian.predikat}`;
      b.p(
        `Indikator ${i.name}: target ${targetText(i)} ${i.satuan}${i.target.sourceLabel ? ` (${i.target.sourceLabel})` : ''}, realisasi ${num(i.yearBasis)} ${i.satuan}${unverifiedNow(i) ? ` ${MARK}` : ''}; ${verdict}.`,
      );
    }
    // earlier years
    const histYears = [
      ...new Set(g.indicators.flatMap((i) => i.history.map((h) => h.year))),
    ].sort();
    if (histYears.length) {
      b.table(
        'Perbandingan realisasi dengan tahun sebelumnya',
        [
          c('Indikator', 34),
          ...[...histYears, year].map((y) => c(String(y), 66 / (histYears.length + 1), 'right')),
        ],
        g.indicators.map((i) => [
          i.name,
          ...histYears.map((y) => {
            const h = i.history.find((x) => x.year === y);
            return h
              ? `${num(h.realization)}${h.capaian ? ` (${pct(h.capaian)}%)` : ''}${h.verified ? '' : ` ${MARK}`}`
              : DASH;
          }),
          `${num(i.yearBasis)}${i.capaian.display ? ` (${pct(i.capaian.display)}%)` : ''}${unverifiedNow(i) ? ` ${MARK}` : ''}`,
        ]),
        {
          note: `Angka dalam kurung: capaian tahun tersebut.${g.indicators.some((i) => unverifiedNow(i) || i.history.some((h) => !h.verified)) ? ` ${MARK_NOTE}` : ''}`,
        },
      );
    }
    // Renstra end target
    if (period) {
      b.table(
        `Perbandingan dengan target akhir Renstra (${period.end})`,
        [
          c('Indikator', 40),
          c('Target akhir', 15, 'right'),
          c(`Realisasi ${year}`, 15, 'right'),
          c('Tingkat kemajuan (%)', 15, 'right'),
          c('Keterangan', 15),
        ],
        g.indicators.map((i) => {
          const end = i.renstraTargets.find((t) => t.year === period.end);
          const endV = end?.value ? tryDecimal(end.value) : null;
          const real = i.yearBasis ? tryDecimal(i.yearBasis) : null;
          const progress =
            endV && real && !endV.isZero()
              ? (i.polarity === 'lower_better'
                  ? endV.times(100).div(real.isZero() ? 1 : real)
                  : real.times(100).div(endV)
                ).toString()
              : null;
          return [
            marked(i, i.name),
            end ? (end.value !== null ? num(end.value) : (end.text ?? DASH)) : DASH,
            num(i.yearBasis),
            pct(progress),
            progress === null
              ? 'Tidak dapat dihitung'
              : new Dec(progress).gte(100)
                ? 'Sudah tercapai'
                : 'Belum tercapai',
          ];
        }),
      );
    }
    const withCmp = g.indicators.filter((i) => i.comparison.province || i.comparison.national);
    if (withCmp.length) {
      b.table(
        'Perbandingan dengan angka provinsi dan nasional',
        [
          c('Indikator', 34),
          c(pemda ? 'Pemda' : 'OPD', 14, 'right'),
          c('Provinsi', 14, 'right'),
          c('Nasional', 14, 'right'),
          c('Sumber', 24),
        ],
        withCmp.map((i) => [
          marked(i, i.name),
          num(i.yearBasis),
          num(i.comparison.province?.value),
          num(i.comparison.national?.value),
          [i.comparison.province?.source, i.comparison.national?.source].filter(Boolean).join('; '),
        ]),
      );
    }
    const n: ReportNarrative | undefined = data.narratives[g.key];
    b.p('Faktor pendukung:', { bold: true });
    b.p(n?.faktorPendukung || 'Belum diisi.');
    b.p('Faktor penghambat:', { bold: true });
    b.p(n?.faktorPenghambat || 'Belum diisi.');
    b.p('Solusi / rencana tindak lanjut:', { bold: true });
    b.p(n?.solusi || 'Belum diisi.');
  }

  b.heading(2, '3.3 Efisiensi Penggunaan Sumber Daya');
  b.p(
    `Efisiensi membandingkan rata-rata capaian indikator program dengan serapan anggarannya (metode ${data.settings.efficiencyMethod === 'difference' ? 'selisih: capaian − serapan ≥ 0 efisien' : 'rasio: capaian / serapan ≥ 1 efisien'}).`,
  );
  const progRows = data.programs.map((p) => [
    p.opdName ? `${p.name} (${p.opdName})` : p.name,
    rupiah(p.pagu),
    rupiah(p.spent),
    pct(p.serapan),
    pct(p.averageCapaian),
    p.efficiency ? `${num(p.efficiency.value)} — ${p.efficiency.label}` : DASH,
  ]);
  progRows.push(['Jumlah', rupiah(totalPagu), rupiah(totalSpent), pct(totalSerapan), DASH, DASH]);
  b.table(
    `Realisasi anggaran dan efisiensi per program Tahun ${year}`,
    [
      c('Program', 30),
      c('Pagu', 16, 'right'),
      c('Realisasi', 16, 'right'),
      c('Serapan (%)', 10, 'right'),
      c('Rata-rata capaian (%)', 12, 'right'),
      c('Efisiensi', 16, 'center'),
    ],
    progRows,
    { boldRows: [progRows.length - 1] },
  );
  const budgeted = data.programs.filter((p) => p.pagu !== null);
  if (budgeted.length) {
    b.chart(`Pagu dan realisasi anggaran per program Tahun ${year} (juta rupiah)`, {
      kind: 'bar',
      unit: 'Juta rupiah',
      categories: budgeted.map((p) => p.code),
      series: [
        {
          name: 'Pagu',
          values: budgeted.map((p) => Math.round(Number(p.pagu) / 1e4) / 100),
          color: '#9dbad5',
        },
        {
          name: 'Realisasi',
          values: budgeted.map((p) =>
            p.spent === null ? null : Math.round(Number(p.spent) / 1e4) / 100,
          ),
          color: '#1f6f8b',
        },
      ],
    });
  }
  b.pageBreak();

  // ---- Bab IV
  b.heading(1, 'BAB IV PENUTUP');
  b.heading(2, '4.1 Kesimpulan');
  const efficient = data.programs.filter((p) => p.efficiency?.label === 'Efisien').length;
  const conclusions = [
    `Dari ${ikus.length} IKU, ${computable.length} dapat diukur${avg ? ` dengan rata-rata capaian ${pct(avg)}%` : ''}; ${predikatSummary(ikus)}.`,
    ...(ikus.length - computable.length > 0
      ? [
          `${ikus.length - computable.length} IKU belum dapat diukur karena data target atau realisasi belum lengkap.`,
        ]
      : []),
    totalPagu
      ? `Realisasi anggaran ${rupiah(totalSpent)} dari pagu ${rupiah(totalPagu)} (serapan ${pct(totalSerapan)}%).`
      : 'Pagu anggaran belum dicatat sehingga serapan belum dapat dihitung.',
    data.programs.some((p) => p.efficiency)
      ? `${efficient} dari ${data.programs.filter((p) => p.efficiency).length} program yang dapat diukur tergolong efisien.`
      : 'Efisiensi program belum dapat dihitung.',
  ];
  b.list(conclusions, true);
  b.heading(2, '4.2 Permasalahan, Rekomendasi dan Tindak Lanjut');
  const recs = [
    ...problems.map((i) =>
      i.capaian.value === null
        ? `Melengkapi data ${i.name} (${i.capaian.reason ?? 'data belum lengkap'}).`
        : `Meningkatkan capaian ${i.name} yang baru ${pct(i.capaian.display)}%.`,
    ),
    ...narratives.map(([, n]) => n.solusi).filter(Boolean),
  ];
  if (recs.length) b.list(recs, true);
  else
    b.p(
      'Mempertahankan capaian kinerja yang telah baik dan meningkatkan kualitas data pengukuran.',
    );
  b.pageBreak();

  // ---- Lampiran
  b.heading(1, 'LAMPIRAN');
  b.heading(2, `Lampiran 1. Perjanjian Kinerja Tahun ${year}`);
  const inForce = pk?.revisions.at(-1);
  if (!inForce) b.p('Perjanjian Kinerja belum dicatat.');
  else {
    const byCode = new Map(data.indicators.map((i) => [i.code, i]));
    b.table(
      `Target Perjanjian Kinerja yang berlaku${inForce.revision ? ` (Perubahan ${inForce.revision})` : ''}`,
      [
        c('No', 5, 'center'),
        c('Indikator', 60),
        c('Satuan', 15, 'center'),
        c('Target', 20, 'right'),
      ],
      inForce.targets.map((t, k) => [
        String(k + 1),
        byCode.get(t.indicatorCode)?.name ?? t.indicatorCode,
        byCode.get(t.indicatorCode)?.satuan ?? DASH,
        t.value !== null ? num(t.value) : (t.text ?? DASH),
      ]),
    );
    if (inForce.budgets.length) {
      const progName = new Map(data.programs.map((p) => [p.code, p.name]));
      b.table(
        'Anggaran dalam Perjanjian Kinerja',
        [c('No', 5, 'center'), c('Program', 65), c('Anggaran', 30, 'right')],
        inForce.budgets.map((x, k) => [
          String(k + 1),
          progName.get(x.programCode) ?? x.programCode,
          rupiah(x.amount),
        ]),
      );
    }
  }
  b.heading(2, 'Lampiran 2. Pengukuran Kinerja per Triwulan');
  const periods = ['TW1', 'TW2', 'TW3', 'TW4', 'YEAR'] as const;
  b.table(
    `Realisasi per triwulan Tahun ${year}`,
    [
      c('Indikator', 34),
      c('Satuan', 10, 'center'),
      c('Target', 10, 'right'),
      ...periods.map((p) => c(PERIOD_LABEL[p]!, 46 / periods.length, 'right')),
    ],
    ikus.map((i) => [
      marked(i),
      i.satuan,
      targetText(i),
      ...periods.map((p) => {
        const open = i.unverified.some((u) => u.period === p);
        return `${num(i.realizations[p] ?? null)}${open ? ' *' : ''}`;
      }),
    ]),
    ikus.some(unverifiedNow)
      ? { note: `* nilai periode itu belum diverifikasi. ${MARK_NOTE}` }
      : {},
  );
  b.heading(2, 'Lampiran 3. Sumber Data Laporan');
  b.p(
    `Laporan ini dibangun dari data SAKIP pada posisi feed ${data.feedPosition} (data per ${dataDate}). Membangun ulang pada posisi yang sama menghasilkan isi yang sama.`,
  );
  b.list(data.decrees.map((d) => `${d.number} — ${d.title} (${date(d.date)})`));
  b.p(
    fin
      ? `Difinalisasi: ${fin.place}, ${date(fin.date)}, oleh ${fin.signer.name ?? DASH} (${fin.signer.position}).`
      : 'Laporan ini belum difinalisasi (draf): tanggal, tempat dan penandatangan belum ditetapkan.',
  );
  if (unverified.length || unverifiedHistory.length) {
    b.heading(2, 'Lampiran 4. Nilai yang Belum Diverifikasi');
    b.p(
      'Nilai berikut dicetak tetapi belum diverifikasi; laporan ini karenanya berstatus DRAF sampai semuanya diverifikasi.',
    );
    b.table(
      'Nilai realisasi yang belum diverifikasi',
      [
        c('No', 5, 'center'),
        c('Indikator', 40),
        c('Tahun', 9, 'center'),
        c('Periode', 10, 'center'),
        c('Nilai', 12, 'right'),
        c('Status', 24),
      ],
      [
        ...unverified.map((u) => [
          nameWithOpd(u.i),
          String(u.year),
          PERIOD_LABEL[u.period] ?? u.period,
          num(u.value),
          STATUS_LABELS[u.status],
        ]),
        ...unverifiedHistory.map((u) => [
          nameWithOpd(u.i),
          String(u.year),
          PERIOD_LABEL[u.period] ?? u.period,
          num(u.value),
          STATUS_LABELS[u.status],
        ]),
      ].map((row, k) => [String(k + 1), ...row]),
    );
  }
  const body = b.take();

  return {
    meta: {
      title: `LKjIP ${data.subjectName} Tahun ${year}`,
      subject: `Laporan Kinerja Instansi Pemerintah Tahun ${year}`,
      author: data.subjectName,
      keywords: `LKjIP, SAKIP, ${year}, ${data.subjectId}`,
      subjectId: data.subjectId,
      kind: data.kind,
      year,
      feedPosition: data.feedPosition,
      dataDate: data.dataDate,
      createdAt: `${fin?.date ?? data.dataDate}T00:00:00.000Z`,
      decrees: data.decrees.map((d) => ({ number: d.number, date: d.date })),
      draft,
      finalisation: fin,
      footer: `${draft ? 'DRAF · ' : ''}LKjIP ${year} · ${data.subjectName}`,
    },
    cover,
    front,
    body,
  };
}
