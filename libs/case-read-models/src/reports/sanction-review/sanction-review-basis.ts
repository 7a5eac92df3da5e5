import { CITIZEN_CASE_STREAM_PREFIX, citizenCase } from '@casetrail/case-management';
import type { EventStore } from '@casetrail/event-store';
import type { DataSource } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../../projection/projection';
import { foldAsKnown, readLogThrough } from '../report-basis/as-known';
import { citizenCasesPosition } from '../evidence-shared/report-header';
import { caseFigures, type CaseFigures } from './sanction-review';
import { SANCTION_REVIEW_CASES, SANCTION_REVIEW_SUMMARIES, SANCTION_REVIEW_VERSIONS, cutoffColumn, type StoredSummary } from './sanction-review-versions';

/** The cases a sanction review counts, and what it says it read. */
export interface SanctionReviewBasisRead {
  readonly position: bigint;
  readonly streamsRead: number;
  readonly eventsFolded: number;
  /** Each case taken in, as the table counts it. */
  readonly cases: readonly CaseFigures[];
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

/** Streams the projection marked to be folded from the log, at or before the position. */
const MARKED_STREAMS = `SELECT DISTINCT stream_name FROM ${VERSIONS} WHERE fold_from_log AND position <= $1::numeric`;

/**
 * The events taken in, of every stream but those folded from the log ($3): the events at or
 * before the position recorded by the cutoff, and the streams with at least one (the others' events
 * taken in are their first ones, so a stream has one exactly when its first event is taken in).
 */
const COUNT_EVENTS = `
  SELECT count(*)::bigint::text AS events, (count(*) FILTER (WHERE revision = 0))::int AS streams
    FROM ${VERSIONS}
   WHERE position <= $1::numeric AND recorded_at <= $2::timestamptz AND stream_name <> ALL($3::text[])`;

/**
 * Each stream's last summary at or before the position recorded by the cutoff: its latest one when
 * that is, else (when its first one is) the last one that is, looked up in its history.
 */
const LAST_SUMMARIES = `
  WITH tracked AS (
    SELECT stream_name, state->'latest' AS latest,
           (state->'first'->>'position')::numeric <= $1::numeric AND (state->'first'->>'recordedAt')::timestamptz <= $2::timestamptz AS first_in,
           (state->'latest'->>'position')::numeric <= $1::numeric AND (state->'latest'->>'recordedAt')::timestamptz <= $2::timestamptz AS latest_in
      FROM ${CASES}
     WHERE state->'first' <> 'null'::jsonb)
  SELECT stream_name, latest->'summary' AS summary FROM tracked WHERE latest_in
  UNION ALL
  SELECT t.stream_name, h.summary
    FROM tracked t
   CROSS JOIN LATERAL (
     SELECT s.summary FROM ${SUMMARIES} s
      WHERE s.stream_name = t.stream_name AND s.position <= $1::numeric AND s.recorded_at <= $2::timestamptz
      ORDER BY s.revision DESC LIMIT 1) h
   WHERE t.first_in AND NOT t.latest_in`;

/**
 * The sanction review's cases as known at (position, cutoff), from the citizen-cases projection's
 * versions where they reach, folding from the log the few streams they cannot answer for: exactly
 * what folding every citizen-case stream from the log would give (the int-spec compares them).
 * The position defaults to the end of the stable log, as the log path's does. Null when the log
 * path must answer: the projection is too far behind, or the cutoff is outside years 1–9999.
 *
 * The tables and the checkpoint are read in one REPEATABLE READ transaction that first locks the
 * tables, so that a rebuild swapping them in waits or has finished (LOCK takes no snapshot).
 */
export async function readSanctionReviewBasis(
  store: EventStore,
  dataSource: DataSource,
  recordedCutoff: string,
  position?: bigint,
): Promise<SanctionReviewBasisRead | null> {
  const cutoff = cutoffColumn(recordedCutoff);
  if (cutoff === null) return null;
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    await manager.query(`LOCK TABLE ${VERSIONS}, ${SUMMARIES}, ${CASES} IN ACCESS SHARE MODE`);
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
    const [counted]: { events: string; streams: number }[] = await manager.query(COUNT_EVENTS, [through, cutoff, [...fromLog]]);

    const cases: CaseFigures[] = [];
    const summaries: { stream_name: string; summary: StoredSummary }[] = await manager.query(LAST_SUMMARIES, [through, cutoff]);
    for (const { stream_name, summary } of summaries) if (!fromLog.has(stream_name) && !('none' in summary)) cases.push(summary);
    let streamsRead = counted.streams;
    let eventsFolded = Number(counted.events);
    for (const streamName of fromLog) {
      const folded = foldAsKnown(await store.readStream(streamName), citizenCase, { position: ahead.position, recordedCutoff });
      for (const stream of folded) {
        streamsRead += 1;
        eventsFolded += stream.events;
        const figures = caseFigures(stream.state);
        if (figures) cases.push(figures);
      }
    }
    return { position: ahead.position, streamsRead, eventsFolded, cases };
  });
}

