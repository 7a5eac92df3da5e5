/** The inquiry's answer as stored: the report, its parameters, position and cutoff, and the approval. */
export class GetInquiryAnswerQuery {
  constructor(readonly inquiryId: string) {}
}
