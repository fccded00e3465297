// Compact formula text used in the `formula` column of the Indikator sheet.
//
//   ratio(pembilang / penyebut)            Σ pembilang / Σ penyebut × 100
//   ratio(pembilang / penyebut) x 1000     … with another scale ('x', '×' or '*')
//   growth(nilai_awal -> nilai_akhir)      (akhir − awal) / awal × 100   ('→' also accepted)
//   value(pdrb)   count(jumlah)   score(nilai)   cv(harga)
//
// Indonesian names are accepted too: rasio, pertumbuhan, nilai, jumlah, skor, kv.
// Input names are free text ("Jumlah koperasi sehat"). A name that contains the separator
// ('/' in ratio, '->' in growth) or a double quote must be quoted: ratio("Jumlah KSP/USP sehat" /
// "Jumlah KSP/USP"); inside quotes "" stands for one ". Parentheses inside names are fine
// ("PDRB sektor industri (BPS)").
import { validateFormula, type Formula, type FormulaKind } from '@sakip/domain';
import type { Parsed } from './values';

const KIND_ALIASES: Record<string, FormulaKind> = {
  ratio: 'ratio',
  rasio: 'ratio',
  growth: 'growth',
  pertumbuhan: 'growth',
  value: 'value',
  nilai: 'value',
  count: 'count',
  jumlah: 'count',
  score: 'score',
  skor: 'score',
  cv: 'cv',
  kv: 'cv',
};

const SYNTAX_HELP =
  'contoh / e.g. ratio(koperasi_sehat / jumlah_koperasi), growth(nilai_awal -> nilai_akhir), value(pdrb), count(jumlah), score(nilai), cv(harga)';

/** Splits on a top-level separator (outside double quotes). */
function splitOutsideQuotes(s: string, sep: string | RegExp): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      quoted = !quoted;
      continue;
    }
    if (quoted) continue;
    if (typeof sep === 'string') {
      if (s.startsWith(sep, i)) {
        parts.push(s.slice(start, i));
        i += sep.length - 1;
        start = i + 1;
      }
    } else {
      const m = sep.exec(s.slice(i));
      if (m && m.index === 0) {
        parts.push(s.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function unquote(raw: string): string | null {
  const t = raw.trim();
  if (t.startsWith('"')) {
    if (t.length < 2 || !t.endsWith('"')) return null;
    const inner = t.slice(1, -1);
    if (/(^|[^"])"([^"]|$)/.test(inner.replace(/""/g, ''))) return null;
    return inner.replace(/""/g, '"').trim();
  }
  if (t.includes('"')) return null;
  return t;
}

export function parseFormulaText(text: string): Parsed<Formula> {
  const fail = (why: string): Parsed<Formula> => ({
    ok: false,
    message: `Rumus tidak valid: ${why} (${SYNTAX_HELP}) / invalid formula: '${text}'`,
  });
  const t = text.trim();
  const open = t.indexOf('(');
  const close = t.lastIndexOf(')');
  if (open <= 0 || close < open) return fail(`'${t}'`);
  const kind = KIND_ALIASES[t.slice(0, open).trim().toLowerCase()];
  if (kind === undefined) return fail(`jenis '${t.slice(0, open).trim()}' tidak dikenal`);
  const inner = t.slice(open + 1, close);
  const tail = t.slice(close + 1).trim();
  let formula: Formula;
  if (kind === 'ratio') {
    const parts = splitOutsideQuotes(inner, '/');
    if (parts.length !== 2)
      return fail(
        `rasio butuh tepat satu '/' di luar tanda kutip; beri tanda kutip pada nama yang memuat '/'`,
      );
    const numerator = unquote(parts[0] ?? '');
    const denominator = unquote(parts[1] ?? '');
    if (numerator === null || denominator === null) return fail('tanda kutip tidak seimbang');
    let scale = 100;
    if (tail !== '') {
      const m = /^[x×*]\s*(\d+(?:[.,]\d+)?)$/i.exec(tail);
      if (!m) return fail(`skala '${tail}' tidak dikenal (tulis mis. 'x 1000')`);
      scale = Number((m[1] ?? '').replace(',', '.'));
    }
    formula = { kind, numerator, denominator, scale };
  } else {
    if (tail !== '') return fail(`teks '${tail}' setelah ')'`);
    if (kind === 'growth') {
      const parts = splitOutsideQuotes(inner, /^(->|→)/);
      if (parts.length !== 2) return fail(`pertumbuhan butuh tepat satu '->' di luar tanda kutip`);
      const initial = unquote(parts[0] ?? '');
      const final = unquote(parts[1] ?? '');
      if (initial === null || final === null) return fail('tanda kutip tidak seimbang');
      formula = { kind, initial, final };
    } else {
      const name = unquote(inner);
      if (name === null) return fail('tanda kutip tidak seimbang');
      formula = kind === 'cv' ? { kind, series: name } : { kind, input: name };
    }
  }
  const v = validateFormula(formula);
  if (!v.ok)
    return {
      ok: false,
      message: `Rumus tidak valid / invalid formula '${t}': ${v.errors.join('; ')}`,
    };
  return { ok: true, value: v.formula };
}

function quoteIfNeeded(name: string, sep: string | null): string {
  const needs =
    name.includes('"') ||
    (sep !== null && name.includes(sep)) ||
    (sep === '->' && name.includes('→')) ||
    name.trim() !== name ||
    name.startsWith('"');
  return needs ? `"${name.replace(/"/g, '""')}"` : name;
}

/** Inverse of parseFormulaText (used by the example generator). */
export function formatFormula(f: Formula): string {
  switch (f.kind) {
    case 'ratio': {
      const scale = f.scale === undefined || Number(f.scale) === 100 ? '' : ` x ${f.scale}`;
      return `ratio(${quoteIfNeeded(f.numerator, '/')} / ${quoteIfNeeded(f.denominator, '/')})${scale}`;
    }
    case 'growth':
      return `growth(${quoteIfNeeded(f.initial, '->')} -> ${quoteIfNeeded(f.final, '->')})`;
    case 'cv':
      return `cv(${quoteIfNeeded(f.series, null)})`;
    default:
      return `${f.kind}(${quoteIfNeeded(f.input, null)})`;
  }
}
