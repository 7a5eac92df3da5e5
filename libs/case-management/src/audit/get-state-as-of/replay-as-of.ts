import { foldStream, type Aggregate, type DomainEvent, type RecordedEvent } from '@casetrail/event-store';
import type { AsOfView } from '../as-of-view';
import { selectEvents } from '../select-events';

/** A stream's state as of a moment, and what it stands on. */
export interface AsOfState<State = unknown> {
  readonly streamName: string;
  readonly view: AsOfView;
  /**
   * The revision the answer stands on: the last event applied (atRevision, recordedAt; -1 when none),
   * or, for effectiveAt, the stream's last revision, since the answer uses all that is known today.
   */
  readonly revision: number;
  /** The global position of that event as a decimal string; null when there is none. */
  readonly position: string | null;
  readonly eventsApplied: number;
  readonly state: State;
}

/** Folds the events the view selects with the aggregate's own evolve, as the write side does. */
export function replayAsOf<State>(
  streamName: string,
  aggregate: Aggregate<State, DomainEvent>,
  history: readonly RecordedEvent[],
  view: AsOfView,
): AsOfState<State> {
  const applied = selectEvents(history, view);
  const standsOn = view.kind === 'effectiveAt' ? history[history.length - 1] : applied[applied.length - 1];
  return {
    streamName,
    view,
    revision: standsOn?.revision ?? -1,
    position: standsOn ? standsOn.position.toString() : null,
    eventsApplied: applied.length,
    state: foldStream(aggregate, applied),
  };
}
