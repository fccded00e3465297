import { fail } from '../shared/errors';
import { isCanonicalDecimal, validateFormula } from '../measurement';
import type { PlanSnapshot } from './snapshot';
import { requireSignAllowed } from './sign';
import {
  ELEMENT_LEVELS,
  type DecreeInfo,
  type ElementLevel,
  type Indicator,
  type IndicatorKind,
  type PlanElement,
} from './types';

/** Decree numbers are compared without OCR/typing noise: spaces and case do not matter. */
export const normaliseDecreeNumber = (n: string): string => n.replace(/\s+/g, '').toUpperCase();

/** Names are compared the way a reader would: case, spacing and "%"/"persentase" aside. */
export const normaliseName = (n: string): string =>
  n
    .toLowerCase()
    .replace(/%/g, ' persentase ')
    .replace(/\bpersentase\b/g, ' persentase ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const COUNT_UNITS = [
  'dokumen',
  'laporan',
  'unit',
  'orang',
  'paket',
  'kegiatan',
  'buah',
  'kali',
  'koperasi',
  'umkm',
];
const isCountSatuan = (satuan: string): boolean =>
  COUNT_UNITS.includes(satuan.trim().toLowerCase().split(/\s|\//)[0] ?? '');

export function checkDecreeInfo(info: DecreeInfo): void {
  const path = (f: string) => ['info', f];
  if (info.number.trim().length < 3)
    fail(
      'decree_number_required',
      'Nomor SK wajib diisi',
      'The decree number is required',
      path('number'),
    );
  if (!/^\d{4}-\d{2}-\d{2}$/.test(info.date))
    fail(
      'invalid_date',
      'Tanggal SK harus YYYY-MM-DD',
      'The decree date must be YYYY-MM-DD',
      path('date'),
    );
  if (
    !Number.isInteger(info.periodStart) ||
    !Number.isInteger(info.periodEnd) ||
    info.periodEnd < info.periodStart ||
    info.periodEnd - info.periodStart > 5
  ) {
    fail(
      'invalid_period',
      'Periode harus 1–6 tahun berurutan',
      'The period must be 1–6 consecutive years',
      path('periodEnd'),
    );
  }
  if (info.signer.name.trim().length < 2)
    fail('signer_required', 'Penandatangan wajib diisi', 'The signer is required', [
      'info',
      'signer',
      'name',
    ]);
}

/** A parent sits higher in the Renstra tree; real documents sometimes skip a level. */
const rank = (level: ElementLevel): number => ELEMENT_LEVELS.indexOf(level);

export function checkElement(e: PlanElement, preview: PlanSnapshot): void {
  if (!ELEMENT_LEVELS.includes(e.level))
    fail('invalid_level', `Tingkat ${e.level} tidak dikenal`, `Unknown level ${e.level}`, [
      'element',
      'level',
    ]);
  const existing = preview.elements[e.code];
  if (existing && existing.level !== e.level) {
    fail(
      'element_level_changed',
      `Elemen ${e.code} sudah ada sebagai ${existing.level}`,
      `Element ${e.code} already exists as ${existing.level}`,
      ['element', 'level'],
    );
  }
  if (e.parentCode === null) return;
  const parent = preview.elements[e.parentCode];
  if (!parent)
    fail(
      'parent_not_found',
      `Elemen induk ${e.parentCode} tidak ada`,
      `Parent element ${e.parentCode} does not exist`,
      ['element', 'parentCode'],
    );
  // Same level is allowed: real Renstra print sub-goals under goals (Bandar Lampung T-4.1 under MISI-4).
  if (rank(parent.level) > rank(e.level)) {
    fail(
      'parent_level',
      `Induk sebuah ${e.level} harus lebih tinggi, bukan ${parent.level}`,
      `The parent of a ${e.level} must be higher up, not a ${parent.level}`,
      ['element', 'parentCode'],
    );
  }
}

const KIND_LEVELS: Record<IndicatorKind, readonly ElementLevel[]> = {
  iku: ['tujuan', 'sasaran'],
  iki: ['tujuan', 'sasaran', 'program', 'kegiatan', 'sub_kegiatan'],
  program: ['program'],
  kegiatan: ['kegiatan'],
  sub_kegiatan: ['sub_kegiatan'],
};

export function checkIndicator(
  ind: Indicator,
  preview: PlanSnapshot,
  info: DecreeInfo,
  knownPositions: readonly string[],
): void {
  const p = (...f: (string | number)[]) => ['indicator', ...f];
  const element = preview.elements[ind.elementCode];
  if (!element)
    fail(
      'element_not_found',
      `Elemen Renstra ${ind.elementCode} tidak ada`,
      `Renstra element ${ind.elementCode} does not exist`,
      p('elementCode'),
    );
  if (!KIND_LEVELS[ind.kind].includes(element.level)) {
    fail(
      'kind_level',
      `Indikator ${ind.kind} tidak dapat melekat pada ${element.level}`,
      `A ${ind.kind} indicator cannot belong to a ${element.level}`,
      p('kind'),
    );
  }
  if (ind.kind === 'iki') {
    if (!ind.positionCode)
      fail(
        'position_required',
        'IKI wajib menyebut jabatan',
        'An IKI needs a position',
        p('positionCode'),
      );
    if (!knownPositions.includes(ind.positionCode)) {
      fail(
        'unknown_position',
        `Jabatan ${ind.positionCode} tidak dikenal di OPD ini`,
        `Position ${ind.positionCode} is unknown in this OPD`,
        p('positionCode'),
      );
    }
  }
  if (ind.formula) {
    const v = validateFormula(ind.formula);
    if (!v.ok)
      fail(
        'invalid_formula',
        `Formula tidak valid: ${v.errors.join('; ')}`,
        `Invalid formula: ${v.errors.join('; ')}`,
        p('formula'),
      );
  }
  if (ind.cascadeTo !== null && !preview.indicators[ind.cascadeTo]) {
    fail(
      'cascade_not_found',
      `Indikator atasan ${ind.cascadeTo} tidak ada`,
      `Parent indicator ${ind.cascadeTo} does not exist`,
      p('cascadeTo'),
    );
  }
  if (ind.baseline) requireSignAllowed(ind, ind.baseline.value, p('baseline', 'value'));
  checkTargets(ind, info);
  const twin = Object.values(preview.indicators).find(
    // Seeds repeat a name under one element for different kegiatan, told apart by kind and definisi.
    (o) =>
      o.code !== ind.code &&
      o.elementCode === ind.elementCode &&
      o.positionCode === ind.positionCode &&
      o.kind === ind.kind &&
      (o.definition ?? '') === (ind.definition ?? '') &&
      normaliseName(o.name) === normaliseName(ind.name),
  );
  if (twin) {
    fail(
      'duplicate_indicator',
      `Indikator "${ind.name}" sudah ada pada ${ind.elementCode} (${twin.code})`,
      `Indicator "${ind.name}" already exists in ${ind.elementCode} (${twin.code})`,
      p('name'),
    );
  }
}

function checkTargets(ind: Indicator, info: DecreeInfo): void {
  const years = ind.targets.map((t) => t.year);
  ind.targets.forEach((t, i) => {
    const at = ['indicator', 'targets', i];
    if (t.year < info.periodStart || t.year > info.periodEnd) {
      fail(
        'target_outside_period',
        `Target tahun ${t.year} di luar periode ${info.periodStart}–${info.periodEnd}`,
        `Target year ${t.year} is outside ${info.periodStart}–${info.periodEnd}`,
        [...at, 'year'],
      );
    }
    if (years.indexOf(t.year) !== i)
      fail(
        'duplicate_target_year',
        `Target tahun ${t.year} ganda`,
        `Target year ${t.year} appears twice`,
        [...at, 'year'],
      );
    const numbers = ind.polarity === 'range' ? [t.min, t.max] : [t.value];
    const hasNumber = numbers.every((n) => n !== null && n !== undefined);
    if (!hasNumber && !t.text) {
      fail('target_missing', `Target tahun ${t.year} kosong`, `Target for ${t.year} is empty`, [
        ...at,
        ind.polarity === 'range' ? 'min' : 'value',
      ]);
    }
    for (const n of numbers) {
      if (n !== null && n !== undefined && !isCanonicalDecimal(n))
        fail('invalid_number', `Target "${n}" bukan angka`, `Target "${n}" is not a number`, [
          ...at,
          'value',
        ]);
    }
    requireSignAllowed(ind, t.value, [...at, 'value']);
    requireSignAllowed(ind, t.min, [...at, 'min']);
    requireSignAllowed(ind, t.max, [...at, 'max']);
    if (t.value && isCountSatuan(ind.satuan) && !/^\d+$/.test(t.value)) {
      fail(
        'count_not_whole',
        `Satuan ${ind.satuan} menghitung bilangan bulat, bukan ${t.value}`,
        `${ind.satuan} counts whole numbers, not ${t.value}`,
        [...at, 'value'],
      );
    }
  });
  const missing: number[] = [];
  for (let y = info.periodStart; y <= info.periodEnd; y++) if (!years.includes(y)) missing.push(y);
  if (missing.length > 0) {
    fail(
      'targets_missing',
      `Target belum diisi untuk tahun ${missing.join(', ')}`,
      `Targets missing for ${missing.join(', ')}`,
      ['indicator', 'targets'],
    );
  }
}
