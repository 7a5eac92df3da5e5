import { Inject, Injectable, ServiceUnavailableException, type BeforeApplicationShutdown } from '@nestjs/common';
import { readCheckpoints } from '@casetrail/case-read-models';
import { APP_CONFIG, PG_POOL, type AppConfig } from '@casetrail/platform';
import type { Pool } from 'pg';

const POLL_MS = 25;

interface Waiter {
  readonly projections: readonly string[];
  readonly position: bigint;
  readonly deadline: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Read-your-writes: waits until every named projection's checkpoint has reached a position, for at
 * most READ_YOUR_WRITES_TIMEOUT_MS. All waiting requests share one poll of
 * read_model.projection_checkpoints every 25 ms, so many waiters cost one small query per tick.
 */
@Injectable()
export class CheckpointWaiter implements BeforeApplicationShutdown {
  private readonly waiters = new Set<Waiter>();
  private timer?: NodeJS.Timeout;
  private polling = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Resolves once caught up; rejects with 503 READ_MODEL.NOT_YET_CAUGHT_UP when the time is up. */
  async waitFor(projections: readonly string[], position: bigint): Promise<void> {
    const positions = await this.positions();
    if (caughtUp(positions, projections, position)) return;
    if (this.config.readYourWritesTimeoutMs === 0) throw notCaughtUp(positions, projections, position);
    return new Promise<void>((resolve, reject) => {
      this.waiters.add({ projections, position, deadline: Date.now() + this.config.readYourWritesTimeoutMs, resolve, reject });
      this.schedule();
    });
  }

  beforeApplicationShutdown(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of this.waiters) waiter.reject(new ServiceUnavailableException({ code: 'SERVICE.SHUTTING_DOWN', detail: 'The API is stopping' }));
    this.waiters.clear();
  }

  private schedule(): void {
    if (this.timer || this.polling || this.waiters.size === 0) return;
    this.timer = setTimeout(() => void this.poll(), POLL_MS);
  }

  private async poll(): Promise<void> {
    this.timer = undefined;
    this.polling = true;
    let positions: Map<string, bigint> | undefined;
    try {
      positions = await this.positions();
    } catch {
      // The database did not answer this tick: the waiters keep waiting until their deadline.
    } finally {
      this.polling = false;
    }
    const now = Date.now();
    for (const waiter of this.waiters) {
      if (positions && caughtUp(positions, waiter.projections, waiter.position)) {
        this.waiters.delete(waiter);
        waiter.resolve();
      } else if (now >= waiter.deadline) {
        this.waiters.delete(waiter);
        waiter.reject(notCaughtUp(positions ?? new Map(), waiter.projections, waiter.position));
      }
    }
    this.schedule();
  }

  private async positions(): Promise<Map<string, bigint>> {
    return new Map((await readCheckpoints(this.pool)).map((c) => [c.projection, c.position]));
  }
}

function caughtUp(positions: ReadonlyMap<string, bigint>, projections: readonly string[], position: bigint): boolean {
  return projections.every((name) => (positions.get(name) ?? 0n) >= position);
}

function notCaughtUp(positions: ReadonlyMap<string, bigint>, projections: readonly string[], position: bigint): ServiceUnavailableException {
  const behind = projections.filter((name) => (positions.get(name) ?? 0n) < position);
  return new ServiceUnavailableException({
    code: 'READ_MODEL.NOT_YET_CAUGHT_UP',
    detail: `The read model has not yet caught up with position ${position}: ${behind.join(', ')} behind; retry shortly`,
    minPosition: position.toString(),
    projections: behind.map((name) => ({ name, position: (positions.get(name) ?? 0n).toString() })),
  });
}
