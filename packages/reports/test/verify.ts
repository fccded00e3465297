// Walks every realization of an OPD through verification the way the users do: submit, the
// head verifies, the Inspektorat verifies where the pemda requires it.
import { realizationUseCases, StateLoader, type CommandExecutor } from '@sakip/application';
import type { Sql } from '@sakip/db';
import { currentVersion, PERIODS, realizationDecider } from '@sakip/domain';
import { EventStore } from '@sakip/event-store';
import { ctx } from './fixture';

export async function verifyEverything(
  sql: Sql,
  executor: CommandExecutor,
  opdId: string,
): Promise<number> {
  const store = new EventStore(sql);
  let steps = 0;
  for (const streamId of await store.streamIds('realization', `real-${opdId}-`)) {
    for (let guard = 0; guard < 3 * PERIODS.length; guard++) {
      const { state } = await new StateLoader(store).load(realizationDecider, streamId);
      const open = PERIODS.map((p) => ({ p, v: currentVersion(state, p) })).find(
        ({ v }) => v && v.status !== 'verified',
      );
      if (!open || state.locked) break;
      const key = {
        opdId,
        indicatorCode: state.indicatorCode!,
        year: state.year!,
        period: open.p,
      };
      const status = open.v!.status;
      if (status === 'draft' || status === 'returned')
        await executor.execute(realizationUseCases.submitRealization, key as never, ctx());
      else
        await executor.execute(
          realizationUseCases.verifyRealization,
          { ...key, level: status === 'submitted' ? 'head' : 'inspector' } as never,
          ctx(),
        );
      steps++;
    }
  }
  return steps;
}
