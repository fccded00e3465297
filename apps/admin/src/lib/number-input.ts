// What a person types into a number field, read by the importer's parser (parseIndonesianNumber
// in @sakip/domain), so a text gives the same value typed here or written in a template cell:
// "887,43", "1.200,87", "0,5", "0.500" (= 0,5: a leading 0 never groups thousands), "30%".
import { parseIndonesianNumber } from '@sakip/domain';
import type { Lang } from './i18n';

export interface NumberRule {
  /** Whether "30%" is accepted (targets and realizations of percent indicators). Default no. */
  percent?: boolean;
  /** Whether a negative value is accepted. Default yes (the domain decides per indicator). */
  negative?: boolean;
  /** Most decimals allowed (rupiah: 2). */
  maxDecimals?: number;
}

export type NumberRead =
  { ok: true; value: string; percent: boolean } | { ok: false; message: string };

const EXAMPLES = '887,43 · 1.200,87 · 0,5';

function refuse(lang: Lang, id: string, en: string): NumberRead {
  return { ok: false, message: lang === 'id' ? id : en };
}

/** Reads one number field; the message names what is wrong in the reader's language. */
export function readNumber(text: string, rule: NumberRule = {}, lang: Lang = 'id'): NumberRead {
  const typed = text.trim();
  const r = parseIndonesianNumber(text);
  if (!r.ok) {
    if (r.error.code === 'empty') return refuse(lang, 'Angka belum diisi', 'Enter a number');
    return refuse(
      lang,
      `Angka tidak valid: '${typed}' (contoh ${EXAMPLES}; koma untuk desimal, titik untuk ribuan)`,
      `Invalid number: '${typed}' (e.g. ${EXAMPLES}; comma for decimals, dot for thousands)`,
    );
  }
  if (r.percent && !rule.percent)
    return refuse(lang, `Tulis tanpa %: '${typed}'`, `Write it without %: '${typed}'`);
  if (rule.negative === false && r.value.startsWith('-'))
    return refuse(
      lang,
      `Nilai tidak boleh negatif: '${typed}'`,
      `The value cannot be negative: '${typed}'`,
    );
  const decimals = r.value.split('.')[1]?.length ?? 0;
  if (rule.maxDecimals !== undefined && decimals > rule.maxDecimals)
    return refuse(
      lang,
      `Paling banyak ${rule.maxDecimals} desimal: '${typed}'`,
      `At most ${rule.maxDecimals} decimals: '${typed}'`,
    );
  return { ok: true, value: r.value, percent: r.percent };
}

export const RUPIAH: NumberRule = { negative: false, maxDecimals: 2 };
export const MEASURE: NumberRule = { percent: true };

/**
 * Reads a set of fields at once: the canonical values, or the message of each field that is not
 * a number (keyed by the same path the form shows errors under). Blank optional fields are left out.
 */
export function readNumbers<K extends string>(
  fields: readonly { key: K; text: string; rule?: NumberRule; optional?: boolean }[],
  lang: Lang,
):
  { ok: true; values: Partial<Record<K, string>> } | { ok: false; errors: Record<string, string> } {
  const values: Partial<Record<K, string>> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    if (f.optional && f.text.trim() === '') continue;
    const r = readNumber(f.text, f.rule, lang);
    if (r.ok) values[f.key] = r.value;
    else errors[f.key] = r.message;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}
