import type { ExpectedRevision } from './event-store.port';

/** Base of every error the event store raises on purpose; `code` is stable and dotted. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the revision the writer expected. Nothing was appended. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or `'no_stream'` when it does not exist. */
    readonly actual: number | 'no_stream',
  ) {
    super(
      `Stream "${streamName}": expected revision ${String(expected)}, actual ${String(actual)}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** An event id is already stored somewhere other than the place this append would put it. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'EVENT_STORE.DUPLICATE_EVENT_ID';
  constructor(
    readonly streamName: string,
    readonly eventId: string,
  ) {
    super(`Event ${eventId} is already stored elsewhere than at its place in "${streamName}"`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The append was malformed (empty, bad stream name, bad id); nothing was appended. */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'EVENT_STORE.INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/** The store cannot be reached; the caller may retry. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE.UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}
