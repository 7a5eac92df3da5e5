import type { CitizenCaseState } from '@casetrail/case-management';
import type { RecordedEvent } from '@casetrail/event-store';
import { isCanonicalInstant } from '../../projection/instants';
import { caseFigures, type CaseFigures } from './sanction-review';

/**
 * What the citizen-cases projection keeps so that the sanction review is counted without folding
 * the log (sanction-review-basis.ts reads it):
 * - `sanction_review_versions`: one narrow row per citizen-case event (position, recorded time);
 * - `sanction_review_summaries`: the case's figures after each event that changed them;
 * - `sanction_review_cases`: per stream, in typed columns, where its first and last events and its
 *   first and latest figures stand, and its latest figures: both what the report reads of the case
 *   and all the projection needs to go on with the stream (no jsonb state beside it).
 * Within a stream, position and revision rise together, and so does the recorded time unless an
 * event was recorded with an earlier clock than the one before it (the stream is then marked to be
 * folded from the log). Where they do, the events "at or before position P and recorded by C" are
 * the stream's first events (as many as the last such event's revision plus one), and the case as
 * known then is the last such summary.
 *
 * A case's figures are kept as two JSON texts, its CaseFigures' `figures` and `ids`, written and
 * parsed here only; both are null where an event left the case unopened again.
 */
export const SANCTION_REVIEW_VERSIONS = 'sanction_review_versions';
export const SANCTION_REVIEW_SUMMARIES = 'sanction_review_summaries';
export const SANCTION_REVIEW_CASES = 'sanction_review_cases';
export const SANCTION_REVIEW_TABLES = [SANCTION_REVIEW_VERSIONS, SANCTION_REVIEW_SUMMARIES, SANCTION_REVIEW_CASES] as const;

export interface VersionRow {
  readonly stream_name: string;
  readonly revision: number;
  /** Decimal. */
  readonly position: string;
  /** ISO 8601 to the millisecond, or ±infinity for a recorded time that is not a date of years 1–9999. */
  readonly recorded_at: string;
  /**
   * Reports fold this stream from the log from here on, because its events may no longer be taken
   * in as a prefix or the projection's state of it may not be the log's: this event was recorded
   * before the one preceding it, or it was folded without the stream's earlier events (they left
   * the case unopened, and so unstored, in an earlier batch), or it left the case unopened again.
   */
  readonly fold_from_log: boolean;
}

export interface SummaryRow {
  readonly stream_name: string;
  readonly revision: number;
  readonly position: string;
  readonly recorded_at: string;
  /** The case's CaseFigures as JSON texts; null when the event left the case unopened again. */
  readonly figures: string | null;
  readonly ids: string | null;
}

/** A `sanction_review_cases` row. */
export interface CaseRow {
  readonly stream_name: string;
  readonly revision: number;
  readonly last_position: string;
  readonly last_recorded_at: string;
  readonly first_event_position: string;
  readonly first_event_recorded_at: string;
  readonly first_position: string | null;
  readonly first_recorded_at: string | null;
  readonly latest_revision: number | null;
  readonly latest_position: string | null;
  readonly latest_recorded_at: string | null;
  readonly latest_figures: string | null;
  readonly latest_ids: string | null;
}

/**
 * Collects one batch's rows: construct it with the streams' stored case rows, pass `observe` to
 * foldStreams, then write `versions`, `summaries` and `cases()`. A summary is built only when a part
 * the report reads is no longer the same object (the aggregate's evolve copies what it changes and
 * shares the rest), so most events cost a few comparisons.
 */
export class SanctionReviewVersions {
  readonly versions: VersionRow[] = [];
  readonly summaries: SummaryRow[] = [];
  /** Each stream's `sanction_review_cases` row, as read at the start of the batch or as it will be written. */
  private readonly tracked = new Map<string, CaseRow>();
  private readonly moved = new Set<string>();

  /** `stored`: the streams' `sanction_review_cases` rows, as ProjectionContext.storedRows gives them. */
  constructor(stored: ReadonlyMap<string, Readonly<Record<string, unknown>>>) {
    for (const [streamName, row] of stored) this.tracked.set(streamName, caseRowFrom(row));
  }

  readonly observe = (event: RecordedEvent, state: CitizenCaseState, previous: CitizenCaseState): void => {
    const streamName = event.streamName;
    const position = event.position.toString();
    const recordedAt = recordedAtColumn(event.metadata.recordedAt);
    const before = this.tracked.get(streamName);
    const backwards = before !== undefined && instant(recordedAt) < instant(before.last_recorded_at);
    const firstInBatch = !this.moved.has(streamName);
    this.moved.add(streamName);
    const unstoredStart = firstInBatch && event.revision > 0 && previous.status === 'NONE';
    const reopened = previous.status !== 'NONE' && state.status === 'NONE';
    this.versions.push({ stream_name: streamName, revision: event.revision, position, recorded_at: recordedAt, fold_from_log: backwards || unstoredStart || reopened });

    let row: CaseRow =
      before === undefined
        ? {
            stream_name: streamName,
            revision: event.revision,
            last_position: position,
            last_recorded_at: recordedAt,
            first_event_position: position,
            first_event_recorded_at: recordedAt,
            first_position: null,
            first_recorded_at: null,
            latest_revision: null,
            latest_position: null,
            latest_recorded_at: null,
            latest_figures: null,
            latest_ids: null,
          }
        : { ...before, revision: event.revision, last_position: position, last_recorded_at: recordedAt };
    if (changed(previous, state)) {
      const summary = caseFigures(state);
      const figures = summary && JSON.stringify(summary.figures);
      const ids = summary && JSON.stringify(summary.ids);
      this.summaries.push({ stream_name: streamName, revision: event.revision, position, recorded_at: recordedAt, figures, ids });
      row = {
        ...row,
        first_position: row.first_position ?? position,
        first_recorded_at: row.first_position === null ? recordedAt : row.first_recorded_at,
        latest_revision: event.revision,
        latest_position: position,
        latest_recorded_at: recordedAt,
        latest_figures: figures,
        latest_ids: ids,
      };
    }
    this.tracked.set(streamName, row);
  };

  /** The `sanction_review_cases` rows of the streams this batch moved. */
  cases(): CaseRow[] {
    return [...this.moved].map((streamName) => this.tracked.get(streamName)!);
  }
}

/**
 * A `sanction_review_cases` row as this class writes it, from the row as it wrote it (during a
 * rebuild) or as the driver reads it back (numeric as text, timestamptz as a Date, or ±Infinity).
 */
function caseRowFrom(row: Readonly<Record<string, unknown>>): CaseRow {
  const text = (value: unknown) => (value === null ? null : String(value));
  const instantOrNull = (value: unknown) => (value === null ? null : instantColumn(value));
  return {
    stream_name: String(row.stream_name),
    revision: Number(row.revision),
    last_position: String(row.last_position),
    last_recorded_at: instantColumn(row.last_recorded_at),
    first_event_position: String(row.first_event_position),
    first_event_recorded_at: instantColumn(row.first_event_recorded_at),
    first_position: text(row.first_position),
    first_recorded_at: instantOrNull(row.first_recorded_at),
    latest_revision: row.latest_revision === null ? null : Number(row.latest_revision),
    latest_position: text(row.latest_position),
    latest_recorded_at: instantOrNull(row.latest_recorded_at),
    latest_figures: row.latest_figures as string | null,
    latest_ids: row.latest_ids as string | null,
  };
}

/** A timestamptz column's value as recordedAtColumn writes it. */
function instantColumn(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value === Infinity) return 'infinity';
  if (value === -Infinity) return '-infinity';
  return String(value);
}

/**
 * The cases in TAKEN's texts (sanction-review-basis.ts): one case per line (JSON text holds no raw
 * line break), its `figures`, or, when `withIds`, the JSON array [figures, ids]; each line is parsed
 * only when reached, so that a case's objects are garbage as soon as it is counted.
 */
export function* parseFigures(texts: readonly string[], withIds: boolean): Generator<CaseFigures> {
  for (const text of texts) {
    for (let start = 0; start < text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline < 0 ? text.length : newline;
      const parsed: unknown = JSON.parse(text.slice(start, end));
      if (withIds) {
        const [figures, ids] = parsed as [CaseFigures['figures'], CaseFigures['ids']];
        yield { figures, ids };
      } else {
        yield { figures: parsed as CaseFigures['figures'], ids: null };
      }
      start = end + 1;
    }
  }
}

function changed(previous: CitizenCaseState, state: CitizenCaseState): boolean {
  const wasCase = previous.status !== 'NONE';
  const isCase = state.status !== 'NONE';
  if (!wasCase || !isCase) return wasCase !== isCase;
  return (
    previous.sanctions !== state.sanctions ||
    previous.repayments !== state.repayments ||
    previous.discoveries !== state.discoveries ||
    previous.caseId !== state.caseId ||
    previous.citizenRef !== state.citizenRef
  );
}

const MIN_INSTANT = Date.parse('0001-01-01T00:00:00.000Z');
const MAX_INSTANT = Date.parse('9999-12-31T23:59:59.999Z');

function instant(column: string): number {
  return column === 'infinity' ? Infinity : column === '-infinity' ? -Infinity : Date.parse(column);
}

/**
 * The recorded time as the columns keep it, compared as reports compare it (Date.parse, to the
 * millisecond): a time that is no date sorts after every cutoff, as the log path leaves it out.
 */
export function recordedAtColumn(recordedAt: string): string {
  if (isCanonicalInstant(recordedAt)) return recordedAt;
  const at = Date.parse(recordedAt);
  if (Number.isNaN(at) || at > MAX_INSTANT) return 'infinity';
  if (at < MIN_INSTANT) return '-infinity';
  return new Date(at).toISOString();
}

/** A report's cutoff as the columns compare it, or null when it is outside years 1–9999. */
export function cutoffColumn(recordedCutoff: string): string | null {
  const at = Date.parse(recordedCutoff);
  if (Number.isNaN(at) || at < MIN_INSTANT || at > MAX_INSTANT) return null;
  return new Date(at).toISOString();
}
