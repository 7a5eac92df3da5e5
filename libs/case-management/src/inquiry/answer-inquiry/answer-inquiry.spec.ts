import { given } from '@casetrail/testing';
import { decided, opened, quorum, recommended, voted } from '../../committee-item/committee-item.fixtures';
import { committeeItem, type CommitteeItemState } from '../../committee-item/committee-item.state';
import type { CommitteeItemEvent } from '../../committee-item/committee-item.events';
import { answered, context, drafted, received, report } from '../inquiry.fixtures';
import { inquiry, type InquiryState } from '../inquiry.state';
import { AnswerInquiryCommand } from './answer-inquiry.command';
import { answerInquiry } from './answer-inquiry.decide';

type Payload = AnswerInquiryCommand['payload'];
const command = (payload: Partial<Payload> = {}) => new AnswerInquiryCommand('inquiry-1', { draftId: 'draft-1', answeredOn: '2023-09-01', ...payload }, context);
const item = (...events: CommitteeItemEvent[]): CommitteeItemState => events.reduce(committeeItem.evolve, committeeItem.initialState());
const endorsed = item(opened, recommended(), quorum, voted('m1', 'FOR'), voted('m2', 'FOR'), voted('m3', 'FOR'), decided('ENDORSED'));
const withItem = (approvalItem: CommitteeItemState | null) => (c: AnswerInquiryCommand, state: InquiryState) => answerInquiry(c, state, approvalItem);

describe('answer an inquiry', () => {
  it('sends the drafted report, as drafted, with its parameters, position and cutoff', () => {
    given(inquiry, [received, drafted('draft-0'), drafted('draft-1')]).when(answerInquiry, command()).then([
      { type: 'InquiryAnswered', data: { inquiryId: 'inquiry-1', draftId: 'draft-1', report, approval: null, answeredOn: '2023-09-01' } },
    ]);
  });

  it('records the committee decision that approved sending it', () => {
    const [event] = given(inquiry, [received, drafted()]).when(withItem(endorsed), command({ committeeItemId: 'item-2' })).events();
    expect(event.data).toMatchObject({ approval: { committeeItemId: 'item-2', outcome: 'ENDORSED' } });
    const state = inquiry.evolve(given(inquiry, [received, drafted()]).state, event);
    expect(state).toMatchObject({ status: 'ANSWERED', answer: { draftId: 'draft-1', report, approval: { committeeItemId: 'item-2' } } });
  });

  it('answers once: a second answer is a conflict', () => {
    const refused = given(inquiry, [received, drafted(), answered()]).when(answerInquiry, command());
    refused.thenRefuses('INQUIRY.ALREADY_ANSWERED');
    expect(() => refused.events()).toThrow(expect.objectContaining({ kind: 'conflict' }) as never);
  });

  it('refuses an inquiry never received, and a draft that does not exist', () => {
    given(inquiry, []).when(answerInquiry, command()).thenRefuses('INQUIRY.NOT_FOUND');
    given(inquiry, [received, drafted()]).when(answerInquiry, command({ draftId: 'draft-9' })).thenRefuses('INQUIRY.DRAFT_NOT_FOUND', 'draftId');
  });

  it.each([
    ['an item that does not exist', null, 'INQUIRY.APPROVAL_ITEM_NOT_FOUND'],
    ['an item not yet decided', item(opened, recommended()), 'INQUIRY.APPROVAL_NOT_DECIDED'],
    ['an item whose decision rejected the recommendation', item(opened, recommended(), quorum, voted('m1', 'AGAINST'), decided('REJECTED')), 'INQUIRY.APPROVAL_NOT_GIVEN'],
    ['an item referred to the council', item(opened, recommended(), quorum, decided('ENDORSED'), { type: 'ReferralDemanded', data: { memberId: 'm1' } } as CommitteeItemEvent), 'INQUIRY.APPROVAL_NOT_GIVEN'],
  ])('refuses approval by %s', (_, approvalItem, code) => {
    given(inquiry, [received, drafted()]).when(withItem(approvalItem), command({ committeeItemId: 'item-2' })).thenRefuses(code, 'committeeItemId');
  });

  it('refuses an answer dated before the inquiry was received', () => {
    given(inquiry, [received, drafted()]).when(answerInquiry, command({ answeredOn: '2023-06-27' })).thenRefuses('INQUIRY.ANSWER_BEFORE_RECEIPT', 'answeredOn');
  });
});
