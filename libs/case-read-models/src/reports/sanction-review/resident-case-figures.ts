import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../../projection/projection';
import type { CaseFigures } from './sanction-review';
import { SANCTION_REVIEW_CASES } from './sanction-review-versions';

const CASES = `"${READ_MODEL_SCHEMA}"."${SANCTION_REVIEW_CASES}"`;

/** Which `sanction_review_cases` table the rows were read from: another after a rebuild's swap or a TRUNCATE. */
const TABLE_KEY = `SELECT current_database() || ':' || c.oid || ':' || pg_relation_filenode(c.oid) AS key FROM pg_class c WHERE c.oid = '${CASES}'::regclass`;

/**
 * The rows, their recorded times as milliseconds: they are kept to the millisecond, so rounding the
 * double's epoch gives them exactly; ±infinity stays infinite. (date_part is a double; extract, a
 * numeric, costs the server twice as much.)
 */
const ROWS = `
  SELECT stream_name, revision, last_position::text AS last_position,
         round(date_part('epoch', last_recorded_at) * 1000) AS last_recorded_at,
         first_event_position::text AS first_event_position,
         round(date_part('epoch', first_event_recorded_at) * 1000) AS first_event_recorded_at,
         latest_position::text AS latest_position,
         round(date_part('epoch', latest_recorded_at) * 1000) AS latest_recorded_at,
         latest_figures, latest_ids
    FROM ${CASES}`;

export interface ResidentRow {
  readonly stream_name: string;
  readonly revision: number;
  readonly last_position: string;
  readonly last_recorded_at: number;
  readonly first_event_position: string;
  readonly first_event_recorded_at: number;
  readonly latest_position: string | null;
  readonly latest_recorded_at: number | null;
  readonly latest_figures: string | null;
  readonly latest_ids: string | null;
}

/** A `sanction_review_cases` row as held: never changed, only replaced by a newer one. */
interface ResidentCase {
  readonly revision: number;
  readonly lastPosition: bigint;
  readonly lastRecordedAt: number;
  readonly firstEventPosition: bigint;
  readonly firstEventRecordedAt: number;
  readonly latestPosition: bigint | null;
  readonly latestRecordedAt: number;
  /** The latest figures with their ids; null where the case was unopened again. */
  readonly figures: CaseFigures | null;
}

/** What the held rows answer for at (position, cutoff), taken at once. */
export interface ResidentTaken {
  readonly streams: number;
  readonly events: number;
  readonly cases: readonly CaseFigures[];
  /** Streams taken in whose row does not stand at (position, cutoff): their versions must be read. */
  readonly others: readonly string[];
}

/**
 * The citizen-cases projection's `sanction_review_cases` rows held in this process, latest figures
 * parsed, so that a sanction review as known now counts them without the server sending, and this
 * process parsing, every case again. They are brought up to date inside the report's own
 * transaction (the rows whose last event is after the checkpoint they were read at), and read
 * again in full when the table is another one (a rebuild swapped it in, a migration emptied it and
 * set the checkpoint back). A row is only replaced by one with a later last event, so that reports
 * running at once, each with its own snapshot, never put back an older row.
 *
 * One per database (the read models' data source); its memory is about a kilobyte per case.
 */
@Injectable()
export class ResidentCaseFigures {
  private held: HeldCases | null = null;

  /**
   * The rows brought up to `checkpoint`, the citizen-cases checkpoint read in the same snapshot as
   * `manager`'s transaction, which must hold a lock on the table; null when another report replaced
   * them meanwhile (this report then reads its own).
   */
  async refresh(manager: EntityManager, checkpoint: bigint): Promise<HeldCases | null> {
    const [{ key }]: { key: string }[] = await manager.query(TABLE_KEY);
    const held = this.held;
    if (held === null || held.table !== key) {
      const rows: ResidentRow[] = await manager.query(ROWS);
      const cases = new Map<string, ResidentCase>();
      for (const row of rows) cases.set(row.stream_name, residentCase(row));
      this.held = new HeldCases(key, checkpoint, cases);
      return this.held;
    }
    // Held rows newer than this snapshot have later last events than its checkpoint: take() sends
    // them to `others`, or the report folds them from the log as events after the checkpoint.
    if (checkpoint <= held.watermark) return held;
    const rows: ResidentRow[] = await manager.query(`${ROWS} WHERE last_position > $1::numeric`, [held.watermark.toString()]);
    if (this.held !== held) return null;
    held.bringUp(rows, checkpoint);
    return held;
  }

  /** How many streams are held (for the tests). */
  get size(): number {
    return this.held?.size ?? 0;
  }

  /** Which table they were read from (for the tests). */
  get table(): string | null {
    return this.held?.table ?? null;
  }
}

/** The rows of one table, held. */
export class HeldCases {
  constructor(
    readonly table: string,
    /** The checkpoint the rows were last brought up to: every row changed since has a later last event. */
    private checkpoint: bigint,
    private readonly cases: Map<string, ResidentCase>,
  ) {}

  get watermark(): bigint {
    return this.checkpoint;
  }

  get size(): number {
    return this.cases.size;
  }

  /** Takes in the rows changed after the watermark, as read at `checkpoint`. */
  bringUp(rows: readonly ResidentRow[], checkpoint: bigint): void {
    for (const row of rows) {
      const before = this.cases.get(row.stream_name);
      const after = residentCase(row);
      if (before === undefined || after.lastPosition >= before.lastPosition) this.cases.set(row.stream_name, after);
    }
    if (checkpoint > this.checkpoint) this.checkpoint = checkpoint;
  }

  /**
   * Every stream with an event at or before `position` recorded by `cutoff` (milliseconds), but
   * those in `excluded`: its events taken in and its figures where its row stands at (position,
   * cutoff), as the report's own query would find them, else its name among `others`. Synchronous,
   * so that no refresh comes between the rows it reads.
   */
  take(position: bigint, cutoff: number, excluded: ReadonlySet<string>): ResidentTaken {
    let streams = 0;
    let events = 0;
    const cases: CaseFigures[] = [];
    const others: string[] = [];
    for (const [streamName, c] of this.cases) {
      if (c.firstEventPosition > position || c.firstEventRecordedAt > cutoff || excluded.has(streamName)) continue;
      const lastIn = c.lastPosition <= position && c.lastRecordedAt <= cutoff;
      const latestIn = c.latestPosition === null || (c.latestPosition <= position && c.latestRecordedAt <= cutoff);
      if (!lastIn || !latestIn) {
        others.push(streamName);
        continue;
      }
      streams++;
      events += c.revision + 1;
      if (c.figures !== null) cases.push(c.figures);
    }
    return { streams, events, cases, others };
  }
}

function residentCase(row: ResidentRow): ResidentCase {
  return {
    revision: row.revision,
    lastPosition: BigInt(row.last_position),
    lastRecordedAt: row.last_recorded_at,
    firstEventPosition: BigInt(row.first_event_position),
    firstEventRecordedAt: row.first_event_recorded_at,
    latestPosition: row.latest_position === null ? null : BigInt(row.latest_position),
    latestRecordedAt: row.latest_recorded_at ?? Infinity,
    figures:
      row.latest_figures === null
        ? null
        : { figures: JSON.parse(row.latest_figures) as CaseFigures['figures'], ids: JSON.parse(row.latest_ids ?? 'null') as CaseFigures['ids'] },
  };
}
