import { GetCitizenCaseHandler } from './get-case/get-case.handler';
import { OpenCaseHandler } from './open-case/open-case.handler';
import { ImposeSanctionHandler } from './impose-sanction/impose-sanction.handler';
import { IdentifyCitizenHandler } from './identify-citizen/identify-citizen.handler';
import { ReviewSanctionHandler } from './review-sanction/review-sanction.handler';
import { AssessRepaymentHandler } from './assess-repayment/assess-repayment.handler';
import { ScheduleRepaymentHandler } from './schedule-repayment/schedule-repayment.handler';
import { IssueRepaymentHandler } from './issue-repayment/issue-repayment.handler';
import { LodgeAppealHandler } from './lodge-appeal/lodge-appeal.handler';
import { DecideAppealHandler } from './decide-appeal/decide-appeal.handler';
import { CloseCaseHandler } from './close-case/close-case.handler';
import { ReopenCaseHandler } from './reopen-case/reopen-case.handler';
import { CorrectFactHandler } from './correct-fact/correct-fact.handler';

/** Every command and query handler of the citizen case; the module registers them. */
export const CITIZEN_CASE_HANDLERS = [
  OpenCaseHandler,
  GetCitizenCaseHandler,
  ImposeSanctionHandler,
  IdentifyCitizenHandler,
  ReviewSanctionHandler,
  AssessRepaymentHandler,
  ScheduleRepaymentHandler,
  IssueRepaymentHandler,
  LodgeAppealHandler,
  DecideAppealHandler,
  CloseCaseHandler,
  ReopenCaseHandler,
  CorrectFactHandler,
];
