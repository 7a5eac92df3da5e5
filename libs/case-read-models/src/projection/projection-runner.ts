import type { EventStore, RecordedEvent } from '@casetrail/event-store';
import type { JsonLogger } from '@casetrail/platform';
import type { Pool } from 'pg';
import { lockCheckpoint, saveCheckpoint } from './checkpoints';
import { isParked, parkEvent } from './parked-events';
import { READ_MODEL_SCHEMA, type Projection } from './projection';
import { transactionContext } from './upsert-rows';

export interface RunnerOptions {
  readonly batchSize?: number;
  /** Where the projection's tables live: `read_model`, or the rebuild's schema. */
  readonly schema?: string;
  readonly logger?: JsonLogger;
}

export interface BatchOutcome {
  readonly applied: number;
  readonly position: bigint;
  /** Nothing further is readable now. */
  readonly caughtUp: boolean;
  /** The projection stopped at an event it could not apply. */
  readonly parked: boolean;
}

/** Something that says when new events may be readable (a local append or a NOTIFY). */
export interface WakeSource {
  onWake(listener: () => void): () => void;
}

const IDLE_POLL_MS = 500;

/**
 * Runs one projection: reads the global log after its checkpoint in pages and applies each page in
 * one transaction together with the new checkpoint, so that a crash leaves either the whole page
 * or none of it. An event the projection cannot apply is parked and the projection stops there;
 * in a rebuild's tables nothing is parked (parked events are the live tables'): the call fails.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly schema: string;

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    readonly projection: Projection,
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.schema = options.schema ?? READ_MODEL_SCHEMA;
  }

  /** Applies the next page; call again while it is not caught up. */
  async step(): Promise<BatchOutcome> {
    // An event parked by the live tables does not stop their rebuild, which is how they are repaired.
    if (this.schema === READ_MODEL_SCHEMA && (await isParked(this.pool, this.projection.name))) {
      return { applied: 0, position: await this.checkpoint(), caughtUp: true, parked: true };
    }
    const after = await this.checkpoint();
    const page = await this.store.readAll({ after, maxCount: this.batchSize, filter: this.projection.filter });
    if (page.lastPosition === after) return { applied: 0, position: after, caughtUp: true, parked: false };
    try {
      const applied = await this.applyInTransaction(page.events, page.lastPosition);
      return { applied, position: page.lastPosition, caughtUp: page.isEnd, parked: false };
    } catch (error) {
      return this.applyOneByOne(page.events, page.lastPosition, error);
    }
  }

  /** Steps until caught up or parked, or until `signal` aborts. */
  async catchUp(signal?: AbortSignal, onProgress?: (outcome: BatchOutcome) => void): Promise<BatchOutcome> {
    for (;;) {
      const outcome = await this.step();
      onProgress?.(outcome);
      if (outcome.caughtUp || outcome.parked || signal?.aborted) return outcome;
    }
  }

  /**
   * Steps until the checkpoint has reached `position` (bounded): the global log may hold an event
   * back while an older transaction anywhere on the server is still open.
   */
  async catchUpTo(position: bigint, timeoutMs = 15_000): Promise<BatchOutcome> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const outcome = await this.catchUp();
      if (outcome.position >= position || outcome.parked) return outcome;
      if (Date.now() > deadline) throw new Error(`${this.projection.name} did not reach position ${position} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Runs until `signal` aborts: catches up, then follows new events as they are written. */
  async run(signal: AbortSignal, wake?: WakeSource): Promise<void> {
    let woken = 0;
    const unsubscribe = wake?.onWake(() => woken++);
    try {
      while (!signal.aborted) {
        const seen = woken;
        let outcome: BatchOutcome;
        try {
          outcome = await this.catchUp(signal);
        } catch (error) {
          this.options.logger?.warn({ msg: 'projection batch failed; retrying', projection: this.projection.name, error: (error as Error).message });
          await pause(IDLE_POLL_MS, signal);
          continue;
        }
        if (woken === seen) await pause(outcome.parked ? IDLE_POLL_MS * 4 : IDLE_POLL_MS, signal, wake);
      }
    } finally {
      unsubscribe?.();
    }
  }

  async checkpoint(): Promise<bigint> {
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT position::text AS position FROM "${this.schema}".projection_checkpoints WHERE projection = $1`,
      [this.projection.name],
    );
    return rows[0] ? BigInt(rows[0].position) : 0n;
  }

  private async applyInTransaction(events: readonly RecordedEvent[], through: bigint): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const stored = await lockCheckpoint(client, this.projection.name, this.schema);
      const fresh = events.filter((e) => e.position > stored);
      if (fresh.length > 0) await this.projection.apply(fresh, transactionContext(client, this.schema));
      await saveCheckpoint(client, this.projection.name, through, fresh.length, this.schema);
      await client.query('COMMIT');
      return fresh.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** After a failed page: apply event by event to find the one that fails, and park it (or, in a rebuild's tables, fail). */
  private async applyOneByOne(events: readonly RecordedEvent[], through: bigint, pageError: unknown): Promise<BatchOutcome> {
    let applied = 0;
    for (const event of events) {
      try {
        applied += await this.applyInTransaction([event], event.position);
      } catch (error) {
        if (this.schema !== READ_MODEL_SCHEMA) {
          throw new Error(`${this.projection.name} cannot apply event ${event.id} (${event.type}) at position ${event.position}: ${(error as Error).message}`, { cause: error });
        }
        await parkEvent(this.pool, this.projection.name, event, error);
        this.options.logger?.error({ msg: 'projection parked an event', projection: this.projection.name, eventId: event.id, eventType: event.type, position: event.position, error: (error as Error).message });
        return { applied, position: await this.checkpoint(), caughtUp: true, parked: true };
      }
    }
    // Every event applied alone: the page failed for another reason (a lost connection); move on.
    this.options.logger?.warn({ msg: 'page failed but its events applied one by one', projection: this.projection.name, error: (pageError as Error)?.message });
    await this.applyInTransaction([], through);
    return { applied, position: through, caughtUp: false, parked: false };
  }
}

function pause(ms: number, signal: AbortSignal, wake?: WakeSource): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      unsubscribe?.();
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    const unsubscribe = wake?.onWake(done);
  });
}
