import type { CommandResult, DomainEvent } from '@casetrail/event-store';
import type { FastifyReply } from 'fastify';

/** What every write answers: where the change landed, to be used in If-Match and minPosition. */
export interface CommandResponse {
  readonly streamName: string;
  readonly revision: number;
  /** Global position of the last event written, as a decimal string; null when nothing changed. */
  readonly position: string | null;
  readonly events: readonly string[];
  readonly [id: string]: unknown;
}

export function commandResponse(
  reply: FastifyReply,
  result: CommandResult<DomainEvent>,
  ids: Readonly<Record<string, string>> = {},
  location?: string,
): CommandResponse {
  void reply.header('ETag', `"${result.revision}"`);
  if (location) void reply.header('Location', location);
  return {
    ...ids,
    streamName: result.streamName,
    revision: result.revision,
    position: result.position === null ? null : result.position.toString(),
    events: result.events.map((e) => e.type),
  };
}
