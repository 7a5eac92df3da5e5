import type { ExpectedRevision } from '../event-store.port';

/**
 * The adapter's SQL as named statements: node-postgres prepares each name once per connection, so
 * the server parses and plans an append once, not on every call (BENCHMARKS.md).
 */
export interface Statement {
  readonly name: string;
  readonly text: string;
}

type Expectation = 'no_stream' | 'any' | 'stream_exists' | 'exact';

/**
 * The stream's last revision as the append expects it, and its hash; no row back means the
 * expectation failed. Writers racing for the same revisions are stopped by the (stream_name,
 * revision) key. One event is chained here (one index probe); several are chained by the insert
 * trigger, row by row.
 */
const HEAD: Record<Expectation, string> = {
  no_stream: `SELECT -1::bigint AS revision, repeat('0', 64) AS hash`,
  exact: `SELECT e.revision, e.hash FROM event_store.events e WHERE e.stream_name = $1 AND e.revision = $7::bigint`,
  stream_exists: `SELECT e.revision, e.hash FROM event_store.events e WHERE e.stream_name = $1 ORDER BY e.revision DESC LIMIT 1`,
  any: `SELECT coalesce(last.revision, -1::bigint) AS revision, coalesce(last.hash, repeat('0', 64)) AS hash
          FROM (SELECT 1) AS one
          LEFT JOIN LATERAL (SELECT e.revision, e.hash FROM event_store.events e
                              WHERE e.stream_name = $1 ORDER BY e.revision DESC LIMIT 1) AS last ON true`,
};

/** One event: scalar parameters, the common case. */
const INSERT_ONE = `
  INSERT INTO event_store.events (stream_name, revision, id, type, data, metadata, content_digest, hash)
  SELECT $1, head.revision + 1, $2::uuid, $3::text, $4::jsonb, $5::jsonb, $6::text,
         encode(sha256(convert_to(head.hash || ':' || $1 || ':' || (head.revision + 1) || ':' || $6::text, 'UTF8')), 'hex')
    FROM head`;

/** Several events: parallel arrays, in order. */
const INSERT_MANY = `
  INSERT INTO event_store.events (stream_name, revision, id, type, data, metadata, content_digest)
  SELECT $1, head.revision + e.ord, e.id, e.type, e.data, e.metadata, e.content_digest
    FROM head, unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[], $6::text[])
         WITH ORDINALITY AS e(id, type, data, metadata, content_digest, ord)
   ORDER BY e.ord`;

function expectation(expected: ExpectedRevision): Expectation {
  return typeof expected === 'number' ? 'exact' : expected;
}

/**
 * The append, one statement for any expectation. Parameters: $1 stream, $2 ids, $3 types, $4 data,
 * $5 metadata, $6 content digests (scalars for one event, arrays for several), $7 the expected
 * revision. The insert trigger chains each event's hash to the one before it.
 */
export function appendStatement(expected: ExpectedRevision, single: boolean): Statement {
  const kind = expectation(expected);
  return {
    name: `casetrail.append.${kind}.${single ? 'one' : 'many'}`,
    text: `WITH head AS (${HEAD[kind]}) ${single ? INSERT_ONE : INSERT_MANY}
           RETURNING revision, tx_id::text AS tx_id, seq`,
  };
}

/** Unique constraints whose violation an append resolves (see postgres-schema.ts). */
export const STREAM_REVISION_KEY = 'events_stream_revision';
export const EVENT_ID_KEY = 'events_id';

export const EVENT_COLUMNS = 'seq, tx_id::text AS tx_id, stream_name, revision, id, type, data, metadata, content_digest, hash';

/** $1 stream, $2 from revision (null: from the end in either direction), $3 limit (null: all). */
export const READ_STREAM_FORWARDS: Statement = {
  name: 'casetrail.read-stream.forwards',
  text: `SELECT ${EVENT_COLUMNS} FROM event_store.events
          WHERE stream_name = $1 AND revision >= coalesce($2::bigint, 0)
          ORDER BY revision ASC LIMIT $3`,
};

export const READ_STREAM_BACKWARDS: Statement = {
  name: 'casetrail.read-stream.backwards',
  text: `SELECT ${EVENT_COLUMNS} FROM event_store.events
          WHERE stream_name = $1 AND ($2::bigint IS NULL OR revision <= $2::bigint)
          ORDER BY revision DESC LIMIT $3`,
};

/**
 * A page of the global log after ($1 tx id, $2 seq), at most $3 rows, only below the oldest running
 * transaction; rows outside the filter ($4 types, $5 stream prefixes; null: all) come back without
 * their data so the reader still advances past them. The last row is a marker whose `held_back`
 * says whether committed rows wait beyond the horizon.
 */
export const READ_PAGE: Statement = {
  name: 'casetrail.read-page',
  // The horizon is a scalar (not a joined CTE), so that both index scans start at the right key:
  // the page at the position asked for, the held-back probe at the later of that and the horizon.
  text: `WITH page AS (
       SELECT e.seq, e.tx_id, e.stream_name, e.revision, e.id, e.type, e.data, e.metadata, e.content_digest, e.hash,
              ($4::text[] IS NULL OR e.type = ANY($4::text[]))
              AND ($5::text[] IS NULL OR EXISTS (
                SELECT 1 FROM unnest($5::text[]) AS p(prefix) WHERE starts_with(e.stream_name, p.prefix)))
                AS matched
         FROM event_store.events e
        WHERE (e.tx_id, e.seq) > ($1::text::xid8, $2::bigint) AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.tx_id, e.seq
        LIMIT $3),
     rows AS (
       SELECT seq, tx_id, stream_name, revision, id, type,
              CASE WHEN matched THEN data END AS data, CASE WHEN matched THEN metadata END AS metadata,
              content_digest, hash, matched, NULL::boolean AS held_back
         FROM page
       UNION ALL
       SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
              EXISTS (SELECT 1
                        FROM event_store.events e,
                             (SELECT GREATEST(h.xmin, $1::text::xid8) AS tx_id,
                                     CASE WHEN h.xmin > $1::text::xid8 THEN -1 ELSE $2::bigint END AS seq
                                FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin) h) start
                       WHERE (e.tx_id, e.seq) > (start.tx_id, start.seq)))
     SELECT seq, tx_id::text AS tx_id, stream_name, revision, id, type, data, metadata, content_digest, hash, matched, held_back
       FROM rows ORDER BY held_back NULLS FIRST, rows.tx_id, rows.seq`,
};

export const FIND_EVENTS_BY_ID: Statement = {
  name: 'casetrail.find-events-by-id',
  text: `SELECT id::text AS id, stream_name, revision, tx_id::text AS tx_id, seq
           FROM event_store.events WHERE id = ANY($1::uuid[])`,
};

export const STREAM_HEAD: Statement = {
  name: 'casetrail.stream-head',
  text: 'SELECT max(revision) AS revision FROM event_store.events WHERE stream_name = $1',
};
