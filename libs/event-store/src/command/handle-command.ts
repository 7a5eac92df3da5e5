import { uuidv7 } from '@casetrail/platform';
import { WrongExpectedRevisionError } from '../event-store.errors';
import type { EventStore, RecordedEvent } from '../event-store.port';
import { ConcurrencyExhaustedError, PreconditionFailedError } from './command-errors';
import type { Aggregate, CommandContext, DomainEvent, Upcaster } from './domain-event';

export interface CommandOptions {
  /** The revision the client last saw (`If-Match`); a mismatch refuses the command. */
  readonly expectedRevision?: number | 'no_stream';
  /** Attempts when another writer appends between read and append (without `expectedRevision`). */
  readonly maxAttempts?: number;
  readonly upcasters?: readonly Upcaster[];
}

export interface CommandResult<Event extends DomainEvent> {
  readonly streamName: string;
  /** The events this command appended (none when the decision changed nothing). */
  readonly events: readonly Event[];
  /** Revision of the stream's last event afterwards; -1 when the stream is still empty. */
  readonly revision: number;
  /** Global position of the last appended event; null when nothing was appended. */
  readonly position: bigint | null;
}

export const SCHEMA_VERSION = 1;

/**
 * The one command path: read the stream, fold it, decide, append at the revision that was read.
 * `decide` is pure and throws named domain errors. When another writer got in between, the whole
 * read-decide-append runs again, unless the client pinned a revision, which then fails with 412.
 */
export async function handleCommand<State, Event extends DomainEvent>(
  store: EventStore,
  streamName: string,
  aggregate: Aggregate<State, Event>,
  decide: (state: State) => readonly Event[],
  context: CommandContext,
  options: CommandOptions = {},
): Promise<CommandResult<Event>> {
  const attempts = options.expectedRevision === undefined ? (options.maxAttempts ?? 5) : 1;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const history = await store.readStream(streamName);
    const revision = history.length - 1;
    if (options.expectedRevision !== undefined) {
      const expected = options.expectedRevision === 'no_stream' ? -1 : options.expectedRevision;
      if (expected !== revision) {
        throw new PreconditionFailedError(streamName, options.expectedRevision, revision < 0 ? 'no_stream' : revision);
      }
    }
    const state = foldStream(aggregate, history, options.upcasters);
    const events = decide(state);
    if (events.length === 0) return { streamName, events, revision, position: null };
    try {
      const result = await store.appendToStream(streamName, events.map((event) => envelope(event, context)), {
        expectedRevision: revision < 0 ? 'no_stream' : revision,
      });
      return { streamName, events, revision: result.nextRevision, position: result.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (options.expectedRevision !== undefined) {
        throw new PreconditionFailedError(streamName, options.expectedRevision, error.actual);
      }
    }
  }
  throw new ConcurrencyExhaustedError(streamName, attempts);
}

/** Folds stored events into state, upcasting older schema versions first. */
export function foldStream<State, Event extends DomainEvent>(
  aggregate: Aggregate<State, Event>,
  history: readonly RecordedEvent[],
  upcasters: readonly Upcaster[] = [],
): State {
  return history.reduce((state, recorded) => aggregate.evolve(state, toDomainEvent<Event>(recorded, upcasters)), aggregate.initialState());
}

/** The domain view of a stored event, raised to the current schema version. */
export function toDomainEvent<Event extends DomainEvent>(recorded: RecordedEvent, upcasters: readonly Upcaster[] = []): Event {
  let data = recorded.data;
  let version = recorded.metadata.schemaVersion ?? SCHEMA_VERSION;
  for (let step = upcasters.find((u) => u.type === recorded.type && u.fromVersion === version); step; ) {
    data = step.upcast(data);
    version++;
    step = upcasters.find((u) => u.type === recorded.type && u.fromVersion === version);
  }
  return { type: recorded.type, data, id: recorded.id } as Event;
}

function envelope(event: DomainEvent, context: CommandContext) {
  return {
    id: uuidv7(),
    type: event.type,
    data: event.data,
    metadata: {
      correlationId: context.correlationId,
      causationId: context.causationId ?? null,
      actor: context.actor,
      recordedAt: context.recordedAt.toISOString(),
      effectiveAt: (context.effectiveAt ?? context.recordedAt).toISOString(),
      schemaVersion: SCHEMA_VERSION,
    },
  };
}
