// Serapan anggaran (budget absorption) and efisiensi: did the unit achieve its capaian using
// proportionally no more budget than planned? Both are exact; labels come with the number so
// the report and the UI agree.
import { Dec, isBlank, toDecimalString, tryDecimal, type DecimalInput } from './decimal';
import { divisionByZero, invalidInput, missingInput, type MeasurementError } from './errors';

type Value = DecimalInput | null | undefined;
type Fail = { ok: false; error: MeasurementError };

function read(value: Value, name: string): Dec | Fail {
  if (isBlank(value)) return missingInput(name);
  return (
    tryDecimal(value) ??
    invalidInput(
      name,
      `Nilai '${name}' bukan angka: '${String(value)}' / '${name}' is not a number`,
    )
  );
}

function isDec(x: Dec | Fail): x is Dec {
  return x instanceof Dec;
}

export type SerapanResult = { ok: true; value: string } | Fail;

/** Serapan = realisasi anggaran / pagu × 100 (%). Pagu 0 → division_by_zero naming 'pagu'. */
export function computeSerapan(realisasiAnggaran: Value, pagu: Value): SerapanResult {
  const r = read(realisasiAnggaran, 'realisasi_anggaran');
  if (!isDec(r)) return r;
  const p = read(pagu, 'pagu');
  if (!isDec(p)) return p;
  if (p.isZero()) return divisionByZero('pagu');
  return { ok: true, value: toDecimalString(r.times(100).div(p)) };
}

/**
 * ratio (default): capaian / serapan; ≥ 1 efisien (each % of budget bought ≥ 1 % of achievement).
 * difference: capaian − serapan (percentage points); ≥ 0 efisien.
 */
export type EfficiencyMethod = 'ratio' | 'difference';

export type EfficiencyResult =
  | {
      ok: true;
      value: string;
      method: EfficiencyMethod;
      efficient: boolean;
      code: 'efisien' | 'tidak_efisien';
      label: 'Efisien' | 'Tidak Efisien';
    }
  | Fail;

export function computeEfficiency(
  capaian: Value,
  serapan: Value,
  method: EfficiencyMethod = 'ratio',
): EfficiencyResult {
  const c = read(capaian, 'capaian');
  if (!isDec(c)) return c;
  const s = read(serapan, 'serapan');
  if (!isDec(s)) return s;
  let value: Dec;
  let efficient: boolean;
  if (method === 'ratio') {
    // Serapan 0 with a capaian is not "infinitely efficient": it usually means budget
    // realization was not entered yet, so it is reported instead of guessed.
    if (s.isZero()) return divisionByZero('serapan');
    value = c.div(s);
    efficient = value.gte(1);
  } else {
    value = c.minus(s);
    efficient = value.gte(0);
  }
  return {
    ok: true,
    value: toDecimalString(value),
    method,
    efficient,
    code: efficient ? 'efisien' : 'tidak_efisien',
    label: efficient ? 'Efisien' : 'Tidak Efisien',
  };
}
