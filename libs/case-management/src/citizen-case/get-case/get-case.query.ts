export class GetCitizenCaseQuery {
  constructor(readonly caseId: string) {}
}
