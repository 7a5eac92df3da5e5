import { chainHash, contentDigest, GENESIS_HASH } from '@casetrail/event-store';
import { stored } from '../fixtures/audited-case.fixtures';
import { exportLine } from './export-line';

describe('an export line', () => {
  it('is one JSON line with the event, its digest over {id,type,data,metadata} and its hash, and the position as a decimal string', () => {
    const event = stored(0, 'ev-1', 'CaseClosed', { reason: 'SELF_SUPPORTING', closedOn: '2023-09-30' }, { recordedAt: '2023-10-02T14:00:00.000Z' });
    const digest = contentDigest(event);
    const line = exportLine({ ...event, position: 13835058055282163713n, integrity: { contentDigest: digest, hash: chainHash(GENESIS_HASH, event.streamName, 0, digest) } });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    const parsed = JSON.parse(line);
    expect(parsed).toEqual({
      streamName: event.streamName,
      revision: 0,
      position: '13835058055282163713',
      id: 'ev-1',
      type: 'CaseClosed',
      data: event.data,
      metadata: event.metadata,
      contentDigest: digest,
      hash: chainHash(GENESIS_HASH, event.streamName, 0, digest),
    });
    expect(contentDigest(parsed)).toBe(digest);
  });

  it('carries null digests for an event stored without them, so that verification fails on it', () => {
    const line = JSON.parse(exportLine(stored(0, 'ev-1', 'CaseClosed', {}, { recordedAt: '2023-10-02T14:00:00.000Z' })));
    expect(line).toMatchObject({ contentDigest: null, hash: null });
  });
});
