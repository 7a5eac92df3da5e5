import type { Aggregate, DomainEvent } from '@casetrail/event-store';

/**
 * Given past events, when a command is decided, then these events or this refusal:
 *
 *   given(citizenCase, [opened]).when(imposeSanction, command).then([sanctionImposed]);
 *   given(citizenCase, [opened]).when(imposeSanction, late).thenRefuses('SANCTION.TYPE_NOT_VALID_ON_BREACH_DATE');
 */
export function given<State, Event extends DomainEvent>(aggregate: Aggregate<State, Event>, history: readonly Event[]) {
  const state = history.reduce((s, e) => aggregate.evolve(s, e), aggregate.initialState());
  return {
    state,
    when<Command, Decided extends Event>(decide: (command: Command, state: State) => readonly Decided[], command: Command) {
      const outcome = (): readonly Decided[] => decide(command, state);
      return {
        then(expected: readonly Decided[]): void {
          expect(outcome()).toEqual(expected);
        },
        /** Refused with this dotted code (and, when given, naming this field). */
        thenRefuses(code: string, field?: string): void {
          let refusal: unknown;
          try {
            const events = outcome();
            throw new Error(`expected refusal ${code}, but it decided ${JSON.stringify(events.map((e) => e.type))}`);
          } catch (error) {
            refusal = error;
          }
          expect(refusal).toMatchObject(field === undefined ? { code } : { code, field });
        },
        events: outcome,
      };
    },
  };
}
