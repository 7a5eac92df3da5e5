import type { CitizenCaseEvent, CommitteeItemEvent, CommitteeMemberEvent, InquiryEvent } from '@casetrail/case-management';
import { formatOre, summarise } from './event-summary';

type Event = CitizenCaseEvent | CommitteeItemEvent | CommitteeMemberEvent | InquiryEvent;
/** One example per event type of every aggregate: a type without one does not compile. */
type Examples = { readonly [Type in Event['type']]: readonly [Extract<Event, { type: Type }>['data'], string] };

const CITIZEN_REF = '0b6f8a4e-1f1e-4d7e-9c53-5a1d2f0e9b11';
const legalBasis = { law: 'aktivloven', paragraph: '40 a', subsection: '1', version: 'aktivloven § 40 a, 2014–2025' };
const ANSWER_REPORT = {
  kind: 'SANCTION_REVIEW',
  parameters: { knownOn: '2023-08-29' },
  position: '42',
  recordedCutoff: '2023-08-29T21:59:59.999Z',
  report: { total: { citizens: 35 } },
};

const EXAMPLES: Examples = {
  CaseOpened: [
    {
      caseId: 'case-1',
      caseNumber: { value: 'EMN-2023-05050', format: 'EMN', year: 2023, sequence: '05050', kle: null },
      citizenRef: CITIZEN_REF,
      legalArea: 'AKTIVLOVEN',
      owningUnit: 'Jobcenter Nord',
      openedOn: '2021-01-04',
    },
    'Case EMN-2023-05050 opened: AKTIVLOVEN, owning unit Jobcenter Nord, opened 2021-01-04',
  ],
  SanctionImposed: [
    {
      sanctionId: 's-1',
      sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
      legalBasis,
      breachDate: '2021-02-01',
      period: { from: '2021-03-01', to: '2021-05-31' },
      amountDeductedOre: 1_500_000,
      decidedOn: '2021-02-15',
    },
    'Sanction AKTL_40A_STRICTER_AVAILABILITY imposed: breach 2021-02-01, 15.000,00 kr. deducted',
  ],
  CitizenIdentified: [
    { source: 'NATIONAL_EXTRACT', identifiedOn: '2023-08-07', note: 'Fundet i STAR-udtræk' },
    'Citizen identified: NATIONAL_EXTRACT on 2023-08-07',
  ],
  SanctionReviewed: [
    { sanctionId: 's-1', outcome: 'ERROR', errorCategories: ['MISSING_HEARING_OF_PARTY'], wouldChangeOnAppeal: true, reviewer: 'jurist-1', reviewedOn: '2023-06-01' },
    'Sanction reviewed: ERROR (MISSING_HEARING_OF_PARTY)',
  ],
  RepaymentAssessed: [
    { repaymentId: 'r-1', sanctionIds: ['s-1', 's-2'], amountOre: 2_152_650, assessedOn: '2023-06-10' },
    'Repayment assessed: 21.526,50 kr. for 2 sanctions',
  ],
  RepaymentScheduled: [{ repaymentId: 'r-1', scheduledFor: '2023-07-01' }, 'Repayment scheduled for 2023-07-01'],
  RepaymentIssued: [{ repaymentId: 'r-1', issuedOn: '2023-07-15' }, 'Repayment issued on 2023-07-15'],
  AppealLodged: [{ appealId: 'a-1', sanctionIds: ['s-1'], lodgedOn: '2021-03-01' }, 'Appeal lodged on 2021-03-01 against 1 sanction'],
  AppealDecided: [{ appealId: 'a-1', outcome: 'HJEMVIST', decidedOn: '2021-09-01' }, 'Appeal decided: HJEMVIST (remitted) on 2021-09-01'],
  CaseClosed: [{ reason: 'SELF_SUPPORTING', closedOn: '2022-01-10' }, 'Case closed: SELF_SUPPORTING on 2022-01-10'],
  CaseReopened: [{ reason: 'Ny oplysning fra borgeren', reopenedOn: '2023-05-02' }, 'Case reopened on 2023-05-02'],
  FactCorrected: [
    { correctsEventId: '01890a5d-ac96-774b-bcce-b302099a8057', target: { kind: 'sanction', sanctionId: 's-1', changes: { amountDeductedOre: 1_200_000 } }, reason: 'Tastefejl' },
    'Fact corrected: sanction amount (corrects event 01890a5d-ac96-774b-bcce-b302099a8057)',
  ],

  ItemOpened: [
    {
      itemId: 'item-2',
      caseNumber: { value: '24-1-15.20.00-P27', format: 'KLE', year: 2024, sequence: '1', kle: { subject: '15.20.00', facet: 'P27' } },
      committee: { id: 'bu', name: 'Beskæftigelsesudvalget', memberCount: 7 },
      meetingDate: '2025-01-14',
      itemNumber: 2,
      title: 'Fastholdelse af indsatsen for ledige',
      closed: false,
    },
    'Item 2 opened for Beskæftigelsesudvalget 2025-01-14 (24-1-15.20.00-P27): Fastholdelse af indsatsen for ledige',
  ],
  RecommendationMade: [
    {
      originators: ['Jobcenter', 'Økonomi'],
      addressee: 'Beskæftigelsesudvalget',
      points: [
        { number: 1, text: 'at indsatsen fastholdes' },
        { number: 2, text: 'at udvalget orienteres i juni' },
      ],
      kind: 'DECISION',
    },
    'Recommendation made: DECISION, 2 points, from Jobcenter and Økonomi to Beskæftigelsesudvalget',
  ],
  AttendanceRecorded: [
    {
      entries: [
        { memberId: 'm1', status: 'PRESENT', absenceNotice: false, substituteMemberId: null },
        { memberId: 'm2', status: 'PRESENT', absenceNotice: false, substituteMemberId: null },
        { memberId: 'm3', status: 'ABSENT', absenceNotice: true, substituteMemberId: 's3' },
        { memberId: 'm4', status: 'ABSENT', absenceNotice: false, substituteMemberId: null },
      ],
    },
    'Attendance recorded: 2 present, 2 absent (1 with a substitute)',
  ],
  VoteCast: [{ memberId: 'kristine-henriksen', memberName: 'Kristine Henriksen', party: 'A', vote: 'FOR' }, 'Vote cast: FOR by Kristine Henriksen (A)'],
  ProtocolNoteAdded: [{ text: 'Vi kan ikke støtte indstillingen.', memberIds: ['m6', 'm7'] }, 'Protocol note added for 2 members'],
  DecisionRecorded: [{ outcome: 'ENDORSED', text: 'Tiltrådt.', amendments: [] }, 'Decision recorded: ENDORSED'],
  ReferralDemanded: [{ memberId: 'm6' }, 'Referral to the city council demanded by member m6'],
  ReferralScheduled: [{ body: 'Økonomiudvalget', date: '2025-02-03' }, 'Referral scheduled: Økonomiudvalget on 2025-02-03'],
  ItemLinked: [{ linkedItemId: 'item-1', relation: 'CONTINUES' }, 'Item linked: CONTINUES item item-1'],

  MemberRegistered: [{ memberId: 'm9', name: 'Per Tærstøl', aliases: ['Per Tærsebøl'] }, 'Member registered: Per Tærstøl with 1 alias'],
  MemberAliasAdded: [{ alias: 'Per Tærsebøl' }, 'Alias added: Per Tærsebøl'],
  PartyMembershipRecorded: [{ party: 'Ø', from: '2022-01-01', to: '2025-12-31' }, 'Party membership recorded: Ø from 2022-01-01 to 2025-12-31'],

  InquiryReceived: [
    {
      inquiryId: 'i-1',
      from: 'Ankestyrelsen',
      question: 'Hvilke afgørelser om skærpet rådighedssanktion siden 1. januar 2020 var forkerte?',
      scope: { legalArea: 'AKTIVLOVEN', sanctionTypes: ['AKTL_40A_STRICTER_AVAILABILITY'], period: { from: '2020-01-01', to: '2023-07-31' } },
      deadline: '2023-09-01',
      receivedOn: '2023-06-01',
    },
    'Inquiry received from Ankestyrelsen on 2023-06-01, deadline 2023-09-01',
  ],
  InquiryAnswerDrafted: [
    { inquiryId: 'i-1', draftId: 'd-1', report: ANSWER_REPORT, note: 'Til udvalget', draftedOn: '2023-08-30' },
    'Answer drafted on 2023-08-30: SANCTION_REVIEW report at log position 42, as recorded by 2023-08-29T21:59:59.999Z',
  ],
  InquiryAnswered: [
    { inquiryId: 'i-1', draftId: 'd-1', report: ANSWER_REPORT, approval: { committeeItemId: 'item-2', outcome: 'ENDORSED' }, answeredOn: '2023-09-01' },
    'Inquiry answered on 2023-09-01 with draft d-1: SANCTION_REVIEW report at log position 42, as recorded by 2023-08-29T21:59:59.999Z, approved by committee item item-2 (ENDORSED)',
  ],
};

describe('summarise', () => {
  it.each(Object.entries(EXAMPLES))('summarises %s in one line', (type, [data, expected]) => {
    expect(summarise({ type, data })).toBe(expected);
  });

  it('reads the variants: a review without errors, amendments, an open-ended party period outside any party, a closed item', () => {
    expect(summarise({ type: 'SanctionReviewed', data: { outcome: 'CORRECT', errorCategories: [] } })).toBe('Sanction reviewed: CORRECT');
    expect(summarise({ type: 'SanctionReviewed', data: { outcome: 'ERROR', errorCategories: ['MISSING_WRITTEN_GUIDANCE', 'DEADLINE_EXCEEDED'] } })).toBe(
      'Sanction reviewed: ERROR (MISSING_WRITTEN_GUIDANCE, DEADLINE_EXCEEDED)',
    );
    expect(summarise({ type: 'DecisionRecorded', data: { outcome: 'APPROVED_WITH_AMENDMENTS', text: 'Godkendt.', amendments: ['a', 'b'] } })).toBe(
      'Decision recorded: APPROVED_WITH_AMENDMENTS with 2 amendments',
    );
    expect(summarise({ type: 'PartyMembershipRecorded', data: { party: null, from: '2023-03-01', to: null } })).toBe(
      'Party membership recorded: outside any party from 2023-03-01',
    );
    expect(summarise({ type: 'VoteCast', data: { memberId: 'suleman-naim', memberName: 'Suleman Naim', party: null, vote: 'AGAINST' } })).toBe(
      'Vote cast: AGAINST by Suleman Naim (outside any party)',
    );
    const closed = { ...EXAMPLES.ItemOpened[0], closed: true, title: 'Personalesag vedr. navngiven medarbejder' };
    expect(summarise({ type: 'ItemOpened', data: closed })).toBe('Closed item 2 opened for Beskæftigelsesudvalget 2025-01-14 (24-1-15.20.00-P27)');
  });

  it('names every corrected fact, of a sanction, a review or the case', () => {
    const corrected = (target: unknown) => summarise({ type: 'FactCorrected', data: { correctsEventId: 'e-1', target, reason: 'x' } });
    expect(corrected({ kind: 'sanction', sanctionId: 's-1', changes: { sanctionType: 'AKTL_AVAILABILITY_GENERIC', legalBasis, breachDate: '2021-02-02' } })).toBe(
      'Fact corrected: sanction type, legal basis and breach date (corrects event e-1)',
    );
    expect(corrected({ kind: 'review', sanctionId: 's-1', changes: { outcome: 'CORRECT' } })).toBe('Fact corrected: review outcome (corrects event e-1)');
    expect(corrected({ kind: 'case', changes: { owningUnit: 'Jobcenter Syd' } })).toBe('Fact corrected: owning unit (corrects event e-1)');
    expect(corrected(null)).toBe('Fact corrected: facts (corrects event e-1)');
  });

  it('says "<Type> recorded" for a type it does not know', () => {
    expect(summarise({ type: 'InquiryWithdrawn', data: { report: {} } })).toBe('InquiryWithdrawn recorded');
    expect(summarise({ type: 'toString', data: {} })).toBe('toString recorded');
    expect(summarise({ type: '', data: {} })).toBe('Event recorded');
  });

  it('never throws on odd data, and shows what is missing as "?"', () => {
    for (const type of [...Object.keys(EXAMPLES), 'Unknown']) {
      for (const data of [null, undefined, 42, 'text', [], { entries: [null, 3], errorCategories: 'x', caseNumber: null, committee: 5, target: { changes: [] } }]) {
        expect(() => summarise({ type, data })).not.toThrow();
        expect(summarise({ type, data })).toMatch(/\S/);
      }
    }
    expect(summarise({ type: 'VoteCast', data: null })).toBe('Vote cast: ? by ? (?)');
    expect(summarise({ type: 'SanctionImposed', data: { sanctionType: 'X', breachDate: '2021-02-01', amountDeductedOre: 12.5 } })).toBe(
      'Sanction X imposed: breach 2021-02-01, an unknown amount deducted',
    );
    expect(summarise(null as unknown as { type: string; data: unknown })).toBe('Event recorded');
  });

  it('keeps to one line of bounded length, and never shows the citizen reference or free-text notes and reasons', () => {
    const line = summarise({ type: 'MemberAliasAdded', data: { alias: `Per\nTærsebøl\u0000 ${'x'.repeat(500)}` } });
    expect(line).not.toMatch(/[\n\u0000]/);
    expect(line.length).toBeLessThan(240);
    const all = Object.entries(EXAMPLES).map(([type, [data]]) => summarise({ type, data }));
    expect(all.join('\n')).not.toContain(CITIZEN_REF);
    for (const freeText of ['Fundet i STAR-udtræk', 'Ny oplysning', 'Tastefejl', 'Vi kan ikke støtte', 'Hvilke afgørelser', 'Tiltrådt.']) {
      expect(all.join('\n')).not.toContain(freeText);
    }
  });
});

describe('formatOre', () => {
  it('writes integer øre as Danish kroner', () => {
    expect(formatOre(1_500_000)).toBe('15.000,00 kr.');
    expect(formatOre(33_429_900)).toBe('334.299,00 kr.');
    expect(formatOre(5)).toBe('0,05 kr.');
    expect(formatOre(0)).toBe('0,00 kr.');
    expect(formatOre(-123_456_789)).toBe('-1.234.567,89 kr.');
    expect(formatOre('100000000000000000000')).toBe('1.000.000.000.000.000.000,00 kr.');
  });

  it('does not guess at anything that is not a whole number of øre', () => {
    for (const odd of [1.5, Number.NaN, Number.POSITIVE_INFINITY, '12,50', null, undefined, {}]) expect(formatOre(odd)).toBe('an unknown amount');
  });
});
