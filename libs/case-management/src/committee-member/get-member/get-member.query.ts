export class GetCommitteeMemberQuery {
  constructor(readonly memberId: string) {}
}
