import { randomUUID } from 'node:crypto';
import { checkNewEvents } from '@sakip/contracts';
import type { EventMetadata, EventStore, NewEvent } from '@sakip/event-store';

/**
 * Synthetic but domain-shaped events for tests and the rebuild benchmark: per province, region
 * streams (registered, renamed), OPD streams (registered, units, positions, renamed, sometimes
 * merged or dissolved), plan streams (decree drafted … enacted) and national user streams
 * (no province). One es_append per stream, many streams in flight.
 */
export interface GenerateOptions {
  total: number;
  provinces?: readonly string[];
  /** Events per OPD / plan stream (one append each). Default 100. */
  streamSize?: number;
  concurrency?: number;
  /** Prefix of stream ids and codes, so several generations can share a database. */
  tag?: string;
}

export const DEFAULT_PROVINCES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '31',
  '35',
] as const;

interface Planned {
  streamId: string;
  streamType: string;
  provinceCode: string | null;
  regionCode: string | null;
  events: NewEvent[];
  decree?: { decreeId: string; number: string };
}

function meta(p: Planned): EventMetadata {
  const commandId = randomUUID();
  return {
    actor: {
      userId: p.provinceCode ? `admin.${p.provinceCode}` : 'admin.nasional',
      role: p.provinceCode ? 'province_admin' : 'national_admin',
      scope: p.provinceCode
        ? { level: 'province', code: p.provinceCode }
        : { level: 'national', code: 'ID' },
    },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    provinceCode: p.provinceCode,
    regionCode: p.regionCode,
    decree: p.decree ?? null,
  };
}

export function planStream(
  i: number,
  o: Required<Pick<GenerateOptions, 'streamSize' | 'tag'>> & { provinces: readonly string[] },
  budget: number,
): Planned {
  const province = o.provinces[i % o.provinces.length] ?? '11';
  const region = `${province}.${String(((i >> 4) % 20) + 1).padStart(2, '0')}`;
  const size = Math.max(1, Math.min(budget, o.streamSize));
  const kind = i % 10;
  const tag = o.tag;
  if (kind === 0) {
    // Region (registered + renamed); small stream.
    const code = `${region}${tag ? `-${tag}` : ''}-${i}`;
    const events: NewEvent[] = [
      {
        type: 'RegionRegistered',
        data: {
          code,
          level: 'kabupaten',
          provinceCode: province,
          name: `Kabupaten ${i}`,
          codeEdition: 'Kepmendagri 2022',
        },
      },
    ];
    for (let r = 1; r < Math.min(size, 3); r++) {
      events.push({
        type: 'RegionRenamed',
        data: {
          code,
          previousName: r === 1 ? `Kabupaten ${i}` : `Kabupaten ${i} (${r - 1})`,
          name: `Kabupaten ${i} (${r})`,
          legalBasis: `PP ${r}/2024`,
        },
      });
    }
    return {
      streamId: `region-${code}`,
      streamType: 'region',
      provinceCode: province,
      regionCode: region,
      events,
    };
  }
  if (kind <= 4) {
    const opdId = `${region}-OPD${tag ? `-${tag}` : ''}-${i}`;
    const events: NewEvent[] = [
      {
        type: 'OpdRegistered',
        data: {
          opdId,
          regionCode: region,
          provinceCode: province,
          code: `OPD${i}`,
          name: `Dinas ${i}`,
        },
      },
    ];
    const end = i % 7 === 0 ? 1 : 0;
    const body = Math.max(0, size - 2 - end);
    for (let k = 0; k < body; k++) {
      if (k % 3 === 0)
        events.push({
          type: 'UnitAdded',
          data: { opdId, code: `U${k}`, name: `Bidang ${k}`, kind: 'bidang', parentCode: null },
        });
      else
        events.push({
          type: 'PositionAdded',
          data: {
            opdId,
            code: `J${k}`,
            title: `Kepala Seksi ${k}`,
            unitCode: null,
            tugas: 'Melaksanakan tugas',
            fungsi: ['perumusan', 'pelaksanaan'],
          },
        });
    }
    if (size >= 2)
      events.push({
        type: 'OpdRenamed',
        data: {
          opdId,
          previousName: `Dinas ${i}`,
          name: `Dinas Baru ${i}`,
          legalBasis: 'Perda 5/2025',
        },
      });
    if (end && size >= 3) {
      events.push(
        i % 2 === 0
          ? {
              type: 'OpdMerged',
              data: { opdId, intoOpdId: `${region}-OPD-merged`, legalBasis: 'Perda 9/2025' },
            }
          : { type: 'OpdDissolved', data: { opdId, legalBasis: 'Perda 9/2025' } },
      );
    }
    return {
      streamId: `opd-${opdId}`,
      streamType: 'opd',
      provinceCode: province,
      regionCode: region,
      events,
    };
  }
  if (kind <= 8) {
    const opdId = `${region}-OPD-${i - kind + 1}`;
    const decreeId = `SK${tag ? `-${tag}` : ''}-${i}`;
    const number = `${i}/KPTS/2026`;
    // Domain-shaped payloads (packages/domain/src/plans): projections parse them like real ones.
    const info = {
      number,
      title: `Renstra OPD ${i}`,
      date: '2026-01-05',
      place: 'Kota',
      signer: { name: 'Kepala Dinas', nip: null, position: 'Kepala Dinas' },
      legalBases: [],
      kind: 'penetapan',
      periodStart: 2026,
      periodEnd: 2030,
    };
    const events: NewEvent[] = [{ type: 'DecreeDrafted', data: { opdId, decreeId, info } }];
    for (let k = 1; k < size - 1; k++) {
      events.push(
        k % 2
          ? {
              type: 'ElementDefined',
              data: {
                opdId,
                decreeId,
                element: {
                  code: `S${k}`,
                  level: 'sasaran',
                  name: `Sasaran ${k}`,
                  parentCode: null,
                },
              },
            }
          : {
              type: 'IndicatorDefined',
              data: {
                opdId,
                decreeId,
                indicator: {
                  code: `IKU${k}`,
                  kind: 'iku',
                  elementCode: 'S1',
                  positionCode: null,
                  name: `Indikator ${k}`,
                  definition: null,
                  formulaText: null,
                  formula: null,
                  satuan: '%',
                  polarity: 'higher_better',
                  sumberData: null,
                  penanggungJawab: null,
                  dataPeriod: 'yearly',
                  rollup: 'last',
                  baseline: null,
                  targets: [2026, 2027, 2028, 2029, 2030].map((year) => ({ year, value: '80' })),
                  cascadeTo: null,
                },
              },
            },
      );
    }
    if (size >= 2)
      events.push({ type: 'DecreeEnacted', data: { opdId, decreeId, number, sequence: 1 } });
    return {
      streamId: `plan-${opdId}-${decreeId}`,
      streamType: 'plan',
      provinceCode: province,
      regionCode: region,
      events,
      decree: { decreeId, number },
    };
  }
  const userId = `user${tag ? `-${tag}` : ''}-${i}`;
  const binding = (code: string) => ({ role: 'viewer', scope: { level: 'province', code } });
  const events: NewEvent[] = [
    {
      type: 'UserRegistered',
      data: {
        username: userId,
        displayName: `Pengguna ${i}`,
        passwordHash: 'x',
        bindings: [binding('18')],
      },
    },
  ];
  for (let k = 1; k < Math.min(size, 5); k++)
    events.push({
      type: 'RoleGranted',
      data: { username: userId, binding: binding(String(10 + k)) },
    });
  return {
    streamId: `user-${userId}`,
    streamType: 'user',
    provinceCode: null,
    regionCode: null,
    events,
  };
}

export async function generateEvents(
  store: EventStore,
  o: GenerateOptions,
): Promise<{ appended: number; streams: number }> {
  const opts = {
    streamSize: o.streamSize ?? 100,
    tag: o.tag ?? '',
    provinces: o.provinces ?? DEFAULT_PROVINCES,
  };
  let planned = 0;
  let streams = 0;
  let i = 0;
  const next = (): Planned | null => {
    if (planned >= o.total) return null;
    const p = planStream(i++, opts, o.total - planned);
    planned += p.events.length;
    streams++;
    return p;
  };
  const worker = async (): Promise<void> => {
    for (let p = next(); p; p = next()) {
      const metadata = meta(p);
      await store.append({
        streamId: p.streamId,
        streamType: p.streamType,
        expectedVersion: 0,
        events: checkNewEvents(p.events),
        metadata,
        payload: { commandId: metadata.commandId },
      });
    }
  };
  await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker));
  return { appended: planned, streams };
}
