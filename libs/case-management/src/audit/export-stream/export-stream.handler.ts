import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@casetrail/event-store';
import { aggregateOfStream, streamNotFound } from '../audited-stream';
import { exportLine } from './export-line';
import { ExportStreamQuery } from './export-stream.query';

/** The export of a stream up to its last revision when asked; `lines` reads the store as it is consumed. */
export interface StreamExport {
  readonly streamName: string;
  readonly revision: number;
  /** The last exported event's chain hash: the last line's `hash` must equal it. */
  readonly hash: string | null;
  readonly lines: AsyncIterable<string>;
}

@QueryHandler(ExportStreamQuery)
export class ExportStreamHandler implements IQueryHandler<ExportStreamQuery, StreamExport> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ streamName, pageSize }: ExportStreamQuery): Promise<StreamExport> {
    aggregateOfStream(streamName);
    const [last] = await this.store.readStream(streamName, { direction: 'backwards', maxCount: 1 });
    if (!last) throw streamNotFound(streamName);
    return { streamName, revision: last.revision, hash: last.integrity?.hash ?? null, lines: this.lines(streamName, last.revision, pageSize) };
  }

  /** Revisions 0 … last, so that the export matches its announced revision and hash even while the stream grows. */
  private async *lines(streamName: string, last: number, pageSize: number): AsyncGenerator<string> {
    for (let next = 0; next <= last; ) {
      const page = await this.store.readStream(streamName, { fromRevision: next, maxCount: Math.min(pageSize, last - next + 1) });
      if (page.length === 0) throw new Error(`${streamName} ends before revision ${next}`);
      for (const event of page) yield exportLine(event);
      next = page[page.length - 1].revision + 1;
    }
  }
}
