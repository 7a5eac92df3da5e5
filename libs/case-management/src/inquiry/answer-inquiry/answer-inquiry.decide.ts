import { ADOPTING_OUTCOMES } from '../../committee-item/committee-item.catalogue';
import type { CommitteeItemState } from '../../committee-item/committee-item.state';
import { effectiveDate, requireIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import type { AnswerApproval, InquiryAnswered } from '../inquiry.events';
import { requireUnanswered } from '../inquiry.rules';
import type { InquiryState } from '../inquiry.state';
import type { AnswerInquiryCommand } from './answer-inquiry.command';

/**
 * Answers the inquiry with a drafted report, once. When a committee item is named, its decision
 * must be final and adopt the recommendation; `approvalItem` is that item's state, read by the handler.
 */
export function answerInquiry(command: AnswerInquiryCommand, state: InquiryState, approvalItem: CommitteeItemState | null = null): InquiryAnswered[] {
  requireUnanswered(state);
  const { draftId, committeeItemId } = command.payload;
  const draft = state.drafts[draftId];
  if (!draft) throw new DomainError('INQUIRY.DRAFT_NOT_FOUND', `No draft ${draftId} of this inquiry`, { field: 'draftId' });
  const approval = committeeItemId === undefined ? null : requireApproval(committeeItemId, approvalItem);
  const answeredOn = command.payload.answeredOn === undefined ? effectiveDate(command.context) : requireIsoDate(command.payload.answeredOn, 'answeredOn');
  if (state.receivedOn !== null && answeredOn < state.receivedOn) {
    throw new DomainError('INQUIRY.ANSWER_BEFORE_RECEIPT', 'The answer is dated before the inquiry was received', { field: 'answeredOn' });
  }
  return [{ type: 'InquiryAnswered', data: { inquiryId: command.inquiryId, draftId, report: draft.report, approval, answeredOn } }];
}

function requireApproval(committeeItemId: string, item: CommitteeItemState | null): AnswerApproval {
  const field = 'committeeItemId';
  if (!item || item.status === 'NONE' || item.itemId !== committeeItemId) {
    throw new DomainError('INQUIRY.APPROVAL_ITEM_NOT_FOUND', `No committee item ${committeeItemId}`, { field });
  }
  if (!item.decision) throw new DomainError('INQUIRY.APPROVAL_NOT_DECIDED', 'The committee item has no decision yet', { field });
  if (!ADOPTING_OUTCOMES.includes(item.decision.outcome) || item.finality !== 'FINAL') {
    throw new DomainError('INQUIRY.APPROVAL_NOT_GIVEN', `The committee item's decision (${item.decision.outcome}, ${item.finality}) does not finally approve the answer`, { field });
  }
  return { committeeItemId, outcome: item.decision.outcome };
}
