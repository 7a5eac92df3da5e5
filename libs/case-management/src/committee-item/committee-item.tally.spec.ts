import { given } from '@casetrail/testing';
import type { CommitteeItemEvent } from './committee-item.events';
import { absent, context, opened, present, recommended, voted } from './committee-item.fixtures';
import { committeeItem } from './committee-item.state';
import { OUTSIDE_PARTY, tally } from './committee-item.tally';
import { RecordDecisionCommand } from './record-decision/record-decision.command';
import { recordDecision } from './record-decision/record-decision.decide';

/** Acceptance fixture B: item 2 of a 2025 employment-committee meeting, a vote with dissent. */
const members = [
  { id: 'kristine-henriksen', name: 'Kristine Henriksen', party: 'A', vote: 'FOR' },
  { id: 'rikke-louise-schilling', name: 'Rikke Louise Schilling', party: 'A', vote: 'FOR' },
  { id: 'ole-skrald', name: 'Ole Skrald', party: 'A', vote: 'FOR' },
  { id: 'signe-ejersbo', name: 'Signe Ejersbo', party: 'F', vote: 'FOR' },
  { id: 'susanne-damsgaard', name: 'Susanne Damsgaard', party: 'Æ', vote: 'FOR' },
  { id: 'michael-dorph-jensen', name: 'Michael Dorph Jensen', party: 'Ø', vote: 'AGAINST' },
  { id: 'suleman-naim', name: 'Suleman Naim', party: null, vote: 'AGAINST' },
] as const;
const dissenters = ['michael-dorph-jensen', 'suleman-naim'];

const fixtureB: CommitteeItemEvent[] = [
  opened,
  recommended('DECISION'),
  present(...members.map((m) => m.id)),
  ...members.map((m) => voted(m.id, m.vote, m.party, m.name)),
  { type: 'ProtocolNoteAdded', data: { text: 'Protokollat (fixture B gives no wording; this text is a stand-in).', memberIds: dissenters } },
];
const decision = new RecordDecisionCommand('item-2', { outcome: 'ENDORSED', text: 'Tiltrådt.' }, context);

describe('tally', () => {
  it('reproduces acceptance fixture B: 5 for, 2 against, none abstaining or absent, by party', () => {
    expect(opened.data).toMatchObject({ itemNumber: 2, caseNumber: { value: '24-1-15.20.00-P27' }, committee: { memberCount: 7 } });
    expect(opened.data.meetingDate.startsWith('2025-')).toBe(true);
    const decided = given(committeeItem, fixtureB).when(recordDecision, decision).events();
    expect(decided).toEqual([{ type: 'DecisionRecorded', data: { outcome: 'ENDORSED', text: 'Tiltrådt.', amendments: [] } }]);

    const { state } = given(committeeItem, [...fixtureB, ...decided]);
    expect(tally(state)).toEqual({
      for: 5,
      against: 2,
      abstain: 0,
      absent: 0,
      byParty: { FOR: { A: 3, F: 1, Æ: 1 }, AGAINST: { Ø: 1, [OUTSIDE_PARTY]: 1 }, ABSTAIN: {} },
    });
    expect(state.votes.filter((v) => v.vote === 'FOR').map((v) => v.memberName)).toEqual([
      'Kristine Henriksen',
      'Rikke Louise Schilling',
      'Ole Skrald',
      'Signe Ejersbo',
      'Susanne Damsgaard',
    ]);
    expect(state.votes.filter((v) => v.vote === 'AGAINST').map((v) => v.memberName)).toEqual(['Michael Dorph Jensen', 'Suleman Naim']);
    expect(state.protocolNotes).toEqual([expect.objectContaining({ memberIds: dissenters })]);
    expect(state.decision?.text).toBe('Tiltrådt.');
    expect(state.finality).toBe('FINAL');
  });

  it('counts as absent only the seats no substitute took, and abstentions apart', () => {
    const { state } = given(committeeItem, [opened, present('m1', 'm2', 'm3'), absent('m4'), absent('m5', 's5'), voted('m1', 'ABSTAIN', 'V'), voted('s5', 'FOR', 'C')]);
    expect(tally(state)).toEqual({ for: 1, against: 0, abstain: 1, absent: 1, byParty: { FOR: { C: 1 }, AGAINST: {}, ABSTAIN: { V: 1 } } });
  });
});
