export class GetInquiryQuery {
  constructor(readonly inquiryId: string) {}
}
