import { fold, type Decider, type DomainEvent } from '@sakip/domain';
import type { EventStore } from '@sakip/event-store';

export interface LoadedState<S> {
  state: S;
  version: number;
}

/** Folds a stream through a decider's evolve. */
export class StateLoader {
  constructor(private readonly store: EventStore) {}

  async load<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string): Promise<LoadedState<S>> {
    const { version, events } = await this.store.readStream(streamId);
    const domainEvents = events.map((e) => ({ type: e.type, data: e.data }) as unknown as E);
    return { state: fold(decider, domainEvents), version };
  }
}
