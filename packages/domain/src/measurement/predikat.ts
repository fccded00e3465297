// Predikat (rating label) for a capaian, on a scale each pemda may configure.
//
// A scale is an ordered list of bands, highest first; each band has only a lower bound
// (minInclusive). A capaian gets the first band whose minInclusive ≤ capaian. Using lower
// bounds only makes the scale gap-free for non-integer capaian: the regulation's table
// "76–90 Tinggi, ≥ 91 Sangat Tinggi" leaves 90.5 unassigned; here 90.5 is Tinggi because
// it is below 91. The last band may have minInclusive null ("everything below"), so negative
// or tiny capaian still get a label.
import { Dec, toDecimal, tryDecimal, type DecimalInput } from './decimal';

export interface PredikatBand {
  /** Lower bound (inclusive); null only on the last band, meaning "no lower bound". */
  minInclusive: string | number | null;
  label: string;
  code: string;
}

export type PredikatScale = readonly PredikatBand[];

export const DEFAULT_PREDIKAT_SCALE: PredikatScale = [
  { minInclusive: '91', label: 'Sangat Tinggi', code: 'sangat_tinggi' },
  { minInclusive: '76', label: 'Tinggi', code: 'tinggi' },
  { minInclusive: '66', label: 'Sedang', code: 'sedang' },
  { minInclusive: '51', label: 'Rendah', code: 'rendah' },
  { minInclusive: null, label: 'Sangat Rendah', code: 'sangat_rendah' },
];

export type PredikatScaleValidation =
  { ok: true; scale: PredikatScale } | { ok: false; errors: string[] };

/** Checks a custom scale: non-empty, labels/codes present, codes unique, bounds strictly descending, null only last. */
export function validatePredikatScale(scale: unknown): PredikatScaleValidation {
  if (!Array.isArray(scale) || scale.length === 0) {
    return {
      ok: false,
      errors: [
        'Skala predikat harus berisi minimal satu tingkat / predikat scale must have at least one band',
      ],
    };
  }
  const errors: string[] = [];
  const codes = new Set<string>();
  let previous: Dec | null = null;
  scale.forEach((raw: unknown, i) => {
    const where = `tingkat ke-${i + 1} / band ${i + 1}`;
    if (typeof raw !== 'object' || raw === null) {
      errors.push(`${where}: harus berupa objek / must be an object`);
      return;
    }
    const band = raw as Record<string, unknown>;
    if (typeof band['label'] !== 'string' || band['label'].trim() === '')
      errors.push(`${where}: label wajib diisi / label is required`);
    if (typeof band['code'] !== 'string' || band['code'].trim() === '') {
      errors.push(`${where}: kode wajib diisi / code is required`);
    } else if (codes.has(band['code'])) {
      errors.push(`${where}: kode '${band['code']}' ganda / duplicate code '${band['code']}'`);
    } else {
      codes.add(band['code']);
    }
    const min = band['minInclusive'];
    if (min === null) {
      if (i !== scale.length - 1) {
        errors.push(
          `${where}: batas bawah kosong hanya boleh pada tingkat terakhir / a null lower bound is only allowed on the last band`,
        );
      }
      return;
    }
    const d = tryDecimal(min);
    if (d === null) {
      errors.push(
        `${where}: batas bawah bukan angka: '${String(min)}' / lower bound is not a number`,
      );
      return;
    }
    if (previous !== null && !d.lt(previous)) {
      errors.push(
        `${where}: batas bawah ${d.toFixed()} harus lebih kecil dari ${previous.toFixed()} (urut menurun, tidak tumpang tindih) / ` +
          `lower bound must be below the previous band's (sorted descending, no overlap)`,
      );
    }
    previous = d;
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scale: scale as PredikatScale };
}

export type PredikatResult =
  | { ok: true; band: PredikatBand }
  | {
      ok: false;
      error: { code: 'invalid_capaian' | 'invalid_scale' | 'below_scale'; message: string };
    };

export interface PredikatOptions {
  /**
   * Round the capaian (half-up) before classifying, so the predikat agrees with the number
   * printed in the report (e.g. 90.996 printed "91,00" → Sangat Tinggi). Default: exact value.
   */
  roundToPlaces?: number;
}

export function predikatFor(
  capaian: DecimalInput,
  scale: PredikatScale = DEFAULT_PREDIKAT_SCALE,
  options: PredikatOptions = {},
): PredikatResult {
  let value = tryDecimal(capaian);
  if (value === null) {
    return {
      ok: false,
      error: {
        code: 'invalid_capaian',
        message: `Capaian tidak valid / invalid capaian: '${String(capaian)}'`,
      },
    };
  }
  if (scale !== DEFAULT_PREDIKAT_SCALE) {
    const check = validatePredikatScale(scale);
    if (!check.ok)
      return { ok: false, error: { code: 'invalid_scale', message: check.errors.join('; ') } };
  }
  if (options.roundToPlaces !== undefined)
    value = toDecimal(value.toFixed(options.roundToPlaces, Dec.ROUND_HALF_UP));
  for (const band of scale) {
    if (band.minInclusive === null || value.gte(toDecimal(band.minInclusive)))
      return { ok: true, band };
  }
  return {
    ok: false,
    error: {
      code: 'below_scale',
      message: `Capaian ${value.toFixed()} di bawah tingkat terendah skala / capaian is below the lowest band of the scale`,
    },
  };
}
