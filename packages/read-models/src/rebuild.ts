import type { EventStore } from '@sakip/event-store';
import { runProjection } from './engine';
import { jsonLogger } from './logger';
import { findProjection, projections as defaultProjections } from './registry';
import { activeVersion, createVersion, replaceViews, tableNames } from './tables';
import type { Logger, PoisonPolicy, Projection, Sql } from './types';

export interface RebuildOptions {
  batchSize?: number;
  policy?: PoisonPolicy;
  signal?: AbortSignal;
  logger?: Logger;
  projections?: readonly Projection[];
  /** Called once the new version is caught up, just before the switch (tests). */
  beforeSwitch?: (version: number) => Promise<void> | void;
}

export interface RebuildResult {
  name: string;
  previousVersion: number | null;
  version: number;
  applied: number;
  seconds: number;
  tables: Record<string, string>;
}

/**
 * Builds version max(active + 1, code version) beside the active one, from position 0 up to the
 * head of the feed, then switches registry and views in one transaction and retires the old
 * version (its tables stay until dropped by hand). The old version keeps serving meanwhile. A
 * rebuild that was interrupted resumes its 'building' version from its checkpoint.
 */
export async function rebuildProjection(
  sql: Sql,
  store: EventStore,
  name: string,
  o: RebuildOptions = {},
): Promise<RebuildResult> {
  const logger = o.logger ?? jsonLogger;
  const projection = findProjection(name, o.projections ?? defaultProjections);
  const started = performance.now();
  const lock = await sql.reserve();
  try {
    const [got] = await lock<
      { ok: boolean }[]
    >`select pg_try_advisory_lock(hashtext('sakip:rebuild'), hashtext(${name})) as ok`;
    if (!got?.ok) throw new Error(`a rebuild of ${name} is already running`);
    try {
      const previous = await activeVersion(sql, name);
      const [building] = await sql<{ version: number }[]>`
        select version from projection_versions where name = ${name} and status = 'building' order by version desc limit 1`;
      let version: number;
      if (building) {
        version = building.version;
        logger.info({ projection: name, version }, 'resuming interrupted rebuild');
      } else {
        const [max] = await sql<
          { v: number | null }[]
        >`select max(version) as v from projection_versions where name = ${name}`;
        version = Math.max(projection.version, (max?.v ?? 0) + 1);
        await createVersion(sql, projection, version, 'building');
        logger.info({ projection: name, version, previous }, 'rebuild started');
      }
      let applied = 0;
      // Catch up; a few rounds so the switch happens close to the head even under writes.
      for (let round = 0; round < 5; round++) {
        const r = await runProjection({
          sql,
          store,
          projection,
          version,
          untilCaughtUp: true,
          batchSize: o.batchSize ?? 5000,
          policy: o.policy ?? 'stop',
          logger,
          ...(o.signal ? { signal: o.signal } : {}),
        });
        const part = r.partitions[0];
        applied += part?.applied ?? 0;
        if (part?.reason === 'stopped')
          throw new Error(
            `rebuild of ${name} v${version} stopped on a poison event: ${part.error ?? ''}`,
          );
        if (part?.reason === 'aborted') throw new Error(`rebuild of ${name} v${version} aborted`);
        if ((part?.applied ?? 0) < 1000) break;
      }
      await o.beforeSwitch?.(version);
      await sql.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtext('sakip:projection-registry'), hashtext(${name}))`;
        await tx`update projection_versions set status = 'retired' where name = ${name} and status = 'active'`;
        await tx`update projection_versions set status = 'active', activated_at = now() where name = ${name} and version = ${version}`;
        await replaceViews(tx, projection, version);
      });
      const seconds = (performance.now() - started) / 1000;
      logger.info(
        { projection: name, version, previous, applied, seconds },
        'rebuild switched to the new version',
      );
      return {
        name,
        previousVersion: previous,
        version,
        applied,
        seconds,
        tables: { ...tableNames(projection, version) },
      };
    } finally {
      await lock`select pg_advisory_unlock(hashtext('sakip:rebuild'), hashtext(${name}))`.catch(
        () => {},
      );
    }
  } finally {
    lock.release();
  }
}

/** Spec alias: rebuild(sql, store, name). */
export const rebuild = rebuildProjection;
