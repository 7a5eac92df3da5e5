import { toDomainEvent, type Aggregate, type DomainEvent, type RecordedEvent } from '@casetrail/event-store';
import type { PoolClient } from 'pg';
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

/**
 * Folds a batch's events into the states a projection stored before (column `state`, with
 * `revision` and `last_position`), using the write side's own `evolve`. Events the stored state
 * has already seen are skipped, so applying a batch twice changes nothing.
 */
export async function foldStreams<State, Event extends DomainEvent>(
  client: PoolClient,
  table: string,
  aggregate: Aggregate<State, Event>,
  events: readonly RecordedEvent[],
): Promise<FoldedStream<State>[]> {
  const groups = byStream(events);
  const { rows } = await client.query<{ stream_name: string; state: State; revision: number; last_position: string }>(
    `SELECT stream_name, state, revision, last_position::text AS last_position FROM ${table} WHERE stream_name = ANY($1::text[])`,
    [[...groups.keys()]],
  );
  const stored = new Map(rows.map((r) => [r.stream_name, r]));
  const folded: FoldedStream<State>[] = [];
  for (const [streamName, streamEvents] of groups) {
    const before = stored.get(streamName);
    const seenThrough = before ? BigInt(before.last_position) : -1n;
    const fresh = streamEvents.filter((e) => e.position > seenThrough);
    if (fresh.length === 0) continue;
    const state = fresh.reduce((s, e) => aggregate.evolve(s, toDomainEvent<Event>(e)), before ? before.state : aggregate.initialState());
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
