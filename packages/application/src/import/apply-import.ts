import { checkNewEvents } from '@sakip/contracts';
import type { Sql } from '@sakip/db';
import { EventStore } from '@sakip/event-store';
import type { DomainEvent } from '@sakip/domain';
import type { ImportDocument, ImportKind, ImportProblem, ParseResult } from '@sakip/importer';
import type { Actor } from '../actor';
import { requireBinding } from '../executor';
import { StateLoader } from '../state-loader';
import { nameUuid, planImport } from './plan-import';
import { problemFrom } from './problems';
import type { ImportStep } from './steps';
import { summarize, type ImportChanges } from './changes';

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  kind: ImportKind;
  /** Every problem found; when there is any, nothing was written. */
  problems: ImportProblem[];
  streamsWritten: number;
  eventsWritten: number;
  /** The file matches what is recorded: nothing to write. */
  unchanged: boolean;
  /** Row by row what the import changes (added, changed old → new, unchanged, removed). */
  changes: ImportChanges;
}

export interface ApplyOptions {
  dryRun?: boolean;
  /** Anggaran and serapan: the file's documents and periods replace what is recorded whole. */
  replacePeriod?: boolean;
  /** A stable id for this file's content: the same file maps to the same command ids. */
  contentHash: string;
  correlationId: string;
  onProgress?: (p: { phase: 'apply'; done: number; total: number }) => void;
}

class Rollback extends Error {}

/**
 * All or nothing: every stream of the file is decided and appended inside one transaction;
 * any problem (or a dry run) rolls the whole file back. Each stream is loaded once and its
 * events appended in one batch, so a decree with hundreds of indicators is one round trip.
 */
export async function applyImport(
  sql: Sql,
  doc: ImportDocument,
  actor: Actor,
  opts: ApplyOptions,
): Promise<ImportReport> {
  // Only anggaran and serapan map a file to whole-period commands; elsewhere a row is its own.
  const replacePeriod =
    (opts.replacePeriod ?? false) && (doc.kind === 'anggaran' || doc.kind === 'serapan');
  const report: ImportReport = {
    ok: false,
    dryRun: opts.dryRun ?? false,
    kind: doc.kind,
    problems: [],
    streamsWritten: 0,
    eventsWritten: 0,
    unchanged: false,
    changes: summarize([], replacePeriod),
  };
  try {
    await sql.begin(async (tx) => {
      const store = new EventStore(tx);
      const loader = new StateLoader(store);
      const plan = await planImport(doc, loader, { replacePeriod });
      report.problems.push(...plan.problems);
      report.unchanged = plan.unchanged;
      report.changes = summarize(plan.changes, replacePeriod);
      let done = 0;
      for (const steps of plan.streams) {
        const written = await runStream(store, loader, steps, actor, opts, report.problems);
        if (written > 0) {
          report.streamsWritten += 1;
          report.eventsWritten += written;
        }
        opts.onProgress?.({ phase: 'apply', done: ++done, total: plan.streams.length });
      }
      if (report.problems.length > 0 || report.dryRun) throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  report.ok = report.problems.length === 0;
  if (report.ok && report.eventsWritten === 0 && !report.dryRun) report.unchanged = true;
  return report;
}

/** Decides every step of one stream against the state the previous steps produced; appends once. */
async function runStream(
  store: EventStore,
  loader: StateLoader,
  steps: ImportStep[],
  actor: Actor,
  opts: ApplyOptions,
  problems: ImportProblem[],
): Promise<number> {
  const first = steps[0];
  if (!first) return 0;
  const streamId = first.useCase.streamId(first.input as never);
  const { decider } = first.useCase;
  const loaded = await loader.load(decider, streamId);
  let state = loaded.state;
  const events: DomainEvent[] = [];
  let failed = false;
  let binding = null;
  let decree: { decreeId: string; number: string } | null = null;
  for (const s of steps) {
    const input = s.input as never;
    try {
      binding = s.useCase.authorize
        ? s.useCase.authorize(actor, input, state)
        : requireBinding(
            actor,
            s.useCase.permission,
            s.useCase.target(input, state),
            s.useCase.name,
          );
      decree = s.useCase.decree?.(input, state) ?? decree;
      const produced = s.useCase.decider.decide(
        await s.useCase.toCommand(input, loader, actor),
        state,
      );
      for (const e of produced) state = s.useCase.decider.evolve(state, e);
      events.push(...produced);
    } catch (err) {
      problems.push(problemFrom(err, s.source, s.locator));
      failed = true;
    }
  }
  if (failed || events.length === 0) return 0;
  const target = first.useCase.target(first.input as never, state);
  await store.append({
    streamId,
    streamType: first.useCase.streamType,
    expectedVersion: loaded.version,
    events: checkNewEvents(events),
    payload: { contentHash: opts.contentHash, streamId },
    metadata: {
      actor: {
        userId: actor.userId,
        role: binding?.role ?? 'system',
        scope: binding?.scope ?? { level: 'national', code: '' },
      },
      commandId: nameUuid('import', opts.contentHash, streamId, String(loaded.version)),
      correlationId: opts.correlationId,
      causationId: opts.correlationId,
      provinceCode: target.provinceCode,
      regionCode: target.regionCode,
      decree,
    },
  });
  return events.length;
}

/**
 * A parsed file checked and applied: when the file itself has problems, its valid rows are
 * still checked against the database (a dry run), so every problem is reported at once; nothing
 * is written.
 */
export async function importParsed(
  sql: Sql,
  parsed: ParseResult<ImportDocument>,
  actor: Actor,
  opts: ApplyOptions,
): Promise<ImportReport | null> {
  if (parsed.ok) return applyImport(sql, parsed.document, actor, opts);
  if (!parsed.partial) return null;
  const checked = await applyImport(sql, parsed.partial, actor, { ...opts, dryRun: true });
  return {
    ...checked,
    ok: false,
    dryRun: opts.dryRun ?? false,
    problems: [...parsed.problems, ...checked.problems],
    streamsWritten: 0,
    eventsWritten: 0,
    unchanged: false,
  };
}
