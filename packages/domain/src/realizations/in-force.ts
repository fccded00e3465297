// Which realization value counts. Signed reads (the LKjIP, capaian and predikat, cross-OPD
// rankings) use the last verified version of a period; a newer version that is not verified
// yet (a draft, a submission, a head verification waiting for the Inspektorat, a returned
// entry, or a correction of a verified value) may be shown beside it, always marked as not
// verified. A correction therefore never replaces a verified value until it is verified itself.
import { PERIODS, type Period } from './periods';
import {
  currentVersion,
  lastVerifiedVersion,
  type RealizationState,
  type RealizationStatus,
} from './realization.decider';

export type UnverifiedStatus = Exclude<RealizationStatus, 'verified'>;

/** The words screens and documents put next to a value that is not verified yet. */
export const UNVERIFIED_MARK = { id: 'belum diverifikasi', en: 'not verified' } as const;

export interface VerifiedValue {
  version: number;
  value: string;
}

export interface UnverifiedValue {
  version: number;
  value: string;
  status: UnverifiedStatus;
}

export interface RealizationInForce {
  period: Period;
  /** The last verified version: the value in force. */
  verified: VerifiedValue | null;
  /** The newest version when it is not verified; null when the newest one is the verified one. */
  unverified: UnverifiedValue | null;
}

/** The value in force of a period and what waits for verification; null when nothing was recorded. */
export function realizationInForce(
  state: RealizationState,
  period: Period,
): RealizationInForce | null {
  const current = currentVersion(state, period);
  if (current === null) return null;
  const verified = lastVerifiedVersion(state, period);
  return {
    period,
    verified: verified ? { version: verified.version, value: verified.value } : null,
    unverified:
      current.status === 'verified'
        ? null
        : { version: current.version, value: current.value, status: current.status },
  };
}

export interface StreamInForce {
  /** Verified value per period: what capaian is computed from. */
  verified: Partial<Record<Period, string>>;
  /** Newest unverified version per period, to show marked "belum diverifikasi". */
  unverified: Partial<Record<Period, UnverifiedValue>>;
  /** How many periods have a version waiting for verification. */
  pending: number;
}

/** Every period of a realization stream split into the verified values and the pending ones. */
export function streamInForce(state: RealizationState): StreamInForce {
  const out: StreamInForce = { verified: {}, unverified: {}, pending: 0 };
  for (const p of PERIODS) {
    const entry = realizationInForce(state, p);
    if (entry === null) continue;
    if (entry.verified) out.verified[p] = entry.verified.value;
    if (entry.unverified) {
      out.unverified[p] = entry.unverified;
      out.pending += 1;
    }
  }
  return out;
}
