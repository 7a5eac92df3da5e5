import { MAX_JSON_DEPTH, nestingExceeds } from './json-body-parser';

describe('nestingExceeds', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('counts arrays and objects alike, up to the limit and one beyond', () => {
    expect(nestingExceeds(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestingExceeds(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestingExceeds('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
    expect(nestingExceeds('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
    expect(nestingExceeds('[[],[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestingExceeds(JSON.stringify({ text: '[[[[[[{{{{{{' }), 1)).toBe(false);
    expect(nestingExceeds(JSON.stringify({ text: 'say \\"[[[[" and [[[[' }), 1)).toBe(false);
  });

  it('stops at the first level too deep, whatever follows', () => {
    expect(nestingExceeds(`${'['.repeat(100_000)}`, MAX_JSON_DEPTH)).toBe(true);
  });
});
