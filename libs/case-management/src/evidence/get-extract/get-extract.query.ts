export class GetExtractQuery {
  constructor(readonly extractId: string) {}
}
