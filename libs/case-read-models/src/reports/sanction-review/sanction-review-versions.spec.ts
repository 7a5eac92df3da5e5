import type { CitizenCaseState } from '@casetrail/case-management';
import type { RecordedEvent } from '@casetrail/event-store';
import { SanctionReviewVersions } from './sanction-review-versions';

/**
 * A stream's `sanction_review_cases` row is the projection's state of it: read back as the batch
 * wrote it (a rebuild holds it in memory) or as the driver reads it (numeric as text, timestamptz
 * as a Date, or ±Infinity for 'infinity'), the next batch goes on from the same place.
 */
const STREAM = 'citizen-case-0190c7a2-0000-7000-8000-000000000001';

const written = {
  stream_name: STREAM,
  revision: 4,
  last_position: '900000000000000000017',
  last_recorded_at: 'infinity',
  first_event_position: '900000000000000000001',
  first_event_recorded_at: '2023-01-02T07:30:00.000Z',
  first_position: '900000000000000000001',
  first_recorded_at: '2023-01-02T07:30:00.000Z',
  latest_revision: 3,
  latest_position: '900000000000000000012',
  latest_recorded_at: '2023-02-01T09:15:00.250Z',
  latest_figures: '["citizen-1",["OWN_METHODS"],"AKTL_40A_STRICTER_AVAILABILITY","2022-05-01",false,0,0,0]',
  latest_ids: '["case-1","sanction-1"]',
};

const readBack = {
  ...written,
  last_recorded_at: Infinity,
  first_event_recorded_at: new Date(written.first_event_recorded_at),
  first_recorded_at: new Date(written.first_recorded_at),
  latest_recorded_at: new Date(written.latest_recorded_at),
};

// An event that leaves the case's figures as they were (the same state before and after).
const state = { status: 'OPEN', sanctions: {}, repayments: {}, discoveries: [], caseId: 'case-1', citizenRef: 'citizen-1' } as unknown as CitizenCaseState;
const event = {
  streamName: STREAM,
  revision: 5,
  position: 900000000000000000020n,
  metadata: { recordedAt: '2023-03-01T10:00:00.000Z' },
} as unknown as RecordedEvent;

function nextBatch(stored: Readonly<Record<string, unknown>>) {
  const versions = new SanctionReviewVersions(new Map([[STREAM, stored]]));
  versions.observe(event, state, state);
  return { cases: versions.cases(), versions: versions.versions, summaries: versions.summaries };
}

describe('the sanction review case row as the projection’s state of its stream', () => {
  it('goes on from a row read back by the driver exactly as from the row as written', () => {
    expect(nextBatch(readBack)).toEqual(nextBatch(written));
  });

  it('keeps the first event and the latest figures, and moves the last event on', () => {
    const { cases, summaries } = nextBatch(readBack);
    expect(summaries).toEqual([]);
    expect(cases).toEqual([
      {
        ...written,
        revision: 5,
        last_position: '900000000000000000020',
        last_recorded_at: '2023-03-01T10:00:00.000Z',
      },
    ]);
  });

  it('marks the stream to be folded from the log when its event is recorded before the last one (here: infinity)', () => {
    expect(nextBatch(readBack).versions).toEqual([
      { stream_name: STREAM, revision: 5, position: '900000000000000000020', recorded_at: '2023-03-01T10:00:00.000Z', fold_from_log: true },
    ]);
    expect(nextBatch({ ...readBack, last_recorded_at: new Date('2023-02-15T00:00:00.000Z') }).versions[0].fold_from_log).toBe(false);
  });
});
