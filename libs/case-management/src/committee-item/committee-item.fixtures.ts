import type { CommitteeItemEvent, ItemOpened } from './committee-item.events';
import type { RecommendationKind, VoteChoice } from './committee-item.catalogue';

/** Events for the committee item's specs: an item of a seven-seat committee and what follows. */
export const context = { actor: 'secretariat-1', correlationId: 'c-1', recordedAt: new Date('2025-01-14T09:00:00Z') };

export const opened: ItemOpened = {
  type: 'ItemOpened',
  data: {
    itemId: 'item-2',
    caseNumber: { value: '24-1-15.20.00-P27', format: 'KLE', year: 2024, sequence: '1', kle: { subject: '15.20.00', facet: 'P27' } },
    committee: { id: 'bu', name: 'Beskæftigelsesudvalget', memberCount: 7 },
    meetingDate: '2025-01-14',
    itemNumber: 2,
    title: 'Opfølgning på skærpet rådighedssanktion',
    closed: false,
  },
};

export const recommended = (kind: RecommendationKind = 'DECISION'): CommitteeItemEvent => ({
  type: 'RecommendationMade',
  data: { originators: ['Jobcenter'], addressee: 'Beskæftigelsesudvalget', points: [{ number: 1, text: 'at orienteringen tiltrædes' }], kind },
});

export const present = (...memberIds: string[]): CommitteeItemEvent => ({
  type: 'AttendanceRecorded',
  data: { entries: memberIds.map((memberId) => ({ memberId, status: 'PRESENT', absenceNotice: false, substituteMemberId: null })) },
});

export const absent = (memberId: string, substituteMemberId: string | null = null): CommitteeItemEvent => ({
  type: 'AttendanceRecorded',
  data: { entries: [{ memberId, status: 'ABSENT', absenceNotice: true, substituteMemberId }] },
});

export const voted = (memberId: string, vote: VoteChoice, party: string | null = 'A', memberName = memberId): CommitteeItemEvent => ({
  type: 'VoteCast',
  data: { memberId, memberName, party, vote },
});

export const decided = (outcome: 'ENDORSED' | 'REJECTED' = 'ENDORSED'): CommitteeItemEvent => ({
  type: 'DecisionRecorded',
  data: { outcome, text: outcome === 'ENDORSED' ? 'Tiltrådt.' : 'Forkastet.', amendments: [] },
});

/** Four of seven present: a quorum. */
export const quorum = present('m1', 'm2', 'm3', 'm4');
