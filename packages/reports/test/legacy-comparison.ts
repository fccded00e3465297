// A ComparisonRecorded as it was written before keys were qualified (stream
// cmp-<local code>-<year>), appended raw because today's decider refuses a bare local key.
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@sakip/event-store';

export interface LegacyFigure {
  scope: 'province' | 'national';
  code: string;
  value: string;
  source: string;
}

export async function appendLegacyComparison(
  store: EventStore,
  code: string,
  year: number,
  figure: LegacyFigure,
  meta: { correlationId: string; scope: { level: 'national' | 'province' | 'opd'; code: string } },
): Promise<void> {
  const streamId = `cmp-${code}-${year}`;
  const { version } = await store.readStream(streamId);
  await store.append({
    streamId,
    streamType: 'comparison',
    expectedVersion: version,
    events: [
      {
        type: 'ComparisonRecorded',
        data: { indicatorKey: code, year, actor: 'user-lama', revision: version + 1, ...figure },
      },
    ],
    payload: { legacy: figure },
    metadata: {
      actor: { userId: 'user-lama', role: 'province_admin', scope: meta.scope },
      commandId: randomUUID(),
      correlationId: meta.correlationId,
      causationId: meta.correlationId,
      provinceCode: '18',
      regionCode: null,
    },
  });
}
