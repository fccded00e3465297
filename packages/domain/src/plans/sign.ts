// Whether an indicator's values may be negative. Counts, documents, rupiah, ratios of counts,
// price variation and scores never are; growth and change (peningkatan, penurunan, inflasi …)
// may be. Decided from the formula kind first, then the satuan, then words of the name.
import { fail } from '../shared/errors';
import { tryDecimal, type Formula } from '../measurement';
import type { Indicator } from './types';

export type SignedIndicator = Pick<Indicator, 'code' | 'name' | 'satuan' | 'formula'> &
  Partial<Pick<Indicator, 'formulaText'>>;

/** Words that make an indicator a change between two values: its value may fall below 0. */
const CHANGE_WORDS =
  /\b(pertumbuhan|tumbuh|peningkatan|penurunan|kenaikan|perubahan|selisih|laju|inflasi|deflasi|growth|change|delta)\b/;

/** Kinds whose value is never negative whatever they are called. */
const NEVER_NEGATIVE_KINDS: ReadonlySet<Formula['kind']> = new Set(['count', 'cv']);

/** Units of things counted or paid: nobody has fewer than none. */
const NON_NEGATIVE_UNITS = [
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
  'usaha',
  'pelaku',
  'lembaga',
  'kelompok',
  'sertifikat',
  'produk',
  'pasar',
  'lokasi',
  'desa',
  'rupiah',
  'rp',
  'juta',
  'milyar',
  'miliar',
  'triliun',
  'ribu',
  '%',
  'persen',
  'nilai',
  'poin',
  'indeks',
  'predikat',
];

const words = (s: string | null | undefined): string => (s ?? '').toLowerCase();

function unitWords(satuan: string): string[] {
  return words(satuan)
    .replace(/%/g, ' % ')
    .split(/[^\p{L}%]+/u)
    .filter((w) => w !== '');
}

/** True when the indicator may legitimately hold a negative value. */
export function canBeNegative(ind: SignedIndicator): boolean {
  const kind = ind.formula?.kind ?? null;
  if (kind === 'growth') return true;
  if (kind !== null && NEVER_NEGATIVE_KINDS.has(kind)) return false;
  const said = `${words(ind.name)} ${words(ind.formulaText)} ${words(ind.satuan)}`;
  if (CHANGE_WORDS.test(said)) return true;
  if (kind === 'ratio' || kind === 'score') return false;
  // A plain value: the satuan tells; an unknown unit is given the benefit of the doubt.
  return !unitWords(ind.satuan).some((w) => NON_NEGATIVE_UNITS.includes(w));
}

const isNegative = (value: string | null | undefined): boolean => {
  if (value === null || value === undefined) return false;
  const d = tryDecimal(value.trim());
  return d !== null && d.isNegative() && !d.isZero();
};

/** Refuses a negative `value` for an indicator that cannot be negative, naming the field. */
export function requireSignAllowed(
  ind: SignedIndicator,
  value: string | null | undefined,
  path: readonly (string | number)[],
): void {
  if (!isNegative(value) || canBeNegative(ind)) return;
  fail(
    'negative_not_allowed',
    `Nilai ${String(value).trim()} tidak boleh negatif untuk indikator ${ind.code} (${ind.satuan})`,
    `Value ${String(value).trim()} cannot be negative for indicator ${ind.code} (${ind.satuan})`,
    path,
  );
}
