// One way to read and show a number and a date: the admin reads typed text with the importer's
// parser, shows stored values with every digit, exports with the indicator's precision and
// shows timestamps on the pemda's clock.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberCell } from '@sakip/importer';
import { pemdaCodeOf } from '../../src/lib/context';
import {
  formatDateTime,
  formatInstantDate,
  formatNumber,
  rowPrecision,
} from '../../src/lib/format';
import { exportTable, parseComparisonRows } from '../../src/lib/comparison';
import { readNumber, readNumbers, RUPIAH } from '../../src/lib/number-input';
import { translate, type MessageKey } from '../../src/lib/i18n';

/** The importer's reading of a text cell, in the admin's terms. */
function importerReads(text: string) {
  const r = parseNumberCell({ text });
  return r.ok ? { ok: true, value: r.value.value, percent: r.value.percent } : { ok: false };
}
function adminReads(text: string) {
  const r = readNumber(text, { percent: true });
  return r.ok ? { ok: true, value: r.value, percent: r.percent } : { ok: false };
}

// Text that looks like what people type into a number field.
const numberLike = fc
  .array(
    fc.constantFrom(...'0123456789'.split(''), '.', ',', ' ', '-', '%', '\u00a0', 'Rp ', '+'),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));
const indonesian = fc
  .tuple(
    fc.boolean(),
    fc.bigInt({ min: 0n, max: 10n ** 12n }),
    fc.option(fc.nat({ max: 999_999 }), { nil: undefined }),
  )
  .map(([neg, int, frac]) => {
    const grouped = int.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${neg ? '-' : ''}${grouped}${frac === undefined ? '' : `,${frac}`}`;
  });

describe('the admin reads a number the way the importer does', () => {
  it('the same text gives the same value (or the same refusal) in both paths (property)', () => {
    fc.assert(
      fc.property(fc.oneof(numberLike, indonesian, fc.string()), (text) => {
        expect(adminReads(text)).toEqual(importerReads(text));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['0.500', '0.5'], // a leading "0" never groups thousands: decimal point
    ['0,5', '0.5'],
    ['887,43', '887.43'],
    ['1.200,87', '1200.87'],
    ['825,273', '825.273'],
    ['825.273', '825273'], // Indonesian: a dot and three digits group thousands
    ['-3,2', '-3.2'],
    [' - 12,5 ', '-12.5'],
    ['\u00a01.500.000\u00a0', '1500000'],
  ])('%j reads as %s in the admin and in a template cell', (text, value) => {
    expect(readNumber(text)).toEqual({ ok: true, value, percent: false });
    expect(importerReads(text)).toEqual({ ok: true, value, percent: false });
  });

  it('"30%" is 30 with the percent mark where a percentage is allowed, refused elsewhere', () => {
    expect(readNumber('30%', { percent: true })).toEqual({ ok: true, value: '30', percent: true });
    expect(importerReads('30%')).toEqual({ ok: true, value: '30', percent: true });
    expect(readNumber('30%', {}, 'id')).toEqual({ ok: false, message: "Tulis tanpa %: '30%'" });
    expect(readNumber('30%', {}, 'en')).toEqual({
      ok: false,
      message: "Write it without %: '30%'",
    });
  });

  it.each(['1,200.50', '1 200', '0.500.000', '12,', 'abc'])(
    'refuses %j in both paths, naming the text in Bahasa Indonesia or English',
    (text) => {
      expect(importerReads(text).ok).toBe(false);
      const id = readNumber(text, {}, 'id');
      const en = readNumber(text, {}, 'en');
      expect(id).toEqual({
        ok: false,
        message: expect.stringMatching(new RegExp(`^Angka tidak valid: '${text}' \\(contoh`)),
      });
      expect(en).toEqual({
        ok: false,
        message: expect.stringMatching(new RegExp(`^Invalid number: '${text}' \\(e\\.g\\.`)),
      });
    },
  );

  it('rupiah fields refuse negatives and sen beyond two decimals, keyed by the field', () => {
    expect(
      readNumbers(
        [
          { key: 'lines.0.amount', text: '1.250.000,50', rule: RUPIAH },
          { key: 'lines.1.amount', text: '-5.000', rule: RUPIAH },
          { key: 'lines.2.amount', text: '10,505', rule: RUPIAH },
        ],
        'id',
      ),
    ).toEqual({
      ok: false,
      errors: {
        'lines.1.amount': "Nilai tidak boleh negatif: '-5.000'",
        'lines.2.amount': "Paling banyak 2 desimal: '10,505'",
      },
    });
    expect(readNumbers([{ key: 'a', text: '1.250.000,50', rule: RUPIAH }], 'id')).toEqual({
      ok: true,
      values: { a: '1250000.5' },
    });
  });
});

describe('values are shown back exactly as stored', () => {
  it('a PK target 825,273 is shown as 825,273, never 825,27', () => {
    expect(formatNumber('825.273', 'id')).toBe('825,273');
    expect(formatNumber('825.273', 'en')).toBe('825.273');
    expect(formatNumber(readNumber('825,273').ok ? '825.273' : null, 'id')).toBe('825,273');
    expect(formatNumber('0.5', 'id')).toBe('0,5');
  });

  it('a computed value is rounded to the precision of its indicator', () => {
    const places = rowPrecision({ value: '825.273' }, ['916.96666666666666666666666666666666667']);
    expect(places).toBe(3);
    expect(formatNumber('916.96666666666666666666666666666666667', 'id', places)).toBe('916,967');
    expect(rowPrecision({ value: '32' }, ['33.3333333333333333'])).toBe(2);
  });

  it('exports carry the indicator precision, no 40-decimal cells', () => {
    const rows = parseComparisonRows([
      {
        province_code: '18',
        region_code: '18.04',
        opd_id: '18.04-DISKOP',
        indicator_code: 'IKU-1',
        catalog_code: 'K-1',
        year: 2024,
        target: '825.273',
        realization: '916.9666666666666666666666666666666666667',
        capaian: '111.1111111111111111111111111111111111111',
        capaian_display: null,
      },
    ]);
    const t = (k: MessageKey, v?: Record<string, string | number>) => translate('id', k, v);
    const { body } = exportTable(rows, { opdName: (o) => o, regionName: (r) => r }, t);
    expect(body[0]!.slice(4, 7)).toEqual(['825.273', '916.967', '111.11']);
  });
});

describe('timestamps are shown on the pemda clock', () => {
  // 01:00 WIB on 5 March = 18:00 UTC on 4 March.
  const instant = '2026-03-04T18:00:00.000Z';

  it('an event at 01:00 WIB on 5 March shows 5 March', () => {
    expect(formatDateTime(instant, 'id', 'WIB')).toBe('5 Maret 2026 01.00 WIB');
    expect(formatInstantDate(instant, 'id', 'WIB')).toBe('5 Maret 2026');
    expect(formatDateTime(Date.parse(instant), 'en', 'WIB')).toBe('5 March 2026 01.00 WIB');
  });

  it('the same instant in a WITA pemda shows 5 March 02.00', () => {
    expect(formatDateTime(instant, 'id', 'WITA')).toBe('5 Maret 2026 02.00 WITA');
  });

  it('the pemda of a page is the region of its OPD, else the user’s own scope', () => {
    const bindings = [
      { role: 'opd_operator' as const, scope: { level: 'opd' as const, code: '51.03-DISKOP' } },
    ];
    expect(pemdaCodeOf('18.04-DISKOPUKM', bindings)).toBe('18.04');
    expect(pemdaCodeOf(undefined, bindings)).toBe('51.03');
    expect(pemdaCodeOf('18', [])).toBe('18');
    expect(pemdaCodeOf(undefined, [])).toBeNull();
  });
});
