import { CITIZEN_CASE_STREAM_PREFIX, COMMITTEE_ITEM_STREAM_PREFIX, COMMITTEE_MEMBER_STREAM_PREFIX } from '@casetrail/case-management';
import type { EventMetadata } from '@casetrail/event-store';
import { citizenCaseScript } from './citizen-case-script';
import { committeeItemScript, committeeMemberScript } from './committee-item-script';
import { World, type Draft } from './generator-world';


/** One row of event_store.events, as the port would have appended it. */
export interface GeneratedEvent {
  readonly streamName: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface GeneratorOptions {
  readonly seed: number;
  /** How many events to generate. */
  readonly events: number;
  /** Streams being worked on at any time; a finished stream is replaced by a new one. */
  readonly activeStreams?: number;
  /** Chance that the next event continues the stream of the one before (a caseworker's or secretary's sitting). */
  readonly sittingContinues?: number;
  /** Recorded time of the first event. */
  readonly startsAt?: string;
  /** Mean seconds between two recorded events. */
  readonly meanGapSeconds?: number;
}

export const GENERATOR_DEFAULTS = {
  activeStreams: 1_000,
  sittingContinues: 0.6,
  startsAt: '2023-01-02T07:30:00.000Z',
  meanGapSeconds: 90,
} as const;

/** Share of new streams that are citizen cases; the rest are committee items (about half the events each). */
const CITIZEN_CASE_SHARE = 0.47;

interface ActiveStream {
  readonly name: string;
  readonly script: Generator<Draft, void, undefined>;
  revision: number;
}

/**
 * A deterministic global log: the same options give the same events, byte for byte. The committee
 * members are registered first; then `activeStreams` citizen cases and committee items are worked
 * on at once, each event going to a stream picked at random (or, in a sitting, to the same stream
 * as the event before), so streams interleave in the log as in real traffic. Each stream's events
 * come from a script that decides them as the write side's deciders would (see the scripts).
 * Streams still open when the count is reached simply end there, as a log does at any moment.
 */
export function* generateEvents(options: GeneratorOptions): Generator<GeneratedEvent, void, undefined> {
  const { activeStreams, sittingContinues, startsAt, meanGapSeconds } = { ...GENERATOR_DEFAULTS, ...options };
  const world = new World(options.seed, startsAt);
  const r = world.random;
  let produced = 0;

  function* emit(stream: ActiveStream): Generator<GeneratedEvent, boolean, undefined> {
    world.now += Math.max(1, Math.round(r.exponential(meanGapSeconds * 1000)));
    const next = stream.script.next();
    if (next.done) return false;
    const recordedAt = world.nowIso();
    const draft = next.value;
    produced++;
    yield {
      streamName: stream.name,
      revision: stream.revision++,
      id: draft.id,
      type: draft.type,
      data: draft.data,
      metadata: {
        correlationId: world.uuid(),
        causationId: null,
        actor: draft.actor,
        recordedAt,
        effectiveAt: draft.effectiveAt !== undefined && draft.effectiveAt < recordedAt ? draft.effectiveAt : recordedAt,
        schemaVersion: 1,
      },
    };
    return true;
  }

  for (const committee of world.committees) {
    for (const member of [...committee.members, ...committee.substitutes]) {
      const stream: ActiveStream = { name: `${COMMITTEE_MEMBER_STREAM_PREFIX}${member.memberId}`, script: committeeMemberScript(world, member), revision: 0 };
      while (produced < options.events && (yield* emit(stream)));
    }
  }

  const active: ActiveStream[] = [];
  let current = -1;
  while (produced < options.events) {
    while (active.length < activeStreams) active.push(newStream(world));
    if (current < 0 || !r.chance(sittingContinues)) current = r.int(0, active.length - 1);
    if (!(yield* emit(active[current]))) {
      active[current] = active[active.length - 1];
      active.pop();
      current = -1;
    }
  }
}

function newStream(world: World): ActiveStream {
  const id = world.uuid();
  return world.random.chance(CITIZEN_CASE_SHARE)
    ? { name: `${CITIZEN_CASE_STREAM_PREFIX}${id}`, script: citizenCaseScript(world, id), revision: 0 }
    : { name: `${COMMITTEE_ITEM_STREAM_PREFIX}${id}`, script: committeeItemScript(world, id), revision: 0 };
}
