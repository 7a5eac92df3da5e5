import { AUDITED_CASE, stored } from './fixtures/audited-case.fixtures';
import { aggregateOfStream } from './audited-stream';
import { effectiveTimes, selectEvents } from './select-events';

const revisions = (events: readonly { revision: number }[]) => events.map((e) => e.revision);
const correction = (revision: number, id: string, correctsEventId: string, recordedAt: string) =>
  stored(revision, id, 'FactCorrected', { correctsEventId, target: { kind: 'case', changes: { owningUnit: 'Jobcenter Syd' } }, reason: 'x' }, { recordedAt, effectiveAt: recordedAt });

describe('selecting the events of a view', () => {
  it('atRevision keeps revisions up to n; recordedAt the events recorded by then, boundary included', () => {
    expect(revisions(selectEvents(AUDITED_CASE, { kind: 'atRevision', revision: 0 }))).toEqual([0]);
    expect(revisions(selectEvents(AUDITED_CASE, { kind: 'recordedAt', at: '2023-07-20T09:15:00.000Z' }))).toEqual([0, 1, 2, 3, 4]);
    expect(revisions(selectEvents(AUDITED_CASE, { kind: 'recordedAt', at: '2023-07-20T09:14:59.999Z' }))).toEqual([0, 1, 2, 3]);
  });

  it('effectiveAt counts a correction at the effective time of the event it corrects, and a correction of a correction at the original', () => {
    const history = [...AUDITED_CASE, correction(7, 'ev-recorrected', 'ev-corrected', '2023-11-01T09:00:00.000Z')];
    const times = effectiveTimes(history);
    expect(history.map((e) => new Date(times.get(e) as number).toISOString())).toEqual([
      '2021-01-04T08:00:00.000Z',
      '2021-03-15T00:00:00.000Z',
      '2023-05-10T08:30:00.000Z',
      '2023-06-01T12:00:00.000Z',
      '2021-03-15T00:00:00.000Z',
      '2023-08-15T00:00:00.000Z',
      '2023-09-30T00:00:00.000Z',
      '2021-03-15T00:00:00.000Z',
    ]);
    expect(revisions(selectEvents(history, { kind: 'effectiveAt', at: '2021-03-15T00:00:00.000Z' }))).toEqual([0, 1, 4, 7]);
  });

  it('effectiveAt falls back to the recorded time for an event stored without an effective time, and for a correction naming no earlier event', () => {
    const history = [
      stored(0, 'a', 'CaseOpened', {}, { recordedAt: '2023-01-01T00:00:00.000Z' }),
      correction(1, 'b', 'not-in-this-stream', '2023-02-01T00:00:00.000Z'),
      correction(2, 'c', 'd', '2023-03-01T00:00:00.000Z'),
      correction(3, 'd', 'a', '2023-04-01T00:00:00.000Z'),
    ];
    const times = effectiveTimes(history);
    expect(history.map((e) => new Date(times.get(e) as number).toISOString().slice(0, 10))).toEqual(['2023-01-01', '2023-02-01', '2023-03-01', '2023-01-01']);
  });

  it('recordedAt filters on the recorded time even where it does not follow the revisions', () => {
    const history = [
      stored(0, 'a', 'CaseOpened', {}, { recordedAt: '2023-01-01T00:00:00.000Z' }),
      stored(1, 'b', 'CaseClosed', {}, { recordedAt: '2023-03-01T00:00:00.000Z' }),
      stored(2, 'c', 'CaseReopened', {}, { recordedAt: '2023-02-01T00:00:00.000Z' }),
    ];
    expect(revisions(selectEvents(history, { kind: 'recordedAt', at: '2023-02-15T00:00:00.000Z' }))).toEqual([0, 2]);
  });
});

describe('the aggregate of a stream', () => {
  it.each(['citizen-case-', 'committee-item-', 'committee-member-', 'inquiry-'])('knows %s streams', (prefix) => {
    expect(typeof aggregateOfStream(`${prefix}0190f5a2-7c1e-7d3a-9b1c-2f4e6a8b0c1d`).evolve).toBe('function');
  });

  it.each(['personal-data-0190f5a2', 'citizen-case-', 'citizen-cases-1', 'Citizen-case-1'])('refuses %s as STREAM.UNKNOWN_KIND (404)', (stream) => {
    expect(() => aggregateOfStream(stream)).toThrow(expect.objectContaining({ code: 'STREAM.UNKNOWN_KIND', kind: 'not_found' }));
  });
});
