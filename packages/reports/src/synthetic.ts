// Plausible LKjIP data generated in memory (deterministic per seed): for benchmarks and
// renderer tests that need no database.
import type { LkjipData, ReportIndicator, ReportProgram } from './data';
import { DEFAULT_TEMPLATES } from './templates';

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 1_000_000) / 1_000_000;
  };
}

const PREDIKAT = (c: number) =>
  c >= 91
    ? 'Sangat Tinggi'
    : c >= 76
      ? 'Tinggi'
      : c >= 66
        ? 'Sedang'
        : c >= 51
          ? 'Rendah'
          : 'Sangat Rendah';

export function syntheticLkjipData(
  seed: number,
  options: {
    sasaran?: number;
    ikuPerSasaran?: number;
    programsPerSasaran?: number;
    regionCode?: string;
  } = {},
): LkjipData {
  const r = rng(seed);
  const year = 2024;
  const regionCode = options.regionCode ?? `18.${String((seed % 40) + 1).padStart(2, '0')}`;
  const opdId = `${regionCode}-OPD${seed}`;
  const nS = options.sasaran ?? 3;
  const nI = options.ikuPerSasaran ?? 2;
  const nP = options.programsPerSasaran ?? 2;
  const elements: LkjipData['elements'] = [
    {
      code: 'T-1',
      level: 'tujuan',
      name: 'Meningkatnya daya saing ekonomi daerah',
      parentCode: null,
    },
  ];
  const indicators: ReportIndicator[] = [];
  const programs: ReportProgram[] = [];
  const narratives: LkjipData['narratives'] = {};
  for (let s = 1; s <= nS; s++) {
    const sc = `S-${s}`;
    elements.push({
      code: sc,
      level: 'sasaran',
      name: `Sasaran strategis ${s}: meningkatnya kualitas layanan bidang ${s}`,
      parentCode: 'T-1',
    });
    for (let p = 1; p <= nP; p++) {
      const pc = `P-${s}.${p}`;
      elements.push({
        code: pc,
        level: 'program',
        name: `Program peningkatan layanan ${s}.${p}`,
        parentCode: sc,
      });
      const pagu = Math.round(200 + r() * 1800) * 1_000_000;
      const spent = Math.round(pagu * (0.6 + r() * 0.38));
      const avg = 70 + r() * 40;
      const serapan = (spent * 100) / pagu;
      programs.push({
        code: pc,
        name: `Program peningkatan layanan ${s}.${p}`,
        pagu: String(pagu),
        spent: String(spent),
        serapan: serapan.toFixed(4),
        averageCapaian: avg.toFixed(4),
        efficiency: {
          value: (avg / serapan).toFixed(4),
          label: avg / serapan >= 1 ? 'Efisien' : 'Tidak Efisien',
        },
      });
    }
    for (let i = 1; i <= nI; i++) {
      const target = Math.round((10 + r() * 90) * 100) / 100;
      const real = Math.round(target * (0.5 + r() * 0.7) * 100) / 100;
      const cap = (real * 100) / target;
      const missing = r() < 0.08;
      indicators.push({
        code: `IKU-${s}.${i}`,
        name: `Persentase capaian layanan ${s}.${i} yang memenuhi standar`,
        kind: 'iku',
        satuan: '%',
        polarity: 'higher_better',
        elementCode: sc,
        definition: 'Perbandingan layanan yang memenuhi standar dengan seluruh layanan',
        formulaText: 'Σ layanan memenuhi standar / Σ layanan × 100%',
        sumberData: 'Laporan bidang',
        baseline: { year: 2022, value: (target * 0.8).toFixed(2) },
        renstraTargets: [2023, 2024, 2025, 2026].map((y) => ({
          year: y,
          value: (target * (1 + (y - 2024) * 0.05)).toFixed(2),
          text: null,
        })),
        target: {
          value: target.toFixed(2),
          text: null,
          ...(r() < 0.5
            ? { source: 'pk' as const, sourceLabel: 'PK Kepala Dinas 2024' }
            : { source: 'renstra' as const, sourceLabel: 'Renstra 2023–2026' }),
        },
        realizations: missing
          ? {}
          : {
              TW1: (real * 0.25).toFixed(2),
              TW2: (real * 0.5).toFixed(2),
              TW3: (real * 0.75).toFixed(2),
              TW4: real.toFixed(2),
              YEAR: real.toFixed(2),
            },
        unverified: [],
        yearBasis: missing ? null : real.toFixed(2),
        capaian: missing
          ? { value: null, display: null, reason: 'Realisasi belum diisi', predikat: null }
          : {
              value: cap.toFixed(6),
              display: cap.toFixed(2),
              reason: null,
              predikat: PREDIKAT(Number(cap.toFixed(2))),
            },
        history: [
          {
            year: 2023,
            realization: (real * 0.9).toFixed(2),
            capaian: (cap * 0.95).toFixed(2),
            verified: true,
            unverified: [],
          },
        ],
        comparison:
          r() < 0.3
            ? {
                province: { value: (real * 1.05).toFixed(2), source: 'BPS Provinsi' },
                national: { value: (real * 1.1).toFixed(2), source: 'BPS' },
              }
            : { province: null, national: null },
        warnings: [],
      });
    }
    narratives[sc] = {
      faktorPendukung: 'Dukungan anggaran dan koordinasi lintas bidang berjalan baik.',
      faktorPenghambat: r() < 0.5 ? 'Keterbatasan sumber daya manusia pada bidang teknis.' : '',
      solusi: 'Peningkatan kapasitas aparatur dan pendampingan teknis.',
    };
  }
  const totals = (share: number) =>
    String(programs.reduce((a, p) => a + Number(p.pagu) * share, 0));
  return {
    kind: 'opd',
    subjectId: opdId,
    subjectName: `Dinas Sintetis ${seed}`,
    region: { code: regionCode, name: `Kabupaten Sintetis ${regionCode}` },
    province: { code: '18', name: 'Lampung' },
    year,
    feedPosition: 1000 + seed,
    dataDate: '2025-01-31',
    place: 'Liwa',
    head: { name: 'Drs. Kepala Dinas', nip: '197001011990031004', position: 'Kepala Dinas' },
    finalisation: {
      date: '2025-02-14',
      place: 'Liwa',
      signer: { name: 'Drs. Kepala Dinas', nip: '197001011990031004', position: 'Kepala Dinas' },
    },
    period: { start: 2023, end: 2026 },
    decrees: [
      {
        decreeId: 'd1',
        number: `050/${seed}/KPTS/2023`,
        title: 'Penetapan IKU 2023–2026',
        kind: 'penetapan',
        date: '2023-01-04',
        sequence: 1,
      },
    ],
    tugas: 'Membantu kepala daerah melaksanakan urusan pemerintahan di bidangnya.',
    fungsi: ['Perumusan kebijakan teknis', 'Pelaksanaan kebijakan', 'Evaluasi dan pelaporan'],
    units: [
      { code: 'SEK', name: 'Sekretariat', kind: 'sekretariat', parentCode: null },
      { code: 'B1', name: 'Bidang Layanan', kind: 'bidang', parentCode: null },
    ],
    elements,
    indicators,
    pk: {
      firstParty: {
        name: 'Drs. Kepala Dinas',
        nip: '197001011990031004',
        position: 'Kepala Dinas',
      },
      secondParty: { name: 'Bupati', nip: null, position: 'Bupati' },
      revisions: [
        {
          revision: 0,
          date: '2024-01-15',
          reason: null,
          targets: indicators.map((i) => ({
            indicatorCode: i.code,
            value: i.target.value,
            text: null,
          })),
          budgets: programs.map((p) => ({ programCode: p.code, amount: p.pagu! })),
        },
      ],
      conflicts: [],
    },
    budgetStages: [
      {
        stage: 'dpa_pengesahan',
        sequence: null,
        documentRef: 'DPA 2024',
        total: totals(1),
        byProgram: Object.fromEntries(programs.map((p) => [p.code, p.pagu!])),
      },
      {
        stage: 'dpa_perubahan',
        sequence: null,
        documentRef: 'DPA-P 2024',
        total: totals(1),
        byProgram: Object.fromEntries(programs.map((p) => [p.code, p.pagu!])),
      },
    ],
    programs,
    narratives,
    settings: { lowerIsBetterMethod: 'two_t_minus_r', efficiencyMethod: 'ratio' },
    templates: DEFAULT_TEMPLATES,
  };
}
