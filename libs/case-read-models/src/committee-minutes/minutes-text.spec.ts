import { committeeItem, type CommitteeItemEvent, type CommitteeItemState } from '@casetrail/case-management';
import { given } from '@casetrail/testing';
import {
  FIXTURE_B_MINUTES,
  absent,
  decided,
  fixtureB,
  noted,
  opened,
  present,
  recommended,
  voted,
} from './committee-minutes.fixtures';
import { renderItemMinutes, renderMeetingMinutes } from './minutes-text';

const stateOf = (events: CommitteeItemEvent[]): CommitteeItemState => given(committeeItem, events).state;
const linesOf = (events: CommitteeItemEvent[]): string[] => renderItemMinutes(stateOf(events)).split('\n');

/** Item 3: five members, one of them absent with a substitute, another absent without one. */
const smallCommittee = (...more: CommitteeItemEvent[]): CommitteeItemEvent[] => [
  opened('item-3', { itemNumber: 3, title: 'Budgetopfølgning', caseNumber: { value: 'EMN-2023-05050', format: 'EMN', year: 2023, sequence: '05050', kle: null }, committee: { id: 'bu', name: 'Beskæftigelsesudvalget', memberCount: 5 } }),
  recommended(['at budgetopfølgningen godkendes', 'at mindreforbruget overføres til 2026']),
  present('m1', 'm2', 'm3'),
  absent('m4', 's4'),
  absent('m5', null, false),
  ...more,
];

describe('renderItemMinutes', () => {
  it('reproduces acceptance fixture B: the majority by name, then the dissenters with their note, then the decision text', () => {
    expect(renderItemMinutes(stateOf(fixtureB()))).toBe(FIXTURE_B_MINUTES);
  });

  it('lists absentees (notice, substitute by the name their vote gave) and those abstaining after the minority', () => {
    const lines = linesOf(
      smallCommittee(
        voted('m1', 'FOR', 'A', 'Anna Andersen'),
        voted('m2', 'FOR', 'V', 'Bo Berg'),
        voted('s4', 'AGAINST', 'C', 'Carl Cold'),
        voted('m3', 'ABSTAIN', 'F', 'Dorte Dam'),
        decided('APPROVED', 'Godkendt.'),
      ),
    );
    expect(lines).toEqual([
      '3. Budgetopfølgning (EMN-2023-05050)',
      'Indstilling: Jobcenter indstiller til Beskæftigelsesudvalget, at',
      '1. budgetopfølgningen godkendes',
      '2. mindreforbruget overføres til 2026',
      'Fraværende: m4 (afbud, stedfortræder: Carl Cold), m5',
      'For stemte: Anna Andersen (A), Bo Berg (V)',
      'Imod stemte: Carl Cold (C)',
      'Undlod at stemme: Dorte Dam (F)',
      'Beslutning: Godkendt.',
    ]);
  });

  it('puts the majority first when it voted against', () => {
    const lines = linesOf(
      smallCommittee(voted('m1', 'AGAINST', 'A', 'Anna Andersen'), voted('m2', 'AGAINST', 'V', 'Bo Berg'), voted('m3', 'FOR', 'F', 'Dorte Dam'), decided('REJECTED', 'Forkastet.')),
    );
    expect(lines.slice(-3)).toEqual(['Imod stemte: Anna Andersen (A), Bo Berg (V)', 'For stemte: Dorte Dam (F)', 'Beslutning: Forkastet.']);
  });

  it('gives each amendment its own line after the decision text', () => {
    const lines = linesOf(
      smallCommittee(decided('APPROVED_WITH_AMENDMENTS', 'Godkendt med ændringer.', ['Punkt 2 udgår.', 'Sagen genoptages i juni.'])),
    );
    expect(lines.slice(-3)).toEqual(['Beslutning: Godkendt med ændringer.', 'Ændringsforslag: Punkt 2 udgår.', 'Ændringsforslag: Sagen genoptages i juni.']);
  });

  it('says "Ikke afgjort" for an item without a decision, and no vote lines when nobody voted', () => {
    const lines = linesOf(smallCommittee());
    expect(lines.slice(-2)).toEqual(['Fraværende: m4 (afbud, stedfortræder: s4), m5', 'Beslutning: Ikke afgjort']);
    expect(lines.some((line) => /stemte|Undlod/.test(line))).toBe(false);
  });

  it('ends with the referral: where the item goes and when, and who demanded it go to the council', () => {
    const lines = linesOf([
      ...smallCommittee(voted('m1', 'FOR', 'A', 'Anna Andersen'), voted('m2', 'FOR', 'V', 'Bo Berg'), voted('m3', 'AGAINST', null, 'Dorte Dam')),
      decided('RECOMMENDED_TO_NEXT_BODY', 'Anbefales.'),
      { type: 'ReferralDemanded', data: { memberId: 'm3' } },
      { type: 'ReferralDemanded', data: { memberId: 's4' } },
      { type: 'ReferralScheduled', data: { body: 'Økonomiudvalget', date: '2025-02-03' } },
      { type: 'ReferralScheduled', data: { body: 'Byrådet', date: '2025-02-26' } },
    ]);
    expect(lines.slice(-4)).toEqual([
      'Beslutning: Anbefales.',
      'Sagen oversendes til Økonomiudvalget 03.02.2025',
      'Sagen oversendes til Byrådet 26.02.2025',
      'Begæret i byrådet af Dorte Dam (løsgænger) og s4',
    ]);
  });

  it('marks a closed item but keeps its content, and renders notes of members nobody named by id', () => {
    const lines = linesOf([...fixtureB('item-9').slice(0, -1).map((e) => (e.type === 'ItemOpened' ? opened('item-9', { closed: true }) : e)), noted('Bemærkning.', 'ole-skrald', 'x-1')]);
    expect(lines.slice(0, 2)).toEqual(['2. Opfølgning på skærpet rådighedssanktion (24-1-15.20.00-P27)', 'Lukket punkt']);
    expect(lines.slice(-2)).toEqual(['Protokollat fra Ole Skrald (A) og x-1: Bemærkning.', 'Beslutning: Ikke afgjort']);
  });

  it('never throws on a state of odd shape', () => {
    const odd = {
      ...stateOf([]),
      status: 'OPEN',
      itemNumber: null,
      recommendation: { originators: null, addressee: 7, points: [null, { number: 'x', text: 3 }], kind: 'DECISION' },
      attendance: { a: null, b: { status: 'ABSENT' } },
      votes: [null, { vote: 'FOR' }, { memberId: 'q', vote: 'MAYBE' }, { memberId: 'r', memberName: 'Rasmus', party: 5, vote: 'AGAINST' }],
      protocolNotes: [null, { text: null, memberIds: 'nope' }],
      decision: { outcome: 'ENDORSED', text: null, amendments: null },
      referralDemandedBy: null,
      referrals: [null],
    } as unknown as CommitteeItemState;
    const text = renderItemMinutes(odd);
    expect(text).toContain('Beslutning: ENDORSED');
    expect(text).toContain('Imod stemte: Rasmus');
    expect(() => renderItemMinutes({} as CommitteeItemState)).not.toThrow();
    expect(() => renderMeetingMinutes([null, odd, {}] as unknown as CommitteeItemState[])).not.toThrow();
  });
});

describe('renderMeetingMinutes', () => {
  const item1 = stateOf([
    opened('item-1', { itemNumber: 1, title: 'Godkendelse af dagsorden', caseNumber: { value: '17/7397', format: 'SLASH_SHORT', year: 2017, sequence: '7397', kle: null } }),
    present('m1', 'm2', 'm3', 'm4'),
    decided('APPROVED', 'Godkendt.'),
  ]);
  const item2 = stateOf(fixtureB());
  const item3 = stateOf([opened('item-3', { itemNumber: 3, title: 'Personalesag', closed: true }), present('m1', 'm2', 'm3', 'm4'), decided('APPROVED', 'Godkendt.')]);

  it('renders the meeting under "<committee> – møde <dd.mm.yyyy>" with its items in item order', () => {
    const minutes = renderMeetingMinutes([item3, item2, item1]);
    expect(minutes).toBe(
      [
        'Beskæftigelsesudvalget – møde 14.01.2025',
        ['1. Godkendelse af dagsorden (17/7397)', 'Fraværende: Ingen', 'Beslutning: Godkendt.'].join('\n'),
        FIXTURE_B_MINUTES,
        ['3. Personalesag (24-1-15.20.00-P27)', 'Lukket punkt', 'Fraværende: Ingen', 'Beslutning: Godkendt.'].join('\n'),
      ].join('\n\n'),
    );
  });

  it('shows a closed item only as existing when asked to leave closed content out', () => {
    const minutes = renderMeetingMinutes([item3, item1], { omitClosedContent: true });
    expect(minutes.split('\n\n')).toEqual([
      'Beskæftigelsesudvalget – møde 14.01.2025',
      '1. Godkendelse af dagsorden (17/7397)\nFraværende: Ingen\nBeslutning: Godkendt.',
      '3. Lukket punkt',
    ]);
    expect(minutes).not.toContain('Personalesag');
  });

  it('renders several meetings one after the other, in date order, and nothing for no items', () => {
    const later = stateOf([opened('item-4', { itemNumber: 1, meetingDate: '2025-02-11', title: 'Orientering' })]);
    const minutes = renderMeetingMinutes([later, item1]);
    expect(minutes.split('\n\n').filter((block) => block.includes('– møde'))).toEqual([
      'Beskæftigelsesudvalget – møde 14.01.2025',
      'Beskæftigelsesudvalget – møde 11.02.2025',
    ]);
    expect(renderMeetingMinutes([])).toBe('');
  });
});
