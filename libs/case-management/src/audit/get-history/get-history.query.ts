/** The full timeline of an audited stream. */
export class GetStreamHistoryQuery {
  constructor(readonly streamName: string) {}
}
