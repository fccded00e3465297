// Perjanjian Kinerja (PK): the yearly performance agreement between two officials. 'KADIS'
// is the OPD head with the head of region; other position codes cascade down (Kepala Dinas
// with each Kepala Bidang, …). A PK is signed once and then changed only by a PK Perubahan,
// which restates the full set of targets and budgets; every revision stays in the history.
import type { Decider } from '../shared/decider';
import { fail } from '../shared/errors';
import { isOpdId } from '../opds/opd-id';
import { isCanonicalDecimal, tryDecimal, type Polarity } from '../measurement';
import { requireSignAllowed, type SignedIndicator } from '../plans/sign';
import {
  moneyText,
  requireIsoDate,
  requireMoney,
  requireText,
  requireYear,
  sameDecimal,
} from '../budgets/checks';

export interface PkParty {
  name: string;
  /** 18-digit NIP; null for officials without one (e.g. an elected bupati). */
  nip: string | null;
  position: string;
}

export interface PkTargetInput {
  indicatorCode: string;
  /** Canonical decimal text, or null for a qualitative target carried in `text`. */
  value: string | null;
  /** Range polarity: the band's bounds (canonical decimals). */
  min?: string | null;
  max?: string | null;
  unit?: string | null;
  text?: string | null;
}
export interface PkTarget {
  indicatorCode: string;
  value: string | null;
  /** Present only for range polarity indicators (PKs signed before had no band). */
  min?: string | null;
  max?: string | null;
  unit: string | null;
  text: string | null;
}
export interface PkBudget {
  programCode: string;
  /** Rupiah, canonical decimal text. */
  amount: string;
}

/** What a PK needs to know of an indicator: its polarity (range needs a band) and its sign. */
export type PkIndicatorRule = SignedIndicator & { polarity: Polarity };

/** Filled by the application from the Renstra in force. */
export interface PkKnown {
  indicatorCodes: readonly string[];
  /** The indicators in force by code; when given, range bands and signs are checked. */
  indicators?: Readonly<Record<string, PkIndicatorRule>>;
  programCodes: readonly string[];
  periodStart: number;
  periodEnd: number;
}

export type PkCommand =
  | {
      type: 'SignPk';
      opdId: string;
      year: number;
      positionCode: string;
      firstParty: PkParty;
      secondParty: PkParty;
      date: string;
      targets: PkTargetInput[];
      budgets: PkBudget[];
      known: PkKnown;
    }
  | {
      type: 'RevisePk';
      reason: string;
      date: string;
      targets: PkTargetInput[];
      budgets: PkBudget[];
      known: PkKnown;
    };

export interface PkRevision {
  /** 0 is the signed PK; 1, 2, … are PK Perubahan. */
  revision: number;
  date: string;
  reason: string | null;
  targets: PkTarget[];
  budgets: PkBudget[];
}

export type PkEvent =
  | {
      type: 'PkSigned';
      data: {
        opdId: string;
        year: number;
        positionCode: string;
        firstParty: PkParty;
        secondParty: PkParty;
        revision: 0;
        date: string;
        targets: PkTarget[];
        budgets: PkBudget[];
      };
    }
  | {
      type: 'PkRevised';
      data: {
        opdId: string;
        year: number;
        positionCode: string;
        revision: number;
        reason: string;
        date: string;
        targets: PkTarget[];
        budgets: PkBudget[];
      };
    };

export interface PkState {
  status: 'none' | 'signed';
  opdId: string;
  year: number;
  positionCode: string;
  firstParty: PkParty | null;
  secondParty: PkParty | null;
  /** Every revision, oldest first; the last one is in force. */
  revisions: PkRevision[];
}

export const pkStreamId = (opdId: string, year: number, positionCode: string): string =>
  `pk-${opdId}-${year}-${positionCode}`;

/** The revision in force, or null before signing. */
export const currentPk = (state: PkState): PkRevision | null => state.revisions.at(-1) ?? null;

const POSITION_CODE = /^[A-Z0-9][A-Z0-9_-]{1,39}$/;
const MIN_REASON = 5;

function checkParty(p: PkParty, field: 'firstParty' | 'secondParty'): PkParty {
  const name = requireText(p?.name, [field, 'name'], 'Nama penanda tangan', 'Signatory name');
  const position = requireText(
    p?.position,
    [field, 'position'],
    'Jabatan penanda tangan',
    'Signatory position',
  );
  let nip: string | null = null;
  if (p.nip !== null && p.nip !== undefined && p.nip.trim() !== '') {
    // NIPs are often written grouped ("19700101 199003 1 004"); store the 18 digits.
    nip = p.nip.replace(/\s+/g, '');
    if (!/^\d{18}$/.test(nip))
      fail('invalid_nip', `NIP "${p.nip}" harus 18 angka`, `NIP "${p.nip}" must be 18 digits`, [
        field,
        'nip',
      ]);
  }
  return { name, nip, position };
}

function checkYear(year: number, known: PkKnown): void {
  if (year < known.periodStart || year > known.periodEnd) {
    fail(
      'pk_year_outside_period',
      `Tahun ${year} di luar periode Renstra ${known.periodStart}–${known.periodEnd}`,
      `Year ${year} is outside the Renstra period ${known.periodStart}–${known.periodEnd}`,
      ['year'],
    );
  }
}

function checkTargets(targets: readonly PkTargetInput[], known: PkKnown): PkTarget[] {
  if (!Array.isArray(targets) || targets.length === 0) {
    fail(
      'pk_no_targets',
      'PK harus memuat paling sedikit satu target indikator',
      'A PK needs at least one indicator target',
      ['targets'],
    );
  }
  const codes = new Set(known.indicatorCodes);
  const seen = new Set<string>();
  return targets.map((t, i) => {
    const code = requireText(
      t.indicatorCode,
      ['targets', i, 'indicatorCode'],
      'Kode indikator',
      'Indicator code',
    );
    if (!codes.has(code)) {
      fail(
        'pk_unknown_indicator',
        `Indikator ${code} tidak ada dalam Renstra yang berlaku`,
        `Indicator ${code} is not in the Renstra in force`,
        ['targets', i, 'indicatorCode'],
      );
    }
    if (seen.has(code))
      fail(
        'pk_duplicate_indicator',
        `Indikator ${code} tercantum lebih dari sekali`,
        `Indicator ${code} is listed more than once`,
        ['targets', i, 'indicatorCode'],
      );
    seen.add(code);
    const at = (f: string) => ['targets', i, f];
    const value = decimalOrNull(t.value, at('value'));
    const min = decimalOrNull(t.min, at('min'));
    const max = decimalOrNull(t.max, at('max'));
    const text = t.text?.trim() || null;
    const rule = known.indicators?.[code];
    if (value === null && text === null && min === null && max === null) {
      fail(
        'pk_target_empty',
        `Target indikator ${code} belum diisi (angka atau uraian)`,
        `Indicator ${code} has no target (number or text)`,
        at(rule?.polarity === 'range' ? 'min' : 'value'),
      );
    }
    if (rule) {
      checkBand(code, rule.polarity, { min, max, text }, i);
      requireSignAllowed(rule, value, at('value'));
      requireSignAllowed(rule, min, at('min'));
      requireSignAllowed(rule, max, at('max'));
    }
    const band = min === null && max === null ? {} : { min, max };
    return { indicatorCode: code, value, ...band, unit: t.unit?.trim() || null, text };
  });
}

function decimalOrNull(raw: string | null | undefined, path: (string | number)[]): string | null {
  const value = raw === null || raw === undefined ? null : raw.trim();
  if (value === null || value === '') return null;
  if (!isCanonicalDecimal(value)) {
    fail(
      'pk_invalid_target_value',
      `Target "${value}" bukan angka desimal (gunakan titik, contoh 32.5)`,
      `Target "${value}" is not a decimal (use a point, e.g. 32.5)`,
      path,
    );
  }
  return value;
}

/** A range indicator's PK target is a band min ≤ max (or a text); others carry no band. */
function checkBand(
  code: string,
  polarity: Polarity,
  t: { min: string | null; max: string | null; text: string | null },
  i: number,
): void {
  if (polarity !== 'range') {
    if (t.min !== null || t.max !== null)
      fail(
        'pk_band_not_range',
        `Indikator ${code} bukan indikator rentang; isi satu angka target, bukan batas bawah/atas`,
        `Indicator ${code} is not a range indicator; give one target value, not a min/max band`,
        ['targets', i, t.min !== null ? 'min' : 'max'],
      );
    return;
  }
  if (t.text !== null && t.min === null && t.max === null) return;
  for (const [f, v] of [
    ['min', t.min],
    ['max', t.max],
  ] as const)
    if (v === null)
      fail(
        'pk_range_bound_missing',
        `Indikator rentang ${code} memerlukan batas ${f === 'min' ? 'bawah' : 'atas'} target`,
        `Range indicator ${code} needs the target's ${f === 'min' ? 'minimum' : 'maximum'}`,
        ['targets', i, f],
      );
  if (tryDecimal(t.min)!.gt(tryDecimal(t.max)!))
    fail(
      'pk_range_inverted',
      `Batas bawah ${t.min} lebih besar dari batas atas ${t.max} (indikator ${code})`,
      `Minimum ${t.min} is above maximum ${t.max} (indicator ${code})`,
      ['targets', i, 'min'],
    );
}

function checkBudgets(budgets: readonly PkBudget[], known: PkKnown): PkBudget[] {
  const codes = new Set(known.programCodes);
  const seen = new Set<string>();
  return (budgets ?? []).map((b, i) => {
    const code = requireText(
      b.programCode,
      ['budgets', i, 'programCode'],
      'Kode program',
      'Program code',
    );
    if (!codes.has(code)) {
      fail(
        'pk_unknown_program',
        `Program ${code} tidak ada dalam Renstra yang berlaku`,
        `Program ${code} is not in the Renstra in force`,
        ['budgets', i, 'programCode'],
      );
    }
    if (seen.has(code))
      fail(
        'pk_duplicate_program',
        `Program ${code} tercantum lebih dari sekali`,
        `Program ${code} is listed more than once`,
        ['budgets', i, 'programCode'],
      );
    seen.add(code);
    requireMoney(b.amount, ['budgets', i, 'amount']);
    return { programCode: code, amount: moneyText(b.amount) };
  });
}

/** Same targets and budgets, order ignored, numbers compared as numbers ("30" = "30.00"). */
function sameContent(
  a: Pick<PkRevision, 'targets' | 'budgets'>,
  b: Pick<PkRevision, 'targets' | 'budgets'>,
): boolean {
  if (a.targets.length !== b.targets.length || a.budgets.length !== b.budgets.length) return false;
  const targets = new Map(b.targets.map((t) => [t.indicatorCode, t]));
  const budgets = new Map(b.budgets.map((x) => [x.programCode, x.amount]));
  return (
    a.targets.every((t) => {
      const o = targets.get(t.indicatorCode);
      return (
        o !== undefined &&
        sameDecimal(t.value, o.value) &&
        sameDecimal(t.min ?? null, o.min ?? null) &&
        sameDecimal(t.max ?? null, o.max ?? null) &&
        t.unit === o.unit &&
        t.text === o.text
      );
    }) &&
    a.budgets.every((x) => {
      const o = budgets.get(x.programCode);
      return o !== undefined && sameDecimal(x.amount, o);
    })
  );
}

export const pkDecider: Decider<PkCommand, PkEvent, PkState> = {
  initialState: {
    status: 'none',
    opdId: '',
    year: 0,
    positionCode: '',
    firstParty: null,
    secondParty: null,
    revisions: [],
  },

  decide(command, state) {
    switch (command.type) {
      case 'SignPk': {
        if (!isOpdId(command.opdId))
          fail(
            'invalid_opd_id',
            `ID OPD "${command.opdId}" tidak valid`,
            `OPD id "${command.opdId}" is invalid`,
            ['opdId'],
          );
        const year = requireYear(command.year, ['year']);
        if (!POSITION_CODE.test(command.positionCode)) {
          fail(
            'invalid_position_code',
            `Kode jabatan "${command.positionCode}" tidak valid (contoh: KADIS)`,
            `Position code "${command.positionCode}" is invalid (e.g. KADIS)`,
            ['positionCode'],
          );
        }
        checkYear(year, command.known);
        const firstParty = checkParty(command.firstParty, 'firstParty');
        const secondParty = checkParty(command.secondParty, 'secondParty');
        const date = requireIsoDate(command.date, ['date']);
        const targets = checkTargets(command.targets, command.known);
        const budgets = checkBudgets(command.budgets, command.known);
        if (state.status === 'signed') {
          const original = state.revisions[0];
          // Re-importing the same signed PK changes nothing; anything else is a PK Perubahan.
          if (original && original.date === date && sameContent(original, { targets, budgets }))
            return [];
          fail(
            'pk_already_signed',
            'PK sudah ditandatangani; gunakan PK Perubahan untuk mengubahnya',
            'The PK is already signed; revise it with a PK Perubahan',
            ['type'],
          );
        }
        return [
          {
            type: 'PkSigned',
            data: {
              opdId: command.opdId,
              year,
              positionCode: command.positionCode,
              firstParty,
              secondParty,
              revision: 0,
              date,
              targets,
              budgets,
            },
          },
        ];
      }
      case 'RevisePk': {
        if (state.status === 'none')
          fail(
            'pk_not_signed',
            'PK belum ditandatangani, tidak dapat diubah',
            'The PK was never signed, so it cannot be revised',
            ['type'],
          );
        const current = currentPk(state);
        const reason = typeof command.reason === 'string' ? command.reason.trim() : '';
        if (reason.length < MIN_REASON) {
          fail(
            'pk_reason_required',
            `Alasan perubahan PK wajib diisi (paling sedikit ${MIN_REASON} karakter)`,
            `A reason for the PK revision is required (at least ${MIN_REASON} characters)`,
            ['reason'],
          );
        }
        checkYear(state.year, command.known);
        const date = requireIsoDate(command.date, ['date']);
        const targets = checkTargets(command.targets, command.known);
        const budgets = checkBudgets(command.budgets, command.known);
        // A revision identical to the one in force changes nothing (covers re-imports).
        if (current && sameContent(current, { targets, budgets })) return [];
        return [
          {
            type: 'PkRevised',
            data: {
              opdId: state.opdId,
              year: state.year,
              positionCode: state.positionCode,
              revision: state.revisions.length,
              reason,
              date,
              targets,
              budgets,
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'PkSigned': {
        const d = event.data;
        return {
          status: 'signed',
          opdId: d.opdId,
          year: d.year,
          positionCode: d.positionCode,
          firstParty: d.firstParty,
          secondParty: d.secondParty,
          revisions: [
            { revision: 0, date: d.date, reason: null, targets: d.targets, budgets: d.budgets },
          ],
        };
      }
      case 'PkRevised': {
        const d = event.data;
        return {
          ...state,
          revisions: [
            ...state.revisions,
            {
              revision: d.revision,
              date: d.date,
              reason: d.reason,
              targets: d.targets,
              budgets: d.budgets,
            },
          ],
        };
      }
    }
  },
};
