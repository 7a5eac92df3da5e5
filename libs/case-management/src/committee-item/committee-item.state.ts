import type { Aggregate } from '@casetrail/event-store';
import type { CaseNumber } from '../shared/case-number/case-number';
import type { DecisionOutcome, LinkRelation, RecommendationKind, VoteChoice } from './committee-item.catalogue';
import type { AttendanceEntry, Committee, CommitteeItemEvent, RecommendationPoint } from './committee-item.events';

export interface Recommendation {
  readonly originators: readonly string[];
  readonly addressee: string;
  readonly points: readonly RecommendationPoint[];
  readonly kind: RecommendationKind;
}

export interface CommitteeVote {
  readonly memberId: string;
  readonly memberName: string;
  readonly party: string | null;
  readonly vote: VoteChoice;
}

export interface ProtocolNote {
  readonly text: string;
  readonly memberIds: readonly string[];
}

export interface ItemDecision {
  readonly outcome: DecisionOutcome;
  readonly text: string;
  readonly amendments: readonly string[];
}

export interface ItemReferral {
  readonly body: string;
  readonly date: string;
}

export interface ItemLink {
  readonly linkedItemId: string;
  readonly relation: LinkRelation;
}

/**
 * PENDING until a decision; FINAL once decided; REFERRED when a member demanded referral to the
 * council, a next body is scheduled, or the decision recommends the item to the next body.
 */
export type ItemFinality = 'PENDING' | 'FINAL' | 'REFERRED';

export interface CommitteeItemState {
  readonly status: 'NONE' | 'OPEN';
  readonly itemId: string | null;
  readonly caseNumber: CaseNumber | null;
  readonly committee: Committee | null;
  readonly meetingDate: string | null;
  readonly itemNumber: number | null;
  readonly title: string | null;
  readonly closed: boolean;
  readonly recommendation: Recommendation | null;
  /** The latest attendance entry per member. */
  readonly attendance: Readonly<Record<string, AttendanceEntry>>;
  /** In the order cast. */
  readonly votes: readonly CommitteeVote[];
  readonly protocolNotes: readonly ProtocolNote[];
  readonly decision: ItemDecision | null;
  readonly referralDemandedBy: readonly string[];
  readonly referrals: readonly ItemReferral[];
  readonly links: readonly ItemLink[];
  readonly finality: ItemFinality;
}

export function initialCommitteeItemState(): CommitteeItemState {
  return {
    status: 'NONE',
    itemId: null,
    caseNumber: null,
    committee: null,
    meetingDate: null,
    itemNumber: null,
    title: null,
    closed: false,
    recommendation: null,
    attendance: {},
    votes: [],
    protocolNotes: [],
    decision: null,
    referralDemandedBy: [],
    referrals: [],
    links: [],
    finality: 'PENDING',
  };
}

export function evolveCommitteeItem(state: CommitteeItemState, event: CommitteeItemEvent): CommitteeItemState {
  switch (event.type) {
    case 'ItemOpened':
      return { ...state, status: 'OPEN', ...event.data };
    case 'RecommendationMade':
      return { ...state, recommendation: { ...event.data } };
    case 'AttendanceRecorded': {
      const attendance = { ...state.attendance };
      for (const entry of event.data.entries) attendance[entry.memberId] = entry;
      return { ...state, attendance };
    }
    case 'VoteCast':
      return { ...state, votes: [...state.votes, { ...event.data }] };
    case 'ProtocolNoteAdded':
      return { ...state, protocolNotes: [...state.protocolNotes, { ...event.data }] };
    case 'DecisionRecorded':
      return withFinality({ ...state, decision: { ...event.data } });
    case 'ReferralDemanded':
      return withFinality({ ...state, referralDemandedBy: [...state.referralDemandedBy, event.data.memberId] });
    case 'ReferralScheduled':
      return withFinality({ ...state, referrals: [...state.referrals, { ...event.data }] });
    case 'ItemLinked':
      return { ...state, links: [...state.links, { ...event.data }] };
    default:
      return state;
  }
}

function withFinality(state: CommitteeItemState): CommitteeItemState {
  const referred = state.referralDemandedBy.length > 0 || state.referrals.length > 0 || state.decision?.outcome === 'RECOMMENDED_TO_NEXT_BODY';
  return { ...state, finality: referred ? 'REFERRED' : state.decision ? 'FINAL' : 'PENDING' };
}

/** The committee item's fold, shared by the write side and auditors' replays. */
export const committeeItem: Aggregate<CommitteeItemState, CommitteeItemEvent> = {
  initialState: initialCommitteeItemState,
  evolve: evolveCommitteeItem,
};

export const COMMITTEE_ITEM_STREAM_PREFIX = 'committee-item-';

export function committeeItemStream(itemId: string): string {
  return `${COMMITTEE_ITEM_STREAM_PREFIX}${itemId}`;
}
