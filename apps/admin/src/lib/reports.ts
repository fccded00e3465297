// Pure helpers of the LKjIP reports page (download, job states, sizes): unit-tested.
import { formatNumber } from './format';
import { pickBilingual, translate, type Lang, type MessageKey } from './i18n';

/** BullMQ job states, grouped the way the page shows them. */
export type JobPhase = 'queued' | 'active' | 'completed' | 'failed';

export function jobPhase(state: string): JobPhase {
  switch (state) {
    case 'active':
      return 'active';
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    // waiting, delayed (backoff before a retry), prioritized, waiting-children, unknown …
    default:
      return 'queued';
  }
}

/** Badge class per phase: text + colour, never colour alone. */
export const PHASE_CLASS: Record<JobPhase, string> = {
  queued: 'badge st-submitted',
  active: 'badge st-draft',
  completed: 'badge st-verified',
  failed: 'badge st-returned',
};

/** True while some job may still change state (the page polls meanwhile). */
export const hasPendingJobs = (jobs: readonly { state: string }[]): boolean =>
  jobs.some((j) => ['queued', 'active'].includes(jobPhase(j.state)));

/** The i18n key of a state (the raw BullMQ state is shown too when it is not a plain one). */
export function stateKey(state: string): MessageKey {
  switch (state) {
    case 'waiting':
    case 'prioritized':
    case 'waiting-children':
      return 'rep.state.waiting';
    case 'delayed':
      return 'rep.state.delayed';
    case 'active':
      return 'rep.state.active';
    case 'completed':
      return 'rep.state.completed';
    case 'failed':
      return 'rep.state.failed';
    default:
      return 'rep.state.unknown';
  }
}

/** "1536" → "1,5 KB"; 1024-based, one decimal. */
export function formatBytes(size: number | null | undefined, lang: Lang = 'id'): string {
  if (size === null || size === undefined || !Number.isFinite(size)) return '–';
  if (size < 1024) return `${formatNumber(String(size), lang, 0)} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = size / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${formatNumber(v.toFixed(1), lang, 1)} ${units[u]}`;
}

/** The file name in `content-disposition` (plain or RFC 5987 `filename*`), or null. */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      /* fall through to the plain parameter */
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  // Never let a header choose a path.
  return name ? name.replace(/[/\\]/g, '_') : null;
}

/** Lower-case hex of bytes. */
export const toHex = (buf: ArrayBuffer): string =>
  [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

export class DownloadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** What the page says for a failed download (the API's bilingual message when it sent one). */
export function downloadErrorMessage(status: number, body: string, lang: Lang): string {
  let server = '';
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === 'string') server = pickBilingual(lang, parsed.message);
  } catch {
    /* not JSON: use our own text */
  }
  const own =
    status === 401
      ? 'err.unauthorized'
      : status === 403
        ? 'err.forbidden'
        : status === 404
          ? 'rep.notFound'
          : status === 502
            ? 'err.network'
            : 'err.generic';
  return server && status !== 403
    ? server
    : `${translate(lang, own)}${server ? ` — ${server}` : ''}`;
}

export interface FetchedReport {
  blob: Blob;
  fileName: string;
  sha256: string | null;
  /** null when the browser cannot hash (no SubtleCrypto outside secure contexts). */
  verified: boolean | null;
}

/**
 * GET /reports/:id with the bearer token; checks the bytes against the recorded sha256 when
 * the browser can hash. Throws DownloadError with the message to show.
 */
export async function fetchReport(
  id: string,
  token: string | null,
  expectedSha: string | null,
  fallbackName: string,
  lang: Lang,
  fetchImpl: typeof fetch = fetch,
): Promise<FetchedReport> {
  let res: Response;
  try {
    res = await fetchImpl(`/reports/${encodeURIComponent(id)}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new DownloadError(0, translate(lang, 'err.network'));
  }
  if (!res.ok)
    throw new DownloadError(
      res.status,
      downloadErrorMessage(res.status, await res.text().catch(() => ''), lang),
    );
  const buf = await res.arrayBuffer();
  const sha256 = res.headers.get('x-content-sha256') || expectedSha;
  let verified: boolean | null = null;
  const subtle = globalThis.crypto?.subtle;
  if (subtle && sha256) {
    const actual = toHex(await subtle.digest('SHA-256', buf));
    verified =
      actual === sha256.toLowerCase() && (!expectedSha || actual === expectedSha.toLowerCase());
    if (!verified)
      throw new DownloadError(
        res.status,
        translate(lang, 'rep.shaMismatch', {
          expected: (expectedSha ?? sha256).slice(0, 12),
          actual: actual.slice(0, 12),
        }),
      );
  }
  const type = res.headers.get('content-type') ?? 'application/octet-stream';
  return {
    blob: new Blob([buf], { type }),
    fileName: fileNameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName,
    sha256,
    verified,
  };
}

/** Saves a Blob through a temporary link (the way the comparison exports do). */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Chromium; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What the finalise form holds (all text, as typed). */
export interface FinaliseForm {
  date: string;
  place: string;
  signerName: string;
  signerPosition: string;
  signerNip: string;
}

export const EMPTY_FINALISE: FinaliseForm = {
  date: '',
  place: '',
  signerName: '',
  signerPosition: '',
  signerNip: '',
};

export interface FinaliseInput {
  date: string;
  place?: string;
  signer?: { name: string; position: string; nip: string | null };
}

/**
 * The reports.request `finalise` input from the form, or the fields to fix. Empty place and
 * signer keep the defaults (the SK's seat, the OPD head from the year's PK).
 */
export function finaliseInput(
  f: FinaliseForm,
):
  | { ok: true; value: FinaliseInput }
  | { ok: false; errors: Partial<Record<keyof FinaliseForm, MessageKey>> } {
  const errors: Partial<Record<keyof FinaliseForm, MessageKey>> = {};
  const date = f.date.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
    errors.date = 'rep.fin.dateRequired';
  const name = f.signerName.trim();
  const position = f.signerPosition.trim();
  const nip = f.signerNip.replace(/\s+/g, '');
  if ((name || nip) && !position) errors.signerPosition = 'rep.fin.signerTogether';
  if ((position || nip) && !name) errors.signerName = 'rep.fin.signerTogether';
  if (nip && !/^\d{18}$/.test(nip)) errors.signerNip = 'rep.fin.nip';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      date,
      ...(f.place.trim() ? { place: f.place.trim() } : {}),
      ...(name ? { signer: { name, position, nip: nip || null } } : {}),
    },
  };
}
