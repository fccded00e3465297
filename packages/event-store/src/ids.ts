import { createHash } from 'node:crypto';

/**
 * Fixed namespace for event ids. Never change it: ids derived from command ids must stay
 * the same across deploys so that a retried command maps to the same events.
 */
const EVENT_ID_NAMESPACE = Buffer.from('6f1c2d3e4a5b4c6d8e7f90a1b2c3d4e5', 'hex');

/** Deterministic UUID (v5 layout: sha1 of namespace + name) for the index-th event of a command. */
export function eventIdFor(commandId: string, index: number): string {
  const bytes = createHash('sha1')
    .update(EVENT_ID_NAMESPACE)
    .update(`${commandId.toLowerCase()}#${index}`)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * JSON with object keys sorted at every level, so that the same payload always hashes the same
 * whatever order the client sent the keys in. Follows JSON.stringify for undefined/toJSON.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value)) ?? 'null';
}

function normalise(value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return normalise((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map((v) => normalise(v) ?? null);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = normalise((value as Record<string, unknown>)[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  return value;
}

/** sha256 (hex) of the canonical JSON of a command payload. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
