// Analisis capaian per sasaran strategis and year: the LKjIP's faktor pendukung, faktor
// penghambat and solusi. Free text, versioned so an edit after review stays traceable.
import type { Decider } from '../shared/decider';
import { fail } from '../shared/errors';
import { isOpdId } from '../opds/opd-id';
import { requireText, requireYear } from '../budgets/checks';

export const NARRATIVE_MAX_CHARS = 10_000;
export const NARRATIVE_FIELDS = ['faktorPendukung', 'faktorPenghambat', 'solusi'] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

export interface NarrativeText {
  faktorPendukung: string;
  faktorPenghambat: string;
  solusi: string;
}

export type NarrativeCommand = {
  type: 'RecordNarrative';
  opdId: string;
  sasaranCode: string;
  year: number;
  actor: string;
} & NarrativeText;

export type NarrativeEvent = {
  type: 'NarrativeRecorded';
  data: {
    opdId: string;
    sasaranCode: string;
    year: number;
    version: number;
    actor: string;
  } & NarrativeText;
};

export interface NarrativeVersion extends NarrativeText {
  version: number;
  actor: string;
}

export interface NarrativeState {
  opdId: string | null;
  sasaranCode: string | null;
  year: number | null;
  /** Oldest first; the last one is current. */
  versions: NarrativeVersion[];
}

export const narrativeStreamId = (opdId: string, sasaranCode: string, year: number): string =>
  `narr-${opdId}-${sasaranCode}-${year}`;

export const currentNarrative = (state: NarrativeState): NarrativeVersion | null =>
  state.versions.at(-1) ?? null;

const LABEL: Record<NarrativeField, { id: string; en: string }> = {
  faktorPendukung: { id: 'Faktor pendukung', en: 'Supporting factors' },
  faktorPenghambat: { id: 'Faktor penghambat', en: 'Inhibiting factors' },
  solusi: { id: 'Solusi', en: 'Solutions' },
};

function checkText(command: NarrativeCommand): NarrativeText {
  const out: NarrativeText = { faktorPendukung: '', faktorPenghambat: '', solusi: '' };
  for (const field of NARRATIVE_FIELDS) {
    const raw = command[field];
    const text = typeof raw === 'string' ? raw.trim() : '';
    // Counted in characters (code points), as the user sees them, not UTF-16 units.
    const length = [...text].length;
    if (length > NARRATIVE_MAX_CHARS) {
      fail(
        'narrative_too_long',
        `${LABEL[field].id} terlalu panjang: ${length} karakter (maksimal ${NARRATIVE_MAX_CHARS})`,
        `${LABEL[field].en} is too long: ${length} characters (at most ${NARRATIVE_MAX_CHARS})`,
        [field],
      );
    }
    out[field] = text;
  }
  if (NARRATIVE_FIELDS.every((f) => out[f] === '')) {
    fail(
      'narrative_empty',
      'Isi paling sedikit satu: faktor pendukung, faktor penghambat atau solusi',
      'Fill in at least one of supporting factors, inhibiting factors or solutions',
      ['faktorPendukung'],
    );
  }
  return out;
}

export const narrativeDecider: Decider<NarrativeCommand, NarrativeEvent, NarrativeState> = {
  initialState: { opdId: null, sasaranCode: null, year: null, versions: [] },

  decide(command, state) {
    if (!isOpdId(command.opdId))
      fail(
        'invalid_opd_id',
        `ID OPD "${command.opdId}" tidak valid`,
        `OPD id "${command.opdId}" is invalid`,
        ['opdId'],
      );
    const sasaranCode = requireText(
      command.sasaranCode,
      ['sasaranCode'],
      'Kode sasaran',
      'Sasaran code',
    );
    const year = requireYear(command.year, ['year']);
    const actor = requireText(command.actor, ['actor'], 'Pengguna', 'Actor');
    if (
      state.opdId !== null &&
      (state.opdId !== command.opdId || state.sasaranCode !== sasaranCode || state.year !== year)
    ) {
      fail(
        'narrative_wrong_stream',
        `Narasi ini milik ${state.opdId} / ${state.sasaranCode} / ${state.year}`,
        `This narrative belongs to ${state.opdId} / ${state.sasaranCode} / ${state.year}`,
        ['sasaranCode'],
      );
    }
    const text = checkText(command);
    const current = currentNarrative(state);
    if (current && NARRATIVE_FIELDS.every((f) => current[f] === text[f])) return [];
    return [
      {
        type: 'NarrativeRecorded',
        data: {
          opdId: command.opdId,
          sasaranCode,
          year,
          version: state.versions.length + 1,
          actor,
          ...text,
        },
      },
    ];
  },

  evolve(state, event) {
    const { opdId, sasaranCode, year, version, actor, faktorPendukung, faktorPenghambat, solusi } =
      event.data;
    return {
      opdId,
      sasaranCode,
      year,
      versions: [...state.versions, { version, actor, faktorPendukung, faktorPenghambat, solusi }],
    };
  },
};
