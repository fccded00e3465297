// Realisasi kinerja of one OPD indicator in one year, per period (TW1..TW4, YEAR).
//
// Workflow per period entry:
//   draft → submitted → verified_head → verified      (inspector required by the pemda)
//   draft → submitted → verified                      (head verification is final)
//   submitted | verified_head → returned (reason) → record again / submit again
//   verified → CorrectRealization → new version in draft → …
//   all recorded periods verified → LockYear → nothing changes any more.
//
// Versions: a version is frozen once it left draft. Recording on a draft replaces that draft;
// recording on a returned version, or correcting a verified one, starts the next version, so
// what the verifier saw (and what was printed from a verified value) stays visible.
import type { Decider } from '../shared/decider';
import { fail } from '../shared/errors';
import { deepEqual } from '../shared/equal';
import { isOpdId } from '../opds/opd-id';
import { requireText, requireYear } from '../budgets/checks';
import type { Formula } from '../measurement';
import type { Permission } from '../access/access';
import { checkEvidence, type Evidence } from './evidence';
import { isPeriod, periodName, PERIODS, type Period } from './periods';
import { resolveRealizationValue, type RealizationInputs } from './value';
import { requireSignAllowed, type SignedIndicator } from '../plans/sign';

export const REALIZATION_STATUSES = [
  'draft',
  'submitted',
  'verified_head',
  'verified',
  'returned',
] as const;
export type RealizationStatus = (typeof REALIZATION_STATUSES)[number];
export type VerificationLevel = 'head' | 'inspector';

const STATUS_NAME: Record<RealizationStatus, { id: string; en: string }> = {
  draft: { id: 'draf', en: 'draft' },
  submitted: { id: 'diajukan', en: 'submitted' },
  verified_head: {
    id: 'diverifikasi Kepala OPD, menunggu Inspektorat',
    en: 'verified by the OPD head, awaiting the inspectorate',
  },
  verified: { id: 'terverifikasi', en: 'verified' },
  returned: { id: 'dikembalikan', en: 'returned' },
};

export const realizationStreamId = (opdId: string, indicatorCode: string, year: number): string =>
  `real-${opdId}-${indicatorCode}-${year}`;

/** What the user enters; the application adds `formula` from the indicator in force. */
interface EntryFields {
  value: string | null;
  inputs: RealizationInputs | null;
  formula: Formula | null;
  evidence: Evidence;
  note: string | null;
  actor: string;
  /** The indicator in force, when known: a count or rupiah value is refused below 0. */
  indicator?: SignedIndicator | null;
}

export type RealizationCommand =
  | ({
      type: 'RecordRealization';
      opdId: string;
      indicatorCode: string;
      year: number;
      period: Period;
    } & EntryFields)
  | { type: 'SubmitRealization'; period: Period; actor: string }
  | {
      type: 'VerifyRealization';
      period: Period;
      level: VerificationLevel;
      inspectorRequired: boolean;
      actor: string;
    }
  | {
      type: 'ReturnRealization';
      period: Period;
      level: VerificationLevel;
      reason: string;
      actor: string;
    }
  | ({ type: 'CorrectRealization'; period: Period; reason: string } & EntryFields)
  /** requiredPeriods (optional): periods that must exist, e.g. TW1..TW4 for a quarterly indicator. */
  | { type: 'LockYear'; actor: string; requiredPeriods?: Period[] };

/** Stored content of one version. */
export interface RealizationContent {
  value: string;
  inputs: RealizationInputs | null;
  formula: Formula | null;
  evidence: Evidence;
  note: string | null;
}

export type RealizationEvent =
  | {
      type: 'RealizationRecorded';
      data: {
        opdId: string;
        indicatorCode: string;
        year: number;
        period: Period;
        version: number;
        actor: string;
      } & RealizationContent;
    }
  | { type: 'RealizationSubmitted'; data: { period: Period; version: number; actor: string } }
  | {
      type: 'RealizationVerified';
      data: {
        period: Period;
        version: number;
        level: VerificationLevel;
        status: 'verified_head' | 'verified';
        actor: string;
      };
    }
  | {
      type: 'RealizationReturned';
      data: {
        period: Period;
        version: number;
        level: VerificationLevel;
        reason: string;
        actor: string;
      };
    }
  | {
      type: 'RealizationCorrected';
      data: {
        period: Period;
        version: number;
        previousVersion: number;
        reason: string;
        actor: string;
      } & RealizationContent;
    }
  | {
      type: 'RealizationYearLocked';
      data: {
        opdId: string;
        indicatorCode: string;
        year: number;
        periods: Period[];
        actor: string;
      };
    };

export interface StatusChange {
  status: RealizationStatus;
  actor: string;
  level: VerificationLevel | null;
  /** Return or correction reason. */
  reason: string | null;
}

export interface RealizationVersion extends RealizationContent {
  version: number;
  status: RealizationStatus;
  /** Why this version replaces a verified one; null unless made by CorrectRealization. */
  correctionReason: string | null;
  /** Every status this version went through, oldest first (re-recording a draft adds a 'draft'). */
  history: StatusChange[];
}

export interface PeriodEntry {
  period: Period;
  /** Oldest first; the last one is current. */
  versions: RealizationVersion[];
}

export interface RealizationState {
  opdId: string | null;
  indicatorCode: string | null;
  year: number | null;
  entries: Partial<Record<Period, PeriodEntry>>;
  locked: boolean;
  lockedBy: string | null;
}

export const currentVersion = (
  state: RealizationState,
  period: Period,
): RealizationVersion | null => state.entries[period]?.versions.at(-1) ?? null;

/** The latest verified version: what reports use while a correction is still in progress. */
export function lastVerifiedVersion(
  state: RealizationState,
  period: Period,
): RealizationVersion | null {
  const versions = state.entries[period]?.versions ?? [];
  for (let i = versions.length - 1; i >= 0; i--)
    if (versions[i]?.status === 'verified') return versions[i] ?? null;
  return null;
}

/** Permission (access.ts) the actor needs; LockYear is a year-closing act the application authorizes. */
export function realizationPermission(command: RealizationCommand): Permission | null {
  switch (command.type) {
    case 'RecordRealization':
    case 'SubmitRealization':
    case 'CorrectRealization':
      return 'realization.submit';
    case 'VerifyRealization':
    case 'ReturnRealization':
      return command.level === 'head' ? 'realization.verify' : 'realization.inspect';
    case 'LockYear':
      return null;
  }
}

const MIN_REASON = 5;

function requirePeriod(period: unknown): Period {
  if (!isPeriod(period))
    fail(
      'invalid_period',
      `Periode "${String(period)}" tidak dikenal (${PERIODS.join(', ')})`,
      `Unknown period "${String(period)}" (${PERIODS.join(', ')})`,
      ['period'],
    );
  return period;
}

function requireReason(reason: unknown): string {
  const r = typeof reason === 'string' ? reason.trim() : '';
  if (r.length < MIN_REASON)
    fail(
      'realization_reason_required',
      `Alasan wajib diisi (paling sedikit ${MIN_REASON} karakter)`,
      `A reason is required (at least ${MIN_REASON} characters)`,
      ['reason'],
    );
  return r;
}

function requireEntry(state: RealizationState, period: Period): RealizationVersion {
  const current = currentVersion(state, period);
  if (current === null) {
    const p = periodName(period);
    fail(
      'realization_not_recorded',
      `Realisasi ${p.id} belum diisi`,
      `No realization recorded for ${p.en}`,
      ['period'],
    );
  }
  return current;
}

/** Refusal naming the current status: "… berstatus diajukan" / "… is submitted". */
function wrongStatus(
  code: string,
  period: Period,
  status: RealizationStatus,
  doId: string,
  doEn: string,
  hint: { id: string; en: string } | null = null,
): never {
  const p = periodName(period);
  const s = STATUS_NAME[status];
  return fail(
    code,
    `Realisasi ${p.id} berstatus ${s.id}, tidak dapat ${doId}${hint ? `; ${hint.id}` : ''}`,
    `The ${p.en} realization is ${s.en} and cannot be ${doEn}${hint ? `; ${hint.en}` : ''}`,
    ['period'],
  );
}

function content(command: EntryFields): RealizationContent {
  const { value, inputs } = resolveRealizationValue(command.value, command.inputs, command.formula);
  if (command.indicator)
    requireSignAllowed(command.indicator, value, inputs === null ? ['value'] : ['inputs']);
  const evidence = checkEvidence(command.evidence);
  const note =
    typeof command.note === 'string' && command.note.trim() !== '' ? command.note.trim() : null;
  // The formula is kept only when it produced the value: it documents how the number came about.
  return {
    value,
    inputs,
    formula: inputs === null ? null : (command.formula ?? null),
    evidence,
    note,
  };
}

const pickContent = ({
  value,
  inputs,
  formula,
  evidence,
  note,
}: RealizationContent): RealizationContent => ({ value, inputs, formula, evidence, note });

function sameContent(a: RealizationContent, b: RealizationContent): boolean {
  return deepEqual(pickContent(a), pickContent(b));
}

function decideRecord(
  command: Extract<RealizationCommand, { type: 'RecordRealization' }>,
  state: RealizationState,
): RealizationEvent[] {
  if (!isOpdId(command.opdId))
    fail(
      'invalid_opd_id',
      `ID OPD "${command.opdId}" tidak valid`,
      `OPD id "${command.opdId}" is invalid`,
      ['opdId'],
    );
  const indicatorCode = requireText(
    command.indicatorCode,
    ['indicatorCode'],
    'Kode indikator',
    'Indicator code',
  );
  const year = requireYear(command.year, ['year']);
  const period = requirePeriod(command.period);
  const actor = requireText(command.actor, ['actor'], 'Pengguna', 'Actor');
  // One stream per OPD, indicator and year: a command for another one is an application bug.
  if (
    state.opdId !== null &&
    (state.opdId !== command.opdId || state.indicatorCode !== indicatorCode || state.year !== year)
  ) {
    fail(
      'realization_wrong_stream',
      `Realisasi ini milik ${state.opdId} / ${state.indicatorCode} / ${state.year}`,
      `This realization belongs to ${state.opdId} / ${state.indicatorCode} / ${state.year}`,
      ['indicatorCode'],
    );
  }
  const current = currentVersion(state, period);
  if (current !== null && current.status !== 'draft' && current.status !== 'returned') {
    const hint =
      current.status === 'verified'
        ? { id: 'gunakan koreksi realisasi', en: 'use a correction' }
        : null;
    wrongStatus('realization_cannot_record', period, current.status, 'diubah', 'changed', hint);
  }
  const next = content(command);
  if (current !== null && sameContent(current, next)) return [];
  const version =
    current === null ? 1 : current.status === 'draft' ? current.version : current.version + 1;
  return [
    {
      type: 'RealizationRecorded',
      data: { opdId: command.opdId, indicatorCode, year, period, version, actor, ...next },
    },
  ];
}

function decideVerify(
  command: Extract<RealizationCommand, { type: 'VerifyRealization' }>,
  state: RealizationState,
): RealizationEvent[] {
  const period = requirePeriod(command.period);
  const actor = requireText(command.actor, ['actor'], 'Pengguna', 'Actor');
  // Answering success while writing nothing would let the inspectorate believe it signed off.
  if (command.level === 'inspector' && !command.inspectorRequired)
    fail(
      'realization_inspector_not_required',
      'Pemda ini tidak mewajibkan verifikasi Inspektorat; verifikasi Kepala OPD sudah final',
      "This pemda does not require the inspectorate's verification; the OPD head's verification is final",
      ['level'],
    );
  const current = requireEntry(state, period);
  const event = (status: 'verified_head' | 'verified'): RealizationEvent[] => [
    {
      type: 'RealizationVerified',
      data: { period, version: current.version, level: command.level, status, actor },
    },
  ];
  if (command.level === 'head') {
    if (current.status === 'submitted')
      return event(command.inspectorRequired ? 'verified_head' : 'verified');
    // The pemda dropped the inspectorate step while this entry was waiting for it.
    if (current.status === 'verified_head')
      return command.inspectorRequired ? [] : event('verified');
    if (current.status === 'verified') return [];
    return wrongStatus(
      'realization_cannot_verify',
      period,
      current.status,
      'diverifikasi',
      'verified',
      { id: 'realisasi harus diajukan dahulu', en: 'it must be submitted first' },
    );
  }
  if (current.status === 'verified_head') return event('verified');
  if (current.status === 'verified') return [];
  return wrongStatus(
    'realization_cannot_verify',
    period,
    current.status,
    'diverifikasi Inspektorat',
    'verified by the inspectorate',
    {
      id: 'menunggu verifikasi Kepala OPD',
      en: 'the OPD head must verify it first',
    },
  );
}

function decideReturn(
  command: Extract<RealizationCommand, { type: 'ReturnRealization' }>,
  state: RealizationState,
): RealizationEvent[] {
  const period = requirePeriod(command.period);
  const actor = requireText(command.actor, ['actor'], 'Pengguna', 'Actor');
  const current = requireEntry(state, period);
  // The head returns what was submitted (or takes back its own verification before the
  // inspectorate acts); the inspectorate returns only what the head verified.
  const allowed: readonly RealizationStatus[] =
    command.level === 'head' ? ['submitted', 'verified_head'] : ['verified_head'];
  if (!allowed.includes(current.status)) {
    const last = current.history.at(-1);
    if (
      current.status === 'returned' &&
      last?.reason === command.reason?.trim() &&
      last?.level === command.level
    )
      return [];
    wrongStatus('realization_cannot_return', period, current.status, 'dikembalikan', 'returned');
  }
  const reason = requireReason(command.reason);
  return [
    {
      type: 'RealizationReturned',
      data: { period, version: current.version, level: command.level, reason, actor },
    },
  ];
}

function decideCorrect(
  command: Extract<RealizationCommand, { type: 'CorrectRealization' }>,
  state: RealizationState,
): RealizationEvent[] {
  const period = requirePeriod(command.period);
  const actor = requireText(command.actor, ['actor'], 'Pengguna', 'Actor');
  const current = requireEntry(state, period);
  if (current.status !== 'verified') {
    const hint =
      current.status === 'draft' || current.status === 'returned'
        ? { id: 'ubah dengan mengisi realisasi', en: 'record it instead' }
        : null;
    wrongStatus(
      'realization_cannot_correct',
      period,
      current.status,
      'dikoreksi',
      'corrected',
      hint,
    );
  }
  const reason = requireReason(command.reason);
  const next = content(command);
  if (sameContent(current, next)) return [];
  return [
    {
      type: 'RealizationCorrected',
      data: {
        period,
        version: current.version + 1,
        previousVersion: current.version,
        reason,
        actor,
        ...next,
      },
    },
  ];
}

function decideLock(
  command: Extract<RealizationCommand, { type: 'LockYear' }>,
  state: RealizationState,
): RealizationEvent[] {
  const actor = requireText(command.actor, ['actor'], 'Pengguna', 'Actor');
  const recorded = PERIODS.filter((p) => state.entries[p] !== undefined);
  for (const p of command.requiredPeriods ?? []) {
    if (!recorded.includes(p))
      fail(
        'realization_period_missing',
        `Realisasi ${periodName(p).id} belum diisi; tahun tidak dapat dikunci`,
        `No ${periodName(p).en} realization; the year cannot be locked`,
        ['periods', p],
      );
  }
  if (
    recorded.length === 0 ||
    state.opdId === null ||
    state.indicatorCode === null ||
    state.year === null
  ) {
    fail(
      'realization_nothing_to_lock',
      'Belum ada realisasi; tahun tidak dapat dikunci',
      'No realization recorded; the year cannot be locked',
      ['periods'],
    );
  }
  for (const p of recorded) {
    const v = currentVersion(state, p);
    if (v !== null && v.status !== 'verified') {
      fail(
        'realization_not_verified',
        `Realisasi ${periodName(p).id} berstatus ${STATUS_NAME[v.status].id}; semua periode harus terverifikasi sebelum tahun dikunci`,
        `The ${periodName(p).en} realization is ${STATUS_NAME[v.status].en}; every period must be verified before the year is locked`,
        ['periods', p],
      );
    }
  }
  return [
    {
      type: 'RealizationYearLocked',
      data: {
        opdId: state.opdId,
        indicatorCode: state.indicatorCode,
        year: state.year,
        periods: recorded,
        actor,
      },
    },
  ];
}

/** Applies a status change to the current version of a period. */
function withStatus(
  state: RealizationState,
  period: Period,
  change: StatusChange,
): RealizationState {
  const entry = state.entries[period];
  if (!entry) return state;
  const versions = entry.versions.map((v, i) =>
    i === entry.versions.length - 1
      ? { ...v, status: change.status, history: [...v.history, change] }
      : v,
  );
  return { ...state, entries: { ...state.entries, [period]: { ...entry, versions } } };
}

function withVersion(
  state: RealizationState,
  period: Period,
  version: RealizationVersion,
): RealizationState {
  const previous = state.entries[period]?.versions ?? [];
  const versions = [...previous.filter((v) => v.version !== version.version), version];
  return { ...state, entries: { ...state.entries, [period]: { period, versions } } };
}

export const realizationDecider: Decider<RealizationCommand, RealizationEvent, RealizationState> = {
  initialState: {
    opdId: null,
    indicatorCode: null,
    year: null,
    entries: {},
    locked: false,
    lockedBy: null,
  },

  decide(command, state) {
    if (state.locked) {
      if (command.type === 'LockYear') return [];
      fail(
        'realization_year_locked',
        `Tahun ${state.year} sudah dikunci; realisasi tidak dapat diubah`,
        `Year ${state.year} is locked; realizations can no longer change`,
        ['year'],
      );
    }
    switch (command.type) {
      case 'RecordRealization':
        return decideRecord(command, state);
      case 'SubmitRealization': {
        const period = requirePeriod(command.period);
        const actor = requireText(command.actor, ['actor'], 'Pengguna', 'Actor');
        const current = requireEntry(state, period);
        if (current.status === 'submitted') return [];
        if (current.status !== 'draft' && current.status !== 'returned')
          wrongStatus('realization_cannot_submit', period, current.status, 'diajukan', 'submitted');
        return [
          { type: 'RealizationSubmitted', data: { period, version: current.version, actor } },
        ];
      }
      case 'VerifyRealization':
        return decideVerify(command, state);
      case 'ReturnRealization':
        return decideReturn(command, state);
      case 'CorrectRealization':
        return decideCorrect(command, state);
      case 'LockYear':
        return decideLock(command, state);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'RealizationRecorded': {
        const {
          opdId,
          indicatorCode,
          year,
          period,
          version,
          actor,
          value,
          inputs,
          formula,
          evidence,
          note,
        } = event.data;
        const before = state.entries[period]?.versions.find((v) => v.version === version);
        const next: RealizationVersion = {
          version,
          value,
          inputs,
          formula,
          evidence,
          note,
          status: 'draft',
          // Re-recording a correction draft keeps why the correction was made.
          correctionReason: before?.correctionReason ?? null,
          history: [
            ...(before?.history ?? []),
            { status: 'draft', actor, level: null, reason: null },
          ],
        };
        return { ...withVersion(state, period, next), opdId, indicatorCode, year };
      }
      case 'RealizationSubmitted':
        return withStatus(state, event.data.period, {
          status: 'submitted',
          actor: event.data.actor,
          level: null,
          reason: null,
        });
      case 'RealizationVerified':
        return withStatus(state, event.data.period, {
          status: event.data.status,
          actor: event.data.actor,
          level: event.data.level,
          reason: null,
        });
      case 'RealizationReturned':
        return withStatus(state, event.data.period, {
          status: 'returned',
          actor: event.data.actor,
          level: event.data.level,
          reason: event.data.reason,
        });
      case 'RealizationCorrected': {
        const { period, version, reason, actor, value, inputs, formula, evidence, note } =
          event.data;
        const next: RealizationVersion = {
          version,
          value,
          inputs,
          formula,
          evidence,
          note,
          status: 'draft',
          correctionReason: reason,
          history: [{ status: 'draft', actor, level: null, reason }],
        };
        return withVersion(state, period, next);
      }
      case 'RealizationYearLocked':
        return { ...state, locked: true, lockedBy: event.data.actor };
    }
  },
};
