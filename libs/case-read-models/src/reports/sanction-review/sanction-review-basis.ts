import { CITIZEN_CASE_STREAM_PREFIX, citizenCase } from '@casetrail/case-management';
import type { EventStore } from '@casetrail/event-store';
import type { DataSource } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../../projection/projection';
import { foldAsKnown, readLogThrough } from '../report-basis/as-known';
import { citizenCasesPosition } from '../evidence-shared/report-header';
import type { ResidentCaseFigures, ResidentTaken } from './resident-case-figures';
import { caseFigures, type CaseFigures } from './sanction-review';
import { SANCTION_REVIEW_CASES, SANCTION_REVIEW_SUMMARIES, SANCTION_REVIEW_VERSIONS, cutoffColumn, parseFigures } from './sanction-review-versions';

/** The cases a sanction review counts, and what it says it read. */
export interface SanctionReviewBasisRead {
  readonly position: bigint;
  readonly streamsRead: number;
  readonly eventsFolded: number;
  /** Each case taken in, as the table counts it (may be iterated again). */
  readonly cases: Iterable<CaseFigures>;
}

/**
 * Streams folded from the log at most, beside the versions: those the projection has not reached
 * yet (events after its checkpoint) and those whose recorded times go backwards around the cutoff.
 * More than this and the whole log is folded instead.
 */
export const MAX_STREAMS_FROM_LOG = 500;

const VERSIONS = `"${READ_MODEL_SCHEMA}"."${SANCTION_REVIEW_VERSIONS}"`;
const SUMMARIES = `"${READ_MODEL_SCHEMA}"."${SANCTION_REVIEW_SUMMARIES}"`;
const CASES = `"${READ_MODEL_SCHEMA}"."${SANCTION_REVIEW_CASES}"`;

/** Taken first in a report's transaction: a rebuild swapping the tables in waits or has finished. */
const LOCK_TABLES = `LOCK TABLE ${VERSIONS}, ${SUMMARIES}, ${CASES} IN ACCESS SHARE MODE`;

/** Streams the projection marked to be folded from the log, at or before the position. */
const MARKED_STREAMS = `SELECT DISTINCT stream_name FROM ${VERSIONS} WHERE fold_from_log AND position <= $1::numeric`;

/** Rows of TAKEN's answer, each with the cases of some streams (by a hash of the name). */
const PARTS = 16;

/**
 * Streams whose held row does not stand at the report's position and cutoff, read by TAKEN beside
 * the held rows at most; more (a report as known on an earlier day) and TAKEN reads every stream.
 */
export const MAX_STREAMS_BESIDE_HELD = 5_000;

/**
 * Each stream with an event taken in (at or before the position $1, recorded by the cutoff $2), but
 * those folded from the log ($3): the revision of its last event taken in (from its row when that
 * is its last event, else looked up among its versions), and its last figures taken in (its latest
 * when those are, else, when its first are, the last that are, looked up among its summaries).
 * Answered in $4 rows, each for some of the streams: their number, their events taken in and their
 * figures as parseFigures reads them (with their ids when $5), so that the client holds a few long
 * strings, not a row per case, and parses each case only as it counts it. $6: only these streams
 * (null: all).
 */
const TAKEN = `
  WITH taken AS (
    SELECT CASE WHEN c.last_position <= $1::numeric AND c.last_recorded_at <= $2::timestamptz THEN c.revision
                ELSE (SELECT v.revision FROM ${VERSIONS} v
                       WHERE v.stream_name = c.stream_name AND v.position <= $1::numeric AND v.recorded_at <= $2::timestamptz
                       ORDER BY v.revision DESC LIMIT 1) END AS revision,
           CASE WHEN c.latest_position <= $1::numeric AND c.latest_recorded_at <= $2::timestamptz
                THEN CASE WHEN $5::boolean THEN '[' || c.latest_figures || ',' || c.latest_ids || ']' ELSE c.latest_figures END
                WHEN c.first_position <= $1::numeric AND c.first_recorded_at <= $2::timestamptz
                THEN (SELECT CASE WHEN $5::boolean THEN '[' || s.figures || ',' || s.ids || ']' ELSE s.figures END FROM ${SUMMARIES} s
                       WHERE s.stream_name = c.stream_name AND s.position <= $1::numeric AND s.recorded_at <= $2::timestamptz
                       ORDER BY s.revision DESC LIMIT 1) END AS summary,
           (hashtext(c.stream_name) & 2147483647) % $4::int AS part
      FROM ${CASES} c
     WHERE c.first_event_position <= $1::numeric AND c.first_event_recorded_at <= $2::timestamptz
       AND c.stream_name <> ALL($3::text[])
       AND ($6::text[] IS NULL OR c.stream_name = ANY($6::text[])))
  SELECT count(*)::int AS streams, sum(revision + 1)::bigint::text AS events, string_agg(summary, E'\n') AS summaries
    FROM taken GROUP BY part`;

/**
 * The sanction review's cases as known at (position, cutoff), from the citizen-cases projection's
 * versions where they reach, folding from the log the few streams they cannot answer for: exactly
 * what folding every citizen-case stream from the log would give (the int-spec compares them).
 * The position defaults to the end of the stable log, as the log path's does. Null when the log
 * path must answer: the projection is too far behind, or the cutoff is outside years 1–9999.
 *
 * The tables and the checkpoint are read in one REPEATABLE READ transaction that first locks the
 * tables, so that a rebuild swapping them in waits or has finished (LOCK takes no snapshot).
 * `withIds: false` leaves out the case and sanction ids, which only the list of citizens needs;
 * `parts` is how many rows the server sends the cases' texts in. With `resident`, the cases' rows
 * held in this process are brought up to date and counted where they stand at the position and
 * cutoff; TAKEN then reads only the other streams, if they are few.
 */
export async function readSanctionReviewBasis(
  store: EventStore,
  dataSource: DataSource,
  recordedCutoff: string,
  position?: bigint,
  { withIds = true, parts = PARTS, resident }: { withIds?: boolean; parts?: number; resident?: ResidentCaseFigures } = {},
): Promise<SanctionReviewBasisRead | null> {
  const cutoff = cutoffColumn(recordedCutoff);
  if (cutoff === null) return null;
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query(LOCK_TABLES);
    const checkpoint = BigInt(await citizenCasesPosition(manager));
    const ahead =
      position !== undefined && position <= checkpoint
        ? { position, events: [] }
        : await readLogThrough(store, CITIZEN_CASE_STREAM_PREFIX, position, checkpoint);
    const aheadStreams = [...new Set(ahead.events.map((e) => e.streamName))];
    if (aheadStreams.length > MAX_STREAMS_FROM_LOG) return null;
    const through = ahead.position.toString();

    const marked: { stream_name: string }[] = await manager.query(MARKED_STREAMS, [through]);
    const fromLog = new Set([...aheadStreams, ...marked.map((m) => m.stream_name)]);
    if (fromLog.size > MAX_STREAMS_FROM_LOG) return null;
    let held: ResidentTaken | null = null;
    if (resident) {
      const taken = (await resident.refresh(manager, checkpoint))?.take(ahead.position, Date.parse(cutoff), fromLog);
      if (taken && taken.others.length <= MAX_STREAMS_BESIDE_HELD) held = taken;
    }
    const taken: { streams: number; events: string; summaries: string | null }[] =
      held?.others.length === 0 ? [] : await manager.query(TAKEN, [through, cutoff, [...fromLog], parts, withIds, held ? held.others : null]);

    let streamsRead = held?.streams ?? 0;
    let eventsFolded = held?.events ?? 0;
    const texts: string[] = [];
    for (const part of taken) {
      streamsRead += part.streams;
      eventsFolded += Number(part.events);
      if (part.summaries !== null) texts.push(part.summaries);
    }
    const folded: CaseFigures[] = [];
    for (const streamName of fromLog) {
      for (const stream of foldAsKnown(await store.readStream(streamName), citizenCase, { position: ahead.position, recordedCutoff })) {
        streamsRead += 1;
        eventsFolded += stream.events;
        const figures = caseFigures(stream.state);
        if (figures) folded.push(figures);
      }
    }
    const cases = {
      *[Symbol.iterator](): Generator<CaseFigures> {
        if (held) yield* held.cases;
        yield* parseFigures(texts, withIds);
        yield* folded;
      },
    };
    return { position: ahead.position, streamsRead, eventsFolded, cases };
  });
}

/**
 * Reads the case rows into `resident` as a report would (the API does it at start, so that its
 * first report does not): how many are held.
 */
export async function holdCaseRows(dataSource: DataSource, resident: ResidentCaseFigures): Promise<number> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query(LOCK_TABLES);
    const held = await resident.refresh(manager, BigInt(await citizenCasesPosition(manager)));
    return held?.size ?? 0;
  });
}
