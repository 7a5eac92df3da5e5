import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@casetrail/event-store';

export interface VoteCastData {
  readonly meetingId: string;
  readonly agendaItemId: string;
  readonly memberId: string;
  readonly vote: 'FOR' | 'AGAINST' | 'ABSTAIN';
  readonly castAt: string;
}

/** A small, realistic event: about 200 bytes of data plus the full metadata every event carries. */
export function voteCast(): EventToAppend<'VoteCast', VoteCastData> {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    type: 'VoteCast',
    data: { meetingId: randomUUID(), agendaItemId: randomUUID(), memberId: randomUUID(), vote: 'FOR', castAt: now },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: randomUUID(),
      recordedAt: now,
      schemaVersion: 1,
    },
  };
}
