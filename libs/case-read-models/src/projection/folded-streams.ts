import { toDomainEvent, type Aggregate, type DomainEvent, type RecordedEvent } from '@casetrail/event-store';
import type { ProjectionContext } from './projection';
import { byStream } from './upsert-rows';

/** An aggregate's state as a projection keeps it, with the place in the stream it stands on. */
export interface FoldedStream<State> {
  readonly streamName: string;
  readonly state: State;
  readonly revision: number;
  readonly lastPosition: bigint;
  readonly lastRecordedAt: string;
  readonly lastEffectiveAt: string;
}

/** Told of each event a fold applies, in stream order: the state after it and the state before. */
export type FoldObserver<State> = (event: RecordedEvent, state: State, previous: State) => void;

/**
 * Folds a batch's events into the states a projection stored before in `table` (columns `state`,
 * `revision` and `last_position`), using the write side's own `evolve`. Events the stored state
 * has already seen are skipped, so applying a batch twice changes nothing. `observe`, if given, sees
 * every event applied with the states around it.
 */
export async function foldStreams<State, Event extends DomainEvent>(
  context: ProjectionContext,
  table: string,
  aggregate: Aggregate<State, Event>,
  events: readonly RecordedEvent[],
  observe?: FoldObserver<State>,
): Promise<FoldedStream<State>[]> {
  const groups = byStream(events);
  const stored = await context.storedStates<State>(table, [...groups.keys()]);
  const folded: FoldedStream<State>[] = [];
  for (const [streamName, streamEvents] of groups) {
    const before = stored.get(streamName);
    const seenThrough = before ? before.lastPosition : -1n;
    const fresh = streamEvents.filter((e) => e.position > seenThrough);
    if (fresh.length === 0) continue;
    const state = fresh.reduce((s, e) => {
      const next = aggregate.evolve(s, toDomainEvent<Event>(e));
      observe?.(e, next, s);
      return next;
    }, before ? before.state : aggregate.initialState());
    const last = fresh[fresh.length - 1];
    folded.push({
      streamName,
      state,
      revision: last.revision,
      lastPosition: last.position,
      lastRecordedAt: last.metadata.recordedAt,
      lastEffectiveAt: String(last.metadata.effectiveAt ?? last.metadata.recordedAt),
    });
  }
  return folded;
}
