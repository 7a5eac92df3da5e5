import { DomainError } from '@casetrail/case-management';
import { toDomainEvent, type Aggregate, type DomainEvent, type EventStore, type RecordedEvent } from '@casetrail/event-store';

/** What a report is computed from: the global log through `position`, as recorded by `recordedCutoff`. */
export interface ReportBasis {
  readonly position: bigint;
  /** Inclusive, ISO 8601. */
  readonly recordedCutoff: string;
}

/** A stream's state folded from the events of it that a report takes in. */
export interface StreamAsKnown<State> {
  readonly streamName: string;
  readonly state: State;
  /** How many of the stream's events were folded. */
  readonly events: number;
}

const PAGE = 2_000;

/**
 * The events of the streams under `streamPrefix` in the global log, after `from` (default: from
 * the start) through `position` (inclusive), or through the current end of the stable log when no
 * position is given; and the position the reading stands on. Every event at or below that position
 * is final (docs/adr/0002), so reading through it again later gives the same events. A position
 * beyond the stable end is refused: events could still appear below it.
 */
export async function readLogThrough(
  store: EventStore,
  streamPrefix: string,
  position?: bigint,
  from = 0n,
): Promise<{ readonly position: bigint; readonly events: readonly RecordedEvent[] }> {
  const events: RecordedEvent[] = [];
  const filter = { streamPrefixes: [streamPrefix] };
  for (let after = from; ; ) {
    const page = await store.readAll({ after, maxCount: PAGE, filter });
    for (const event of page.events) {
      if (position !== undefined && event.position > position) return { position, events };
      events.push(event);
    }
    if (position !== undefined && page.lastPosition >= position) return { position, events };
    if (page.isEnd || page.lastPosition <= after) {
      if (position === undefined) return { position: page.lastPosition, events };
      throw new DomainError(
        'REPORT.POSITION_NOT_YET_STABLE',
        `Position ${position} is beyond the end of the stable global log (${page.lastPosition}); retry shortly, or give a position a write returned`,
        { kind: 'conflict', field: 'position' },
      );
    }
    after = page.lastPosition;
  }
}

/**
 * Folds each stream from its events that were in the log at `basis.position` and recorded at or
 * before `basis.recordedCutoff`, with the write side's own aggregate: what was known then, as far
 * as the log had got. Streams none of whose events qualify are left out. Sorted by stream name.
 */
export function foldAsKnown<State, Event extends DomainEvent>(
  events: readonly RecordedEvent[],
  aggregate: Aggregate<State, Event>,
  basis: ReportBasis,
): StreamAsKnown<State>[] {
  const cutoff = Date.parse(basis.recordedCutoff);
  if (Number.isNaN(cutoff)) throw new RangeError(`recordedCutoff is not an instant: ${basis.recordedCutoff}`);
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (event.position > basis.position || !(Date.parse(event.metadata.recordedAt) <= cutoff)) continue;
    const list = byStream.get(event.streamName) ?? [];
    list.push(event);
    byStream.set(event.streamName, list);
  }
  return [...byStream.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([streamName, list]) => ({
      streamName,
      state: [...list]
        .sort((a, b) => a.revision - b.revision)
        .reduce((state, event) => aggregate.evolve(state, toDomainEvent<Event>(event)), aggregate.initialState()),
      events: list.length,
    }));
}
