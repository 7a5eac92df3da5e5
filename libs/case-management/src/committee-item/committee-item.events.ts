import type { DomainEvent } from '@casetrail/event-store';
import type { CaseNumber } from '../shared/case-number/case-number';
import type { AttendanceStatus, DecisionOutcome, LinkRelation, RecommendationKind, VoteChoice } from './committee-item.catalogue';

/** ISO calendar date, yyyy-mm-dd. */
type IsoDate = string;

export interface Committee {
  readonly id: string;
  readonly name: string;
  /** Seats on the committee: the basis of quorum. */
  readonly memberCount: number;
}

export type ItemOpened = DomainEvent<
  'ItemOpened',
  {
    readonly itemId: string;
    /** One case number may appear on several items. */
    readonly caseNumber: CaseNumber;
    readonly committee: Committee;
    readonly meetingDate: IsoDate;
    /** The display number on the agenda; renumbered freely, never used to refer to the item. */
    readonly itemNumber: number;
    readonly title: string;
    /** A closed item (lukket punkt): its existence is visible to all, its content to cleared roles. */
    readonly closed: boolean;
  }
>;

export interface RecommendationPoint {
  readonly number: number;
  readonly text: string;
}

export type RecommendationMade = DomainEvent<
  'RecommendationMade',
  {
    readonly originators: readonly string[];
    readonly addressee: string;
    readonly points: readonly RecommendationPoint[];
    readonly kind: RecommendationKind;
  }
>;

export interface AttendanceEntry {
  readonly memberId: string;
  readonly status: AttendanceStatus;
  /** Afbud: the member sent notice of absence. */
  readonly absenceNotice: boolean;
  /** The member who took an absent member's seat for this item. */
  readonly substituteMemberId: string | null;
}

/** Attendance for this item; an entry replaces any earlier one for the same member. */
export type AttendanceRecorded = DomainEvent<'AttendanceRecorded', { readonly entries: readonly AttendanceEntry[] }>;

export type VoteCast = DomainEvent<
  'VoteCast',
  {
    readonly memberId: string;
    /** The name as the minutes spell it. */
    readonly memberName: string;
    /** The member's party on the meeting date; null when outside any party. */
    readonly party: string | null;
    readonly vote: VoteChoice;
  }
>;

/** A protocol note (protokollat) belonging to one or more members. */
export type ProtocolNoteAdded = DomainEvent<'ProtocolNoteAdded', { readonly text: string; readonly memberIds: readonly string[] }>;

export type DecisionRecorded = DomainEvent<
  'DecisionRecorded',
  { readonly outcome: DecisionOutcome; readonly text: string; readonly amendments: readonly string[] }
>;

/** A member demanded that the item go to the city council: it is referred, not final. */
export type ReferralDemanded = DomainEvent<'ReferralDemanded', { readonly memberId: string }>;

/** The next body to take the item, and when (e.g. Økonomiudvalget, then Byrådet). */
export type ReferralScheduled = DomainEvent<'ReferralScheduled', { readonly body: string; readonly date: IsoDate }>;

/** A relation to another item, by its stable id. */
export type ItemLinked = DomainEvent<'ItemLinked', { readonly linkedItemId: string; readonly relation: LinkRelation }>;

export type CommitteeItemEvent =
  | ItemOpened
  | RecommendationMade
  | AttendanceRecorded
  | VoteCast
  | ProtocolNoteAdded
  | DecisionRecorded
  | ReferralDemanded
  | ReferralScheduled
  | ItemLinked;
