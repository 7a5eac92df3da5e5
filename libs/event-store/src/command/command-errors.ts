import { EventStoreError } from '../event-store.errors';

/** The client's `If-Match` revision is not the stream's current revision. Nothing was decided. */
export class PreconditionFailedError extends EventStoreError {
  readonly code = 'REQUEST.PRECONDITION_FAILED';
  constructor(
    readonly streamName: string,
    readonly expected: number | 'no_stream',
    readonly actual: number | 'no_stream',
  ) {
    super(`"${streamName}" is at revision ${String(actual)}, not ${String(expected)}`);
    this.name = 'PreconditionFailedError';
  }
}

/** The stream kept changing under a command through every attempt; the caller may retry later. */
export class ConcurrencyExhaustedError extends EventStoreError {
  readonly code = 'REQUEST.CONCURRENT_UPDATES';
  constructor(readonly streamName: string, readonly attempts: number) {
    super(`"${streamName}" changed during each of ${attempts} attempts`);
    this.name = 'ConcurrencyExhaustedError';
  }
}
