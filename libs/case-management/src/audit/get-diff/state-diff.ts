import type { Aggregate, DomainEvent, RecordedEvent } from '@casetrail/event-store';
import type { AsOfView, DiffTime } from '../as-of-view';
import { historyEntry, type HistoryEntry } from '../get-history/stream-history';
import { replayAsOf, type AsOfState } from '../get-state-as-of/replay-as-of';
import { jsonDiff, type StateChange } from '../json-diff';
import { selectEvents } from '../select-events';

/** One end of a diff: the moment and what the state there stands on. */
export interface DiffEnd {
  readonly at: string;
  readonly revision: number;
  readonly position: string | null;
  readonly eventsApplied: number;
}

export interface StateDiff {
  readonly streamName: string;
  readonly time: DiffTime;
  readonly from: DiffEnd;
  readonly to: DiffEnd;
  /** The events that count at `to` but not yet at `from` (recorded, or effective, in between), in revision order. */
  readonly events: readonly HistoryEntry[];
  readonly changes: readonly StateChange[];
}

/**
 * What changed between two moments (`from` not after `to`). On recorded time: what we knew at
 * `from` against what we knew at `to`. On effective time: the world at `from` against the world at
 * `to`, both as known today.
 */
export function diffStates(
  streamName: string,
  aggregate: Aggregate<unknown, DomainEvent>,
  history: readonly RecordedEvent[],
  request: { readonly time: DiffTime; readonly from: string; readonly to: string },
): StateDiff {
  const view = (at: string): AsOfView => (request.time === 'recorded' ? { kind: 'recordedAt', at } : { kind: 'effectiveAt', at });
  const before = replayAsOf(streamName, aggregate, history, view(request.from));
  const after = replayAsOf(streamName, aggregate, history, view(request.to));
  const known = new Set(selectEvents(history, view(request.from)));
  return {
    streamName,
    time: request.time,
    from: end(before, request.from),
    to: end(after, request.to),
    events: selectEvents(history, view(request.to)).filter((event) => !known.has(event)).map(historyEntry),
    changes: jsonDiff(before.state, after.state),
  };
}

function end({ revision, position, eventsApplied }: AsOfState, at: string): DiffEnd {
  return { at, revision, position, eventsApplied };
}
