import { isExpectedVersionConflictError, NO_CONCURRENCY_CHECK } from '@event-driven-io/emmett';
import { uuidv7 } from '@casetrail/platform';
import type { Pool } from 'pg';
import type { EventStore, ExpectedRevision } from '@casetrail/event-store';
import type { Operation } from '../shared/measure';
import type { EmmettEventStore } from './emmett-store';
import { voteCast } from './vote-cast';

export type Workload = 'separate-streams' | 'hot-stream';

export const RAW_TABLE = 'bench_raw_events';

/** A heap table with the event columns and nothing else: no key, no index, no constraint. */
export const CREATE_RAW_TABLE = `CREATE TABLE ${RAW_TABLE} (
  stream_name text, revision bigint, id uuid, type text, data jsonb, metadata jsonb)`;

const RAW_INSERT = `INSERT INTO ${RAW_TABLE} (stream_name, revision, id, type, data, metadata)
  VALUES ($1, $2, $3, $4, $5, $6)`;

/** Where a writer appends, and the revision its next event takes there. */
interface StreamCursor {
  readonly name: string;
  revision: number;
}

/** Port writers: own streams with the exact expected revision, or one shared stream with `any`. */
export function portWriters(store: EventStore, workload: Workload, writers: number): Operation[] {
  return cursorsFor(workload, writers).map((cursor) =>
    workload === 'hot-stream' ? appendAnywhere(store, cursor.name) : appendAtRevision(store, cursor),
  );
}

function appendAnywhere(store: EventStore, streamName: string): Operation {
  return async () => {
    await store.appendToStream(streamName, [voteCast()], { expectedRevision: 'any' });
  };
}

function appendAtRevision(store: EventStore, cursor: StreamCursor): Operation {
  return async () => {
    const expectedRevision: ExpectedRevision = cursor.revision === 0 ? 'no_stream' : cursor.revision - 1;
    const result = await store.appendToStream(cursor.name, [voteCast()], { expectedRevision });
    cursor.revision = result.nextRevision + 1;
  };
}

/** Emmett's appends, and the version conflicts its hot-stream writers retried. */
export interface EmmettTally {
  appends: number;
  conflicts: number;
}

/** Gives up on an append that lost this many races in a row: the writers would be livelocked. */
const MAX_EMMETT_ATTEMPTS = 1_000;

/**
 * Emmett writers, the same semantics as the port's: own streams with the exact expected version
 * (Emmett counts events, so a new stream expects 0), or one shared stream without a check. Emmett
 * turns an append that lost the race for the stream's row into ExpectedVersionConflictError even
 * without a check; the writer retries it at once, which is the most favourable retry for Emmett.
 */
export function emmettWriters(store: EmmettEventStore, workload: Workload, writers: number, tally: EmmettTally): Operation[] {
  return cursorsFor(workload, writers).map((cursor) =>
    workload === 'hot-stream' ? emmettAnywhere(store, cursor.name, tally) : emmettAtVersion(store, cursor, tally),
  );
}

function emmettAnywhere(store: EmmettEventStore, streamName: string, tally: EmmettTally): Operation {
  return async () => {
    const event = emmettVoteCast();
    for (let attempt = 1; ; attempt++) {
      try {
        await store.appendToStream(streamName, [event], { expectedStreamVersion: NO_CONCURRENCY_CHECK });
        tally.appends++;
        return;
      } catch (error) {
        if (!isExpectedVersionConflictError(error) || attempt >= MAX_EMMETT_ATTEMPTS) throw error;
        tally.conflicts++;
      }
    }
  };
}

function emmettAtVersion(store: EmmettEventStore, cursor: StreamCursor, tally: EmmettTally): Operation {
  return async () => {
    const result = await store.appendToStream(cursor.name, [emmettVoteCast()], { expectedStreamVersion: BigInt(cursor.revision) });
    cursor.revision = Number(result.nextExpectedStreamVersion);
    tally.appends++;
  };
}

/**
 * The same VoteCast event in Emmett's shape: its id travels as metadata.messageId, which Emmett
 * stores as the message id; data is spread into an object literal type, as Emmett's record type asks.
 */
function emmettVoteCast() {
  const { id, type, data, metadata } = voteCast();
  return { type, data: { ...data }, metadata: { messageId: id, ...metadata } };
}

/** Raw writers: the same rows, one autocommit INSERT each, with revisions counted client-side. */
export function rawWriters(pool: Pool, workload: Workload, writers: number): Operation[] {
  return cursorsFor(workload, writers).map((cursor) => async () => {
    const event = voteCast();
    const row = [cursor.name, cursor.revision++, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)];
    await pool.query(RAW_INSERT, row);
  });
}

/** One cursor per writer; on the hot stream every writer shares the same one. */
function cursorsFor(workload: Workload, writers: number): StreamCursor[] {
  if (workload === 'hot-stream') {
    const shared: StreamCursor = { name: `Meeting-${uuidv7()}`, revision: 0 };
    return Array.from({ length: writers }, () => shared);
  }
  return Array.from({ length: writers }, () => ({ name: `Ballot-${uuidv7()}`, revision: 0 }));
}
