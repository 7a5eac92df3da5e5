import type { CommitteeItemEvent, VoteChoice } from '@casetrail/case-management';

/** Events for the minutes' specs, as the committee-item specs build them (acceptance fixture B). */
export const FIXTURE_B_MEMBERS = [
  { id: 'kristine-henriksen', name: 'Kristine Henriksen', party: 'A', vote: 'FOR' },
  { id: 'rikke-louise-schilling', name: 'Rikke Louise Schilling', party: 'A', vote: 'FOR' },
  { id: 'ole-skrald', name: 'Ole Skrald', party: 'A', vote: 'FOR' },
  { id: 'signe-ejersbo', name: 'Signe Ejersbo', party: 'F', vote: 'FOR' },
  { id: 'susanne-damsgaard', name: 'Susanne Damsgaard', party: 'Æ', vote: 'FOR' },
  { id: 'michael-dorph-jensen', name: 'Michael Dorph Jensen', party: 'Ø', vote: 'AGAINST' },
  { id: 'suleman-naim', name: 'Suleman Naim', party: null, vote: 'AGAINST' },
] as const;

export const FIXTURE_B_NOTE = 'Protokollat (fixture B gives no wording; this text is a stand-in).';

export const opened = (itemId: string, data: Partial<Extract<CommitteeItemEvent, { type: 'ItemOpened' }>['data']> = {}): CommitteeItemEvent => ({
  type: 'ItemOpened',
  data: {
    itemId,
    caseNumber: { value: '24-1-15.20.00-P27', format: 'KLE', year: 2024, sequence: '1', kle: { subject: '15.20.00', facet: 'P27' } },
    committee: { id: 'bu', name: 'Beskæftigelsesudvalget', memberCount: 7 },
    meetingDate: '2025-01-14',
    itemNumber: 2,
    title: 'Opfølgning på skærpet rådighedssanktion',
    closed: false,
    ...data,
  },
});

export const recommended = (points = ['at orienteringen tiltrædes']): CommitteeItemEvent => ({
  type: 'RecommendationMade',
  data: { originators: ['Jobcenter'], addressee: 'Beskæftigelsesudvalget', points: points.map((text, i) => ({ number: i + 1, text })), kind: 'DECISION' },
});

export const present = (...memberIds: string[]): CommitteeItemEvent => ({
  type: 'AttendanceRecorded',
  data: { entries: memberIds.map((memberId) => ({ memberId, status: 'PRESENT', absenceNotice: false, substituteMemberId: null })) },
});

export const absent = (memberId: string, substituteMemberId: string | null = null, absenceNotice = true): CommitteeItemEvent => ({
  type: 'AttendanceRecorded',
  data: { entries: [{ memberId, status: 'ABSENT', absenceNotice, substituteMemberId }] },
});

export const voted = (memberId: string, vote: VoteChoice, party: string | null, memberName: string): CommitteeItemEvent => ({
  type: 'VoteCast',
  data: { memberId, memberName, party, vote },
});

export const noted = (text: string, ...memberIds: string[]): CommitteeItemEvent => ({ type: 'ProtocolNoteAdded', data: { text, memberIds } });

export const decided = (
  outcome: Extract<CommitteeItemEvent, { type: 'DecisionRecorded' }>['data']['outcome'],
  text: string,
  amendments: string[] = [],
): CommitteeItemEvent => ({ type: 'DecisionRecorded', data: { outcome, text, amendments } });

/** Acceptance fixture B: item 2, seven present, five for and two against with a note, "Tiltrådt.". */
export function fixtureB(itemId = 'item-2'): CommitteeItemEvent[] {
  return [
    opened(itemId),
    recommended(),
    present(...FIXTURE_B_MEMBERS.map((m) => m.id)),
    ...FIXTURE_B_MEMBERS.map((m) => voted(m.id, m.vote, m.party, m.name)),
    noted(FIXTURE_B_NOTE, 'michael-dorph-jensen', 'suleman-naim'),
    decided('ENDORSED', 'Tiltrådt.'),
  ];
}

/** The minutes fixture B must read as. */
export const FIXTURE_B_MINUTES = [
  '2. Opfølgning på skærpet rådighedssanktion (24-1-15.20.00-P27)',
  'Indstilling: Jobcenter indstiller til Beskæftigelsesudvalget, at',
  '1. orienteringen tiltrædes',
  'Fraværende: Ingen',
  'For stemte: Kristine Henriksen (A), Rikke Louise Schilling (A), Ole Skrald (A), Signe Ejersbo (F), Susanne Damsgaard (Æ)',
  'Imod stemte: Michael Dorph Jensen (Ø), Suleman Naim (løsgænger)',
  `Protokollat fra Michael Dorph Jensen (Ø) og Suleman Naim (løsgænger): ${FIXTURE_B_NOTE}`,
  'Beslutning: Tiltrådt.',
].join('\n');
