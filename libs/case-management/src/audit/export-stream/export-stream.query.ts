/** An audited stream's events as NDJSON lines with their digests and hashes, read page by page. */
export class ExportStreamQuery {
  constructor(
    readonly streamName: string,
    readonly pageSize = 500,
  ) {}
}
