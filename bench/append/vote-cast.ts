import { uuidv7 } from '@casetrail/platform';
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
    id: uuidv7(),
    type: 'VoteCast',
    data: { meetingId: uuidv7(), agendaItemId: uuidv7(), memberId: uuidv7(), vote: 'FOR', castAt: now },
    metadata: {
      correlationId: uuidv7(),
      causationId: uuidv7(),
      actor: uuidv7(),
      recordedAt: now,
      schemaVersion: 1,
    },
  };
}
