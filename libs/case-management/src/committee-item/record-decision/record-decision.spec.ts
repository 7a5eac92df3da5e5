import { given } from '@casetrail/testing';
import { context, decided, opened, present, quorum, recommended, voted } from '../committee-item.fixtures';
import { committeeItem } from '../committee-item.state';
import { RecordDecisionCommand } from './record-decision.command';
import { recordDecision } from './record-decision.decide';

const command = (payload: Partial<RecordDecisionCommand['payload']> = {}) =>
  new RecordDecisionCommand('item-2', { outcome: 'ENDORSED', text: ' Tiltrådt. ', ...payload }, context);
const votes = (forCount: number, againstCount: number, abstainCount = 0) => [
  present(...Array.from({ length: forCount + againstCount + abstainCount }, (_, n) => `m${n + 1}`)),
  ...Array.from({ length: forCount }, (_, n) => voted(`m${n + 1}`, 'FOR')),
  ...Array.from({ length: againstCount }, (_, n) => voted(`m${forCount + n + 1}`, 'AGAINST')),
  ...Array.from({ length: abstainCount }, (_, n) => voted(`m${forCount + againstCount + n + 1}`, 'ABSTAIN')),
];

describe('record decision', () => {
  it('records an endorsement carried by a majority of the votes cast', () => {
    given(committeeItem, [opened, recommended(), ...votes(5, 2)]).when(recordDecision, command()).then([
      { type: 'DecisionRecorded', data: { outcome: 'ENDORSED', text: 'Tiltrådt.', amendments: [] } },
    ]);
  });

  it('takes a decision without votes as unanimous by those present', () => {
    const [event] = given(committeeItem, [opened, quorum]).when(recordDecision, command({ outcome: 'APPROVED', text: 'Godkendt.' })).events();
    expect(event.data.outcome).toBe('APPROVED');
  });

  it('does not count abstentions: one for, none against and three abstaining is a majority', () => {
    const history = [opened, ...votes(1, 0, 3)];
    expect(given(committeeItem, history).when(recordDecision, command()).events()).toHaveLength(1);
    given(committeeItem, history).when(recordDecision, command({ outcome: 'REJECTED', text: 'Forkastet.' })).thenRefuses('DECISION.CONTRADICTS_VOTES', 'outcome');
  });

  it('rejects on a tie, which is no majority', () => {
    const [event] = given(committeeItem, [opened, ...votes(2, 2)]).when(recordDecision, command({ outcome: 'REJECTED', text: 'Forkastet.' })).events();
    expect(event.data.outcome).toBe('REJECTED');
  });

  it('records an approval with its amendments', () => {
    const [event] = given(committeeItem, [opened, quorum])
      .when(recordDecision, command({ outcome: 'APPROVED_WITH_AMENDMENTS', text: 'Godkendt med ændringer.', amendments: [' Punkt 2 udgår. '] }))
      .events();
    expect(event.data.amendments).toEqual(['Punkt 2 udgår.']);
  });

  it('notes an item recommended as information only', () => {
    const [event] = given(committeeItem, [opened, recommended('INFORMATION_ONLY'), quorum])
      .when(recordDecision, command({ outcome: 'NOTED', text: 'Taget til efterretning.' }))
      .events();
    expect(event.data.outcome).toBe('NOTED');
  });

  it('counts half of the seats as a quorum', () => {
    const eightSeats = { ...opened, data: { ...opened.data, committee: { ...opened.data.committee, memberCount: 8 } } };
    expect(given(committeeItem, [eightSeats, quorum]).when(recordDecision, command()).events()).toHaveLength(1);
  });

  it('refuses an item that was never opened', () => {
    given(committeeItem, []).when(recordDecision, command()).thenRefuses('ITEM.NOT_FOUND');
  });

  it('refuses a second decision', () => {
    given(committeeItem, [opened, quorum, decided()]).when(recordDecision, command()).thenRefuses('ITEM.ALREADY_DECIDED');
  });

  it('refuses an unknown outcome', () => {
    given(committeeItem, [opened, quorum]).when(recordDecision, command({ outcome: 'POSTPONED' as never })).thenRefuses('DECISION.UNKNOWN_OUTCOME', 'outcome');
  });

  it('refuses a decision without its text', () => {
    given(committeeItem, [opened, quorum]).when(recordDecision, command({ text: ' ' })).thenRefuses('DECISION.TEXT_MISSING', 'text');
  });

  it('refuses a blank amendment', () => {
    given(committeeItem, [opened, quorum]).when(recordDecision, command({ outcome: 'APPROVED_WITH_AMENDMENTS', amendments: ['Punkt 2 udgår.', ''] })).thenRefuses('DECISION.AMENDMENT_BLANK', 'amendments');
  });

  it('refuses approval with amendments that lists none', () => {
    given(committeeItem, [opened, quorum]).when(recordDecision, command({ outcome: 'APPROVED_WITH_AMENDMENTS', amendments: [] })).thenRefuses('DECISION.AMENDMENTS_MISSING', 'amendments');
  });

  it('refuses amendments on any other outcome', () => {
    given(committeeItem, [opened, quorum]).when(recordDecision, command({ outcome: 'APPROVED', amendments: ['Punkt 2 udgår.'] })).thenRefuses('DECISION.AMENDMENTS_NOT_ALLOWED', 'amendments');
  });

  it('refuses merely noting a decision item, or giving information without an information-only recommendation', () => {
    given(committeeItem, [opened, recommended('DECISION'), quorum]).when(recordDecision, command({ outcome: 'NOTED' })).thenRefuses('DECISION.OUTCOME_NEEDS_INFORMATION_ITEM', 'outcome');
    given(committeeItem, [opened, quorum]).when(recordDecision, command({ outcome: 'INFORMATION_GIVEN' })).thenRefuses('DECISION.OUTCOME_NEEDS_INFORMATION_ITEM', 'outcome');
  });

  it('refuses a decision with fewer than half of the members present', () => {
    given(committeeItem, [opened, present('m1', 'm2', 'm3')]).when(recordDecision, command()).thenRefuses('ITEM.NO_QUORUM');
  });

  it('refuses an adopting outcome without a majority for, and a rejection against one', () => {
    given(committeeItem, [opened, ...votes(2, 2)]).when(recordDecision, command()).thenRefuses('DECISION.CONTRADICTS_VOTES', 'outcome');
    given(committeeItem, [opened, ...votes(1, 3)]).when(recordDecision, command({ outcome: 'RECOMMENDED_TO_NEXT_BODY' })).thenRefuses('DECISION.CONTRADICTS_VOTES', 'outcome');
    given(committeeItem, [opened, ...votes(5, 2)]).when(recordDecision, command({ outcome: 'REJECTED' })).thenRefuses('DECISION.CONTRADICTS_VOTES', 'outcome');
  });
});
