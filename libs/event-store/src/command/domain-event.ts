/** An event as the domain sees it: plain readonly data, discriminated by its past-tense `type`. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
  /** The stored event's id, present when folded from the store: corrections name events by it. */
  readonly id?: string;
}

/** State and its fold, per aggregate: the write side and auditors' replays share them. */
export interface Aggregate<State, Event extends DomainEvent> {
  initialState(): State;
  evolve(state: State, event: Event): State;
}

/** Raises an event's stored data from an older schema version to the next one. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: unknown): unknown;
}

/** Who, when and why, for every event a command appends. */
export interface CommandContext {
  /** The token's subject, or a system actor such as `system:seed`. */
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId?: string | null;
  /** When the server accepted the command (recorded time). */
  readonly recordedAt: Date;
  /** When the facts took effect in the world; defaults to `recordedAt`. */
  readonly effectiveAt?: Date;
}
