import type { RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, chainHash, contentDigest, runningHash } from './event-hash';

export type IntegrityProblemKind = 'CONTENT_CHANGED' | 'CHAIN_BROKEN' | 'REVISION_MISSING' | 'HASH_MISSING' | 'CHECKPOINT_MISMATCH';

/** The first place where the history is not the history that was written. */
export interface IntegrityProblem {
  readonly kind: IntegrityProblemKind;
  readonly streamName?: string;
  readonly revision?: number;
  readonly eventId?: string;
  readonly position?: string;
  readonly detail: string;
}

export interface SealedCheckpoint {
  readonly position: bigint;
  readonly eventCount: number;
  readonly runningHash: string;
}

export interface VerificationResult {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  readonly checkpointsChecked: number;
  readonly problem?: IntegrityProblem;
}

/**
 * Checks events of one or more streams, in global (or stream) order: each event's content against
 * its digest, its hash against the chain from the stream's first event, revisions without gaps;
 * and, when checkpoints are given, the running hash of the global log at each sealed position.
 * Stops at the first problem and names it.
 */
export class LogVerifier {
  private readonly streams = new Map<string, { next: number; lastHash: string }>();
  private running = GENESIS_HASH;
  private count = 0;
  private checkpointIndex = 0;
  private problem?: IntegrityProblem;

  constructor(private readonly checkpoints: readonly SealedCheckpoint[] = []) {}

  /** Feeds the next event; false once a problem was found. */
  check(event: RecordedEvent): boolean {
    if (this.problem) return false;
    const at = { streamName: event.streamName, revision: event.revision, eventId: event.id, position: event.position.toString() };
    const stream = this.streams.get(event.streamName) ?? { next: 0, lastHash: GENESIS_HASH };
    if (!event.integrity) return this.fail({ kind: 'HASH_MISSING', ...at, detail: 'The event carries no hash' });
    if (event.revision !== stream.next) {
      return this.fail({ kind: 'REVISION_MISSING', ...at, detail: `Expected revision ${stream.next} next in ${event.streamName}, found ${event.revision}` });
    }
    if (contentDigest(event) !== event.integrity.contentDigest) {
      return this.fail({ kind: 'CONTENT_CHANGED', ...at, detail: 'The stored content does not match its digest' });
    }
    if (chainHash(stream.lastHash, event.streamName, event.revision, event.integrity.contentDigest) !== event.integrity.hash) {
      return this.fail({ kind: 'CHAIN_BROKEN', ...at, detail: 'The hash does not follow from the previous event of the stream' });
    }
    this.streams.set(event.streamName, { next: event.revision + 1, lastHash: event.integrity.hash });
    this.running = runningHash(this.running, event.integrity.hash);
    this.count++;
    return this.compareCheckpoints(event.position);
  }

  /** Ends the check: a sealed checkpoint beyond the last event means events are missing. */
  finish(): VerificationResult {
    const unreached = this.problem ? undefined : this.checkpoints[this.checkpointIndex];
    if (unreached) {
      this.fail({ kind: 'CHECKPOINT_MISMATCH', position: unreached.position.toString(), detail: `The log ends before sealed position ${unreached.position} (${unreached.eventCount} events sealed, ${this.count} found)` });
    }
    return { ok: !this.problem, eventsChecked: this.count, streamsChecked: this.streams.size, checkpointsChecked: this.checkpointIndex, problem: this.problem };
  }

  private compareCheckpoints(position: bigint): boolean {
    for (let sealed = this.checkpoints[this.checkpointIndex]; sealed && sealed.position <= position; sealed = this.checkpoints[this.checkpointIndex]) {
      if (sealed.position < position || sealed.eventCount !== this.count || sealed.runningHash !== this.running) {
        return this.fail({ kind: 'CHECKPOINT_MISMATCH', position: sealed.position.toString(), detail: `The log up to sealed position ${sealed.position} differs from what was sealed (${sealed.eventCount} events sealed, ${this.count} found)` });
      }
      this.checkpointIndex++;
    }
    return true;
  }

  private fail(problem: IntegrityProblem): false {
    this.problem = problem;
    return false;
  }
}

/** Verifies one stream's events, read in revision order. */
export function verifyStream(events: readonly RecordedEvent[]): VerificationResult {
  const verifier = new LogVerifier();
  for (const event of events) if (!verifier.check(event)) break;
  return verifier.finish();
}
