/** This aggregate's public surface, re-exported by the lib's index.ts. */
export type * from './inquiry.events';
export { inquiry, inquiryStream, INQUIRY_STREAM_PREFIX } from './inquiry.state';
export type { AnswerDraft, InquiryAnswer, InquiryState } from './inquiry.state';
export { ReceiveInquiryCommand } from './receive-inquiry/receive-inquiry.command';
export { GetInquiryQuery } from './get-inquiry/get-inquiry.query';
export { DraftAnswerCommand } from './draft-answer/draft-answer.command';
export { AnswerInquiryCommand } from './answer-inquiry/answer-inquiry.command';
export { GetInquiryAnswerQuery } from './get-answer/get-answer.query';
