// Finalising a report: the date, place and signer printed on it are chosen by the person who
// finalises it. Place and signer default to the decree's seat and the OPD head from the year's
// PK; the date has no default (never the date of the last event).
import { createHash } from 'node:crypto';
import { DomainError } from '@sakip/domain';
import type { LkjipData, ReportFinalisation, ReportSigner } from './data';

export interface FinalisationInput {
  /** ISO date (YYYY-MM-DD) printed on the report. */
  date: string;
  place?: string | undefined;
  signer?: { name: string; nip?: string | null | undefined; position: string } | undefined;
}

/** A finalisation the user typed wrong; a DomainError, so the API answers BAD_REQUEST naming the field. */
export class ReportInputError extends DomainError {
  constructor(field: string, id: string, en: string) {
    super('invalid_finalisation', `${field}: ${id}`, `${field}: ${en}`, field.split('.'));
    this.name = 'ReportInputError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** Checks what the user typed; throws ReportInputError naming the field. */
export function checkFinalisation(input: FinalisationInput): FinalisationInput {
  if (!isIsoDate(input.date))
    throw new ReportInputError(
      'finalise.date',
      `tanggal harus berbentuk TTTT-BB-HH, mis. 2025-02-14 (tertulis '${input.date}')`,
      `the date must be YYYY-MM-DD, e.g. 2025-02-14 (got '${input.date}')`,
    );
  if (input.place !== undefined && !input.place.trim())
    throw new ReportInputError('finalise.place', 'tempat kosong', 'the place is empty');
  if (input.signer) {
    if (!input.signer.name.trim())
      throw new ReportInputError(
        'finalise.signer.name',
        'nama penandatangan kosong',
        'the signer name is empty',
      );
    if (!input.signer.position.trim())
      throw new ReportInputError(
        'finalise.signer.position',
        'jabatan penandatangan kosong',
        'the signer position is empty',
      );
    const nip = input.signer.nip?.replace(/\s+/g, '') ?? '';
    if (nip && !/^\d{18}$/.test(nip))
      throw new ReportInputError(
        'finalise.signer.nip',
        `NIP harus 18 angka (tertulis '${input.signer.nip}')`,
        `the NIP must be 18 digits (got '${input.signer.nip}')`,
      );
  }
  return input;
}

/** The finalisation printed: the user's choice, the defaults for what was left out. */
export function resolveFinalisation(
  data: Pick<LkjipData, 'head' | 'place' | 'region' | 'subjectName'>,
  input: FinalisationInput,
): ReportFinalisation {
  checkFinalisation(input);
  const signer: ReportSigner | null = input.signer
    ? {
        name: input.signer.name.trim(),
        nip: input.signer.nip?.replace(/\s+/g, '') || null,
        position: input.signer.position.trim(),
      }
    : data.head;
  if (!signer?.name)
    throw new ReportInputError(
      'finalise.signer',
      `penandatangan belum diketahui: PK tahun ini belum dicatat untuk ${data.subjectName}; isi nama dan jabatan penandatangan`,
      `the signer is unknown (no PK recorded this year for ${data.subjectName}): give the signer's name and position`,
    );
  return {
    date: input.date,
    place: input.place?.trim() || data.place || data.region.name,
    signer,
  };
}

/** A short stable key of a finalisation input, part of the job id. */
export function finalisationKey(input: FinalisationInput | undefined): string {
  if (!input) return '';
  const canonical = JSON.stringify([
    input.date,
    input.place?.trim() ?? null,
    input.signer
      ? [input.signer.name.trim(), input.signer.nip ?? null, input.signer.position.trim()]
      : null,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}
