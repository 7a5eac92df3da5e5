import { foldStream, type Aggregate, type DomainEvent, type EventStore } from '@casetrail/event-store';
import { DomainError } from '../domain-error';

/** An aggregate's current state as folded from its stream, with the revision it stands on. */
export interface AggregateView<State> {
  readonly streamName: string;
  readonly revision: number;
  readonly state: State;
}

/** Reads and folds a stream; an empty stream is `notFoundCode` (404). */
export async function loadAggregate<State, Event extends DomainEvent>(
  store: EventStore,
  streamName: string,
  aggregate: Aggregate<State, Event>,
  notFoundCode: string,
): Promise<AggregateView<State>> {
  const history = await store.readStream(streamName);
  if (history.length === 0) throw new DomainError(notFoundCode, `Nothing is recorded under ${streamName}`, { kind: 'not_found' });
  return { streamName, revision: history.length - 1, state: foldStream(aggregate, history) };
}
