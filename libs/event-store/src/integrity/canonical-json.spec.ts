import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, chainHash, contentDigest, runningHash } from './event-hash';

describe('canonical JSON and event hashes', () => {
  it('sorts keys at every depth and drops whitespace, as jq -cS does', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'æ' }], c: true } })).toBe('{"a":{"c":true,"d":[3,{"y":"æ","z":null}]},"b":1}');
  });

  it('writes DEL escaped and negative zero as -0, as jq does', () => {
    expect(canonicalJson({ text: 'a\u007fb', zero: -0 })).toBe('{"text":"a\\u007fb","zero":-0}');
  });

  it('gives the same digest whatever the key order, and another digest for one changed byte', () => {
    const event = { id: 'e-1', type: 'SanctionImposed', data: { amountDeductedOre: 1234500, breachDate: '2021-03-01' }, metadata: { actor: 'a' } };
    const reordered = { metadata: { actor: 'a' }, data: { breachDate: '2021-03-01', amountDeductedOre: 1234500 }, type: 'SanctionImposed', id: 'e-1' };
    expect(contentDigest(reordered)).toBe(contentDigest(event));
    expect(contentDigest({ ...event, data: { ...event.data, amountDeductedOre: 1234501 } })).not.toBe(contentDigest(event));
    expect(contentDigest(event)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('chains hashes: each depends on the previous, the stream, the revision and the digest', () => {
    const first = chainHash(GENESIS_HASH, 'citizen-case-1', 0, 'd0');
    expect(chainHash(first, 'citizen-case-1', 1, 'd1')).not.toBe(chainHash(first, 'citizen-case-1', 2, 'd1'));
    expect(chainHash(first, 'citizen-case-1', 1, 'd1')).not.toBe(chainHash(GENESIS_HASH, 'citizen-case-1', 1, 'd1'));
    expect(runningHash(GENESIS_HASH, first)).toMatch(/^[0-9a-f]{64}$/);
  });
});
