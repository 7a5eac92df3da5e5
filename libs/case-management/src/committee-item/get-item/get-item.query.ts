export class GetCommitteeItemQuery {
  constructor(readonly itemId: string) {}
}
