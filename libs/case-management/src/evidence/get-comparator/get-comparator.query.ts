export class GetComparatorQuery {
  constructor(readonly comparatorId: string) {}
}
