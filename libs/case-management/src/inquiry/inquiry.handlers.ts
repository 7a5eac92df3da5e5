import { AnswerInquiryHandler } from './answer-inquiry/answer-inquiry.handler';
import { DraftAnswerHandler } from './draft-answer/draft-answer.handler';
import { GetInquiryAnswerHandler } from './get-answer/get-answer.handler';
import { GetInquiryHandler } from './get-inquiry/get-inquiry.handler';
import { ReceiveInquiryHandler } from './receive-inquiry/receive-inquiry.handler';

/** Every command and query handler of this aggregate; the module registers them. */
export const INQUIRY_HANDLERS = [ReceiveInquiryHandler, GetInquiryHandler, DraftAnswerHandler, AnswerInquiryHandler, GetInquiryAnswerHandler];
