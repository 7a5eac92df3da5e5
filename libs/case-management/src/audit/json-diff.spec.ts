import { jsonDiff } from './json-diff';

describe('json diff', () => {
  it('finds nothing between equal values, whatever their key order', () => {
    expect(jsonDiff({ a: 1, b: { c: [1, 2], d: null } }, { b: { d: null, c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it('names changed, added and removed paths, keys in sorted order, with dotted paths', () => {
    const before = { status: 'OPEN', sanctions: { 's-1': { amount: 100, review: null } }, closure: null, old: 'x' };
    const after = { status: 'CLOSED', sanctions: { 's-1': { amount: 90, review: { outcome: 'ERROR' } }, 's-2': { amount: 5 } }, closure: { on: '2023-09-30' } };
    expect(jsonDiff(before, after)).toEqual([
      { path: 'closure', kind: 'changed', before: null, after: { on: '2023-09-30' } },
      { path: 'old', kind: 'removed', before: 'x', after: null },
      { path: 'sanctions.s-1.amount', kind: 'changed', before: 100, after: 90 },
      { path: 'sanctions.s-1.review', kind: 'changed', before: null, after: { outcome: 'ERROR' } },
      { path: 'sanctions.s-2', kind: 'added', before: null, after: { amount: 5 } },
      { path: 'status', kind: 'changed', before: 'OPEN', after: 'CLOSED' },
    ]);
  });

  it('compares arrays of plain values whole, and arrays of objects element by element', () => {
    expect(jsonDiff({ categories: ['A'], list: [{ n: 1 }] }, { categories: ['A', 'B'], list: [{ n: 2 }, { n: 3 }] })).toEqual([
      { path: 'categories', kind: 'changed', before: ['A'], after: ['A', 'B'] },
      { path: 'list[0].n', kind: 'changed', before: 1, after: 2 },
      { path: 'list[1]', kind: 'added', before: null, after: { n: 3 } },
    ]);
  });

  it('treats a change of shape as one change, undefined as absent, and quotes keys that would make a path ambiguous', () => {
    expect(jsonDiff({ a: [1], b: undefined, 'x.y': 1, '': 2 }, { a: { 0: 1 }, b: 1, 'x.y': 2 })).toEqual([
      { path: '[""]', kind: 'removed', before: 2, after: null },
      { path: 'a', kind: 'changed', before: [1], after: { 0: 1 } },
      { path: 'b', kind: 'added', before: null, after: 1 },
      { path: '["x.y"]', kind: 'changed', before: 1, after: 2 },
    ]);
  });

  it('compares whole values at the top level', () => {
    expect(jsonDiff(1, 2)).toEqual([{ path: '', kind: 'changed', before: 1, after: 2 }]);
    expect(jsonDiff(null, null)).toEqual([]);
  });
});
