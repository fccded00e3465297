import type { DecreeInfo, Indicator, PlanElement, PlanEvent } from '../../src/index';

export const opdId = '18.04-DISKOPERINDAG';
export const sk1: DecreeInfo = {
  number: '050/18/KPTS/III.06/1/2023',
  title: 'Penetapan IKU dan IKI 2023-2026',
  date: '2023-01-04',
  place: 'Liwa',
  signer: { name: 'AKSANI, SP., M.Si', nip: null, position: 'Pengguna Anggaran' },
  legalBases: ['Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah'],
  kind: 'penetapan',
  periodStart: 2023,
  periodEnd: 2026,
};
export const sk2: DecreeInfo = {
  ...sk1,
  number: '050/27/KPTS/III.06/2024',
  date: '2024-02-15',
  kind: 'perubahan',
  title: 'Perubahan IKU 2023-2026',
};

export const sasaran: PlanElement = {
  code: 'SS-1',
  level: 'sasaran',
  name: 'Meningkatnya Kualitas dan Daya Saing Koperasi dan UMKM',
  parentCode: null,
};

export const koperasiSehat: Indicator = {
  code: 'IKU-1',
  kind: 'iku',
  elementCode: 'SS-1',
  positionCode: null,
  name: '% Koperasi yang Sehat',
  definition: null,
  formulaText: 'Σ Koperasi sehat / Σ Koperasi x 100%',
  formula: {
    kind: 'ratio',
    numerator: 'koperasi_sehat',
    denominator: 'jumlah_koperasi',
    scale: 100,
  },
  satuan: '%',
  polarity: 'higher_better',
  sumberData: 'Bidang Koperasi UKM',
  penanggungJawab: null,
  dataPeriod: 'yearly',
  rollup: 'last',
  baseline: null,
  targets: [
    { year: 2023, value: '30' },
    { year: 2024, value: '32' },
    { year: 2025, value: '33' },
    { year: 2026, value: '34' },
  ],
  cascadeTo: null,
};

export const pdrb: Indicator = {
  ...koperasiSehat,
  code: 'IKU-4',
  name: 'PDRB Sektor Perdagangan',
  formulaText: 'Data BPS',
  formula: { kind: 'value', input: 'pdrb' },
  satuan: 'Milyar rupiah',
  sumberData: 'BPS Lampung Barat',
  targets: [
    { year: 2023, value: '887.43' },
    { year: 2024, value: '905.17' },
    { year: 2025, value: '923.27' },
    { year: 2026, value: '941.73' },
  ],
};

export const drafted = (decreeId: string, info: DecreeInfo): PlanEvent => ({
  type: 'DecreeDrafted',
  data: { opdId, decreeId, info },
});
export const element = (decreeId: string, e: PlanElement): PlanEvent => ({
  type: 'ElementDefined',
  data: { opdId, decreeId, element: e },
});
export const indicator = (decreeId: string, i: Indicator): PlanEvent => ({
  type: 'IndicatorDefined',
  data: { opdId, decreeId, indicator: i },
});
export const enacted = (decreeId: string, number: string, sequence: number): PlanEvent => ({
  type: 'DecreeEnacted',
  data: { opdId, decreeId, number, sequence },
});

/** SK 1 enacted with sasaran SS-1, IKU-1 and IKU-4. */
export const established: PlanEvent[] = [
  drafted('sk1', sk1),
  element('sk1', sasaran),
  indicator('sk1', koperasiSehat),
  indicator('sk1', pdrb),
  enacted('sk1', sk1.number, 1),
];
