import type {
  GlobalLogFilter,
  ReadAllResult,
  Subscription,
  SubscriptionMessage,
} from '../event-store.port';

export interface WakeSource {
  readPage(after: bigint, limit: number, filter?: GlobalLogFilter): Promise<ReadAllResult & { heldBack: boolean }>;
  onWake(listener: () => void): () => void;
}

/** While committed events wait behind an older open transaction, look again this soon. */
const HELD_BACK_RETRY_MS = 5;
/** Without any wake-up (a lost NOTIFY, a dropped listener), look again at least this often. */
const IDLE_POLL_MS = 1_000;
const ERROR_RETRY_MS = 500;

/**
 * Catch-up-then-live reading of the PostgreSQL global log. Pages are read in global order; once a
 * page comes back short the subscriber is caught up and waits for a wake-up (a local append or a
 * NOTIFY), with a slow poll as a safety net. A wake-up that arrives while a page is being read is
 * never lost: the generation counter is checked before waiting.
 */
export class PostgresSubscription implements Subscription {
  private closed = false;
  private generation = 0;
  private waiter?: () => void;
  private readonly unsubscribe: () => void;
  private started = false;

  constructor(
    private readonly source: WakeSource,
    private readonly options: { after: bigint; batchSize: number; filter?: GlobalLogFilter },
  ) {
    this.unsubscribe = source.onWake(() => {
      this.generation++;
      this.waiter?.();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    this.waiter?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    if (this.started) throw new Error('A subscription can be iterated once');
    this.started = true;
    return this.messages();
  }

  private async *messages(): AsyncGenerator<SubscriptionMessage> {
    let after = this.options.after;
    let caughtUp = false;
    try {
      while (!this.closed) {
        const seen = this.generation;
        let page: ReadAllResult & { heldBack: boolean };
        try {
          page = await this.source.readPage(after, this.options.batchSize, this.options.filter);
        } catch {
          await this.pause(seen, ERROR_RETRY_MS);
          continue;
        }
        for (const event of page.events) {
          if (this.closed) return;
          yield { kind: 'event', event };
        }
        after = page.lastPosition;
        if (!page.isEnd) continue;
        if (!caughtUp && !page.heldBack) {
          caughtUp = true;
          yield { kind: 'caught-up', position: after };
        }
        await this.pause(seen, page.heldBack ? HELD_BACK_RETRY_MS : IDLE_POLL_MS);
      }
    } finally {
      this.closed = true;
      this.unsubscribe();
    }
  }

  private pause(seenGeneration: number, ms: number): Promise<void> {
    if (this.closed || this.generation !== seenGeneration) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.waiter = () => {
        this.waiter = undefined;
        done();
      };
    });
  }
}
