import type { EventStore } from '@casetrail/event-store';
import type { JsonLogger } from '@casetrail/platform';
import type { Pool, PoolClient } from 'pg';
import { ProjectionRunner, type WakeSource } from './projection-runner';
import type { Projection } from './projection';

export type ProjectorStatus = 'waiting-for-lock' | 'running' | 'stopped';

const LEADER_LOCK = 'casetrail.projector';

/**
 * Runs every projection in this process, once it holds the projector lock: a second projector
 * process waits on the lock (a session advisory lock, released when the holder's connection ends,
 * also when it is killed) and takes over then.
 */
export class Projector {
  private readonly abort = new AbortController();
  private readonly runners: ProjectionRunner[];
  private lockClient?: PoolClient;
  private running?: Promise<void>;
  private state: ProjectorStatus = 'stopped';

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    projections: readonly Projection[],
    private readonly logger: JsonLogger,
    options: { batchSize?: number } = {},
  ) {
    this.runners = projections.map((p) => new ProjectionRunner(store, pool, p, { batchSize: options.batchSize, logger }));
  }

  get status(): ProjectorStatus {
    return this.state;
  }

  /** Starts in the background; resolves at once. */
  start(): void {
    this.state = 'waiting-for-lock';
    this.running = this.lead().catch((error: unknown) => {
      if (!this.abort.signal.aborted) this.logger.error({ msg: 'projector stopped', error: (error as Error).message });
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.lockClient?.release(true);
    await this.running;
    this.state = 'stopped';
  }

  private async lead(): Promise<void> {
    this.lockClient = await this.pool.connect();
    this.lockClient.on('error', () => this.abort.abort());
    await this.lockClient.query('SELECT pg_advisory_lock(hashtext($1))', [LEADER_LOCK]);
    if (this.abort.signal.aborted) return;
    this.state = 'running';
    this.logger.info({ msg: 'projector running', projections: this.runners.map((r) => r.projection.name) });
    const wake = wakeSourceOf(this.store);
    await Promise.all(this.runners.map((runner) => runner.run(this.abort.signal, wake)));
  }
}

function wakeSourceOf(store: EventStore): WakeSource | undefined {
  return typeof (store as Partial<WakeSource>).onWake === 'function' ? (store as unknown as WakeSource) : undefined;
}
