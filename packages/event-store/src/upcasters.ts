import type { RecordedEvent } from './types';

export type Upcaster = (
  data: Record<string, unknown>,
  event: RecordedEvent,
) => Record<string, unknown>;

/**
 * Old events stay as written (the table is immutable); readers see the current schema by
 * chaining upcasters v1→v2→v3… at read time.
 */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  register(type: string, fromVersion: number, up: Upcaster): this {
    const key = `${type}@${fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`Upcaster already registered for ${key}`);
    this.byKey.set(key, up);
    return this;
  }

  upcast(e: RecordedEvent): RecordedEvent {
    let current = e;
    // Each step raises the version by one, so the loop ends once no upcaster is registered.
    for (;;) {
      const up = this.byKey.get(`${current.type}@${current.schemaVersion}`);
      if (!up) return current;
      current = {
        ...current,
        data: up(current.data, current),
        schemaVersion: current.schemaVersion + 1,
      };
    }
  }
}
