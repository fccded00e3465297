// Bukti dukung (supporting evidence) of a realization: the document it comes from, the data
// source, and optionally an uploaded file. The file itself lives in object storage; the event
// keeps its hash so a later swap of the stored file is detectable.
import { fail } from '../shared/errors';

type Path = readonly (string | number)[];

export interface EvidenceAttachment {
  name: string;
  /** Hex SHA-256 of the file, lower case. */
  sha256: string;
  /** Bytes. */
  size: number;
  storageKey: string;
}

export interface Evidence {
  documentRef: string;
  dataSource: string;
  attachment: EvidenceAttachment | null;
}

const SHA256 = /^[0-9a-f]{64}$/;

function text(value: unknown, path: Path, labelId: string, labelEn: string): string {
  const t = typeof value === 'string' ? value.trim() : '';
  if (t === '') fail('evidence_required', `${labelId} wajib diisi`, `${labelEn} is required`, path);
  return t;
}

/** Trimmed copy of the evidence, or a DomainError naming the field. */
export function checkEvidence(
  evidence: Evidence | null | undefined,
  path: Path = ['evidence'],
): Evidence {
  if (evidence === null || evidence === undefined || typeof evidence !== 'object') {
    fail('evidence_required', 'Bukti dukung wajib diisi', 'Supporting evidence is required', path);
  }
  const documentRef = text(
    evidence.documentRef,
    [...path, 'documentRef'],
    'Dokumen sumber',
    'Source document',
  );
  const dataSource = text(
    evidence.dataSource,
    [...path, 'dataSource'],
    'Sumber data',
    'Data source',
  );
  const a = evidence.attachment;
  if (a === null || a === undefined) return { documentRef, dataSource, attachment: null };
  const at = [...path, 'attachment'];
  const name = text(a.name, [...at, 'name'], 'Nama berkas', 'File name');
  const storageKey = text(a.storageKey, [...at, 'storageKey'], 'Lokasi berkas', 'Storage key');
  const sha256 = typeof a.sha256 === 'string' ? a.sha256.trim().toLowerCase() : '';
  if (!SHA256.test(sha256)) {
    fail(
      'invalid_sha256',
      `SHA-256 berkas "${String(a.sha256)}" tidak valid (64 digit heksadesimal)`,
      `File SHA-256 "${String(a.sha256)}" is invalid (64 hex digits)`,
      [...at, 'sha256'],
    );
  }
  if (!Number.isSafeInteger(a.size) || a.size <= 0) {
    fail(
      'invalid_file_size',
      `Ukuran berkas ${String(a.size)} tidak valid`,
      `File size ${String(a.size)} is invalid`,
      [...at, 'size'],
    );
  }
  return { documentRef, dataSource, attachment: { name, sha256, size: a.size, storageKey } };
}
