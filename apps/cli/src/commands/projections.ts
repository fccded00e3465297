import { EventStore } from '@sakip/event-store';
import {
  findProjection,
  jsonLogger,
  projectionStatus,
  projections,
  rebuildProjection,
  type Logger,
} from '@sakip/read-models';

// Progress lines go to the operator; the engine's own info logs would drown them.
const quiet: Logger = { info: () => {}, warn: jsonLogger.warn, error: jsonLogger.error };
import type { Sql } from '@sakip/db';

/** `sakip projections status`: one line per projection, version and partition, dead letters loud. */
export async function projectionsStatus(sql: Sql): Promise<{ lines: string[]; healthy: boolean }> {
  const rows = await projectionStatus(sql);
  if (rows.length === 0)
    return {
      lines: ['belum ada proyeksi yang berjalan / no projection has run yet'],
      healthy: true,
    };
  const lines = rows.map(
    (r) =>
      `${r.name} v${r.version} [${r.versionStatus}] ${r.partition.padEnd(3)} ${r.state.padEnd(7)} posisi/position ${String(r.position).padStart(8)}  lag ${r.lag ?? '-'}  dead letters ${r.deadLetters}${r.lastError ? `  ! ${r.lastError}` : ''}`,
  );
  return { lines, healthy: rows.every((r) => r.deadLetters === 0 && r.state !== 'stopped') };
}

/** `sakip projections rebuild [name]`: builds new versions beside the active ones, then switches. */
export async function projectionsRebuild(
  sql: Sql,
  name: string | undefined,
  out: (line: string) => void,
): Promise<void> {
  const names = name ? [name] : projections.map((p) => p.name);
  for (const n of names) {
    if (!findProjection(n))
      throw new Error(
        `Proyeksi tidak dikenal / unknown projection: ${n} (${projections.map((p) => p.name).join(', ')})`,
      );
    const r = await rebuildProjection(sql, new EventStore(sql), n, { logger: quiet });
    out(
      `${r.name}: v${r.previousVersion ?? '-'} → v${r.version}, ${r.applied} peristiwa / events in ${r.seconds.toFixed(1)} s`,
    );
  }
}
