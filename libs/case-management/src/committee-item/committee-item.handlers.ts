import { AddProtocolNoteHandler } from './add-protocol-note/add-protocol-note.handler';
import { CastVoteHandler } from './cast-vote/cast-vote.handler';
import { DemandReferralHandler } from './demand-referral/demand-referral.handler';
import { GetCommitteeItemHandler } from './get-item/get-item.handler';
import { LinkItemHandler } from './link-item/link-item.handler';
import { MakeRecommendationHandler } from './make-recommendation/make-recommendation.handler';
import { OpenItemHandler } from './open-item/open-item.handler';
import { RecordAttendanceHandler } from './record-attendance/record-attendance.handler';
import { RecordDecisionHandler } from './record-decision/record-decision.handler';
import { ScheduleReferralHandler } from './schedule-referral/schedule-referral.handler';

/** Every command and query handler of this aggregate; the module registers them. */
export const COMMITTEE_ITEM_HANDLERS = [
  OpenItemHandler,
  MakeRecommendationHandler,
  RecordAttendanceHandler,
  CastVoteHandler,
  AddProtocolNoteHandler,
  RecordDecisionHandler,
  DemandReferralHandler,
  ScheduleReferralHandler,
  LinkItemHandler,
  GetCommitteeItemHandler,
];
