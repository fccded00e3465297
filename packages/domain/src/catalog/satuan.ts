// Units (satuan) are typed by hand in every OPD: "%", "Persen", "persentase", "Milyar Rupiah".
// Normalising them lets the catalog tell a real mismatch from a spelling difference.

/** Spellings that mean the same unit, mapped to one canonical spelling. */
const ALIASES: Readonly<Record<string, string>> = {
  '%': '%',
  persen: '%',
  persentase: '%',
  'milyar rupiah': 'miliar rupiah',
  'miliar rupiah': 'miliar rupiah',
  'rp milyar': 'miliar rupiah',
  'rp miliar': 'miliar rupiah',
  'rp. milyar': 'miliar rupiah',
  'rp. miliar': 'miliar rupiah',
};

/** Trim, lower case, collapse spaces, then fold known aliases ('Persen' → '%'). */
export function normaliseSatuan(s: string): string {
  const t = s.trim().toLowerCase().replace(/\s+/g, ' ');
  return ALIASES[t] ?? t;
}

export const sameSatuan = (a: string, b: string): boolean =>
  normaliseSatuan(a) === normaliseSatuan(b);
