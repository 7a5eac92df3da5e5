/** This aggregate's public surface, re-exported by the lib's index.ts. */
export * from './committee-item.catalogue';
export type * from './committee-item.events';
export { committeeItem, committeeItemStream, COMMITTEE_ITEM_STREAM_PREFIX } from './committee-item.state';
export type {
  CommitteeItemState,
  CommitteeVote,
  ItemDecision,
  ItemFinality,
  ItemLink,
  ItemReferral,
  ProtocolNote,
  Recommendation,
} from './committee-item.state';
export { tally, OUTSIDE_PARTY } from './committee-item.tally';
export type { VoteTally } from './committee-item.tally';
export { OpenItemCommand } from './open-item/open-item.command';
export { MakeRecommendationCommand } from './make-recommendation/make-recommendation.command';
export { RecordAttendanceCommand } from './record-attendance/record-attendance.command';
export { CastVoteCommand } from './cast-vote/cast-vote.command';
export { AddProtocolNoteCommand } from './add-protocol-note/add-protocol-note.command';
export { RecordDecisionCommand } from './record-decision/record-decision.command';
export { DemandReferralCommand } from './demand-referral/demand-referral.command';
export { ScheduleReferralCommand } from './schedule-referral/schedule-referral.command';
export { LinkItemCommand } from './link-item/link-item.command';
export { GetCommitteeItemQuery } from './get-item/get-item.query';
