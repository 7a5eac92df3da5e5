import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { GENESIS_HASH, chainHash, contentDigest, runningHash } from './event-hash';

// Entries sorted by UTF-16 code units, joined without whitespace: the definition, written plainly.
// A hole in an array is written as undefined is, null.
const reference = (value: unknown): string => {
  if (Array.isArray(value)) return `[${Array.from(value, reference).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k).replace(/\u007f/g, '\\u007f')}:${reference(v)}`).join(',')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value).replace(/\u007f/g, '\\u007f');
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return JSON.stringify(value ?? null);
};

describe('canonical JSON and event hashes', () => {
  it('sorts keys at every depth and drops whitespace, as jq -cS does', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'æ' }], c: true } })).toBe('{"a":{"c":true,"d":[3,{"y":"æ","z":null}]},"b":1}');
  });

  it('writes the bytes a plain sort-and-join writes, for any JSON value', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: false, withObjectString: false }).filter((v) => typeof v !== 'bigint' && typeof v !== 'symbol'), (value) => {
        let expected: string;
        try {
          expected = reference(value);
        } catch {
          return; // values JSON cannot write (a BigInt inside, say) are outside the definition
        }
        expect(canonicalJson(value)).toBe(expected);
      }),
      { numRuns: 3_000 },
    );
    expect(canonicalJson({ b: '\u007f', a: [undefined, -0, { '\u007f': 1, '0': 2, '': 3 }] })).toBe('{"a":[null,-0,{"":3,"0":2,"\\u007f":1}],"b":"\\u007f"}');
  });

  it('writes the same bytes for values whose keys are already sorted, at any depth', () => {
    const anything = fc.anything({ withNullPrototype: true, withObjectString: false, withSparseArray: true, withDate: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true });
    fc.assert(
      fc.property(anything, (generated) => {
        const value = sortedCopy(generated);
        let expected: string;
        try {
          expected = reference(value);
        } catch {
          return; // a BigInt inside, which JSON cannot write either
        }
        expect(canonicalJson(value)).toBe(expected);
      }),
      { numRuns: 3_000 },
    );
  });

  it('writes the same bytes for sorted and unsorted objects mixed with -0, DEL, undefined, holes, Dates, toJSON, getters, classes and proxies', () => {
    fc.assert(
      fc.property(mixedValue, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 5_000 },
    );
  });

  it('writes the definition’s bytes on the cases JSON.stringify writes differently (a hole in an array, which no stored event holds, as null)', () => {
    const cases: [unknown, string][] = [
      [{ '10': 1, '9': 2 }, '{"10":1,"9":2}'],
      [{ a: 1, '0': 2 }, '{"0":2,"a":1}'],
      [{ a: 1, b: { c: -0 } }, '{"a":1,"b":{"c":-0}}'],
      [{ a: ['x', 'y\u007f'] }, '{"a":["x","y\\u007f"]}'],
      [{ 'a\u007f': 1 }, '{"a\\u007f":1}'],
      [{ a: [1, undefined, 2] }, '{"a":[1,null,2]}'],
      [{ a: undefined, b: [1] }, '{"b":[1]}'],
      [[1, , 3], '[1,null,3]'], // eslint-disable-line no-sparse-arrays
      [{ a: { b: 1 }, when: new Date(0) }, '{"a":{"b":1},"when":{}}'],
      [{ a: { toJSON: () => 'x', b: 1 } }, '{"a":{"b":1,"toJSON":undefined}}'],
      [{ a: Object.defineProperty({ b: 1 }, 'toJSON', { value: () => 'x' }) }, '{"a":{"b":1}}'],
      [Object.assign(Object.create(null) as object, { a: 1, b: [2] }), '{"a":1,"b":[2]}'],
      [{ a: new Map([[1, 2]]), b: new Uint8Array([7, 8]), c: new String('hi') }, '{"a":{},"b":{"0":7,"1":8},"c":{"0":"h","1":"i"}}'],
      [Object.assign([1, 2], { toJSON: () => 'x' }), '[1,2]'],
      [undefined, 'null'],
      [-0, '-0'],
      ['\u007f', '"\\u007f"'],
    ];
    for (const [value, expected] of cases) {
      expect(canonicalJson(value)).toBe(expected);
      expect(canonicalJson(value)).toBe(reference(value));
    }
    expect(() => canonicalJson({ a: { b: [1n] } })).toThrow(TypeError);
  });

  it('writes what a getter gives, and reads each member of a proxy once, as sort-and-join does', () => {
    const value = { a: { b: 1 } };
    Object.defineProperty(value.a, 'c', { enumerable: true, get: () => 'got' });
    expect(canonicalJson(value)).toBe('{"a":{"b":1,"c":"got"}}');

    const proxyReads: PropertyKey[] = [];
    const proxied = new Proxy({ b: [1], c: 'x' }, { get: (target, key, receiver) => (proxyReads.push(key), Reflect.get(target, key, receiver) as unknown) });
    const list = new Proxy([{ d: 1 }], { get: (target, key, receiver) => (proxyReads.push(key), Reflect.get(target, key, receiver) as unknown) });
    expect(canonicalJson({ a: proxied, e: list })).toBe('{"a":{"b":[1],"c":"x"},"e":[{"d":1}]}');
    expect(proxyReads).toEqual(['b', 'c', 'length', '0', 'length']);
  });

  it('leaves a plain subtree to one JSON.stringify call, and looks at each object once', () => {
    const rows = [
      { citizenRef: 'c-1', sanctionIds: ['s-1', 's-2'] },
      { citizenRef: 'c-2', sanctionIds: ['s-3'] },
    ];
    const report = { header: { title: 'T', generatedAt: '2026-01-01' }, rows };
    const stringify = jest.spyOn(JSON, 'stringify');
    const keys = jest.spyOn(Object, 'keys');
    try {
      canonicalJson(report);
      expect(stringify.mock.calls.filter(([v]) => v === rows)).toHaveLength(1);
      expect(stringify.mock.calls.filter(([v]) => v === rows[0] || v === rows[1])).toHaveLength(0);
      stringify.mockClear();
      canonicalJson({ report: { rows } });
      expect(stringify.mock.calls).toHaveLength(1);

      // A chain of sorted objects with -0 at the bottom: each level is looked at once, not once per ancestor.
      let chain: unknown = { zero: -0 };
      for (let depth = 0; depth < 200; depth++) chain = { next: chain };
      keys.mockClear();
      const text = canonicalJson(chain);
      const calls = keys.mock.calls.length;
      expect(text).toBe(`${'{"next":'.repeat(200)}{"zero":-0}${'}'.repeat(200)}`);
      expect(calls).toBe(201);
    } finally {
      stringify.mockRestore();
      keys.mockRestore();
    }
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

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null);

/** A fresh copy whose plain objects get their keys in sorted order (integer-like keys still come first). */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype) {
    const copy: unknown[] = new Array(value.length);
    value.forEach((item, i) => (copy[i] = sortedCopy(item)));
    return copy;
  }
  if (!isPlainObject(value)) return value;
  return build(Object.getPrototypeOf(value) as object | null, Object.keys(value).sort().map((key) => [key, sortedCopy(value[key])]));
}

function build(prototype: object | null, entries: [string, unknown][]): Record<string, unknown> {
  const object = Object.create(prototype) as Record<string, unknown>;
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

class Row {
  constructor(entries: [string, unknown][]) {
    for (const [key, value] of entries) (this as Record<string, unknown>)[key] = value;
  }
}

const key = fc.constantFrom('a', 'b', 'ab', 'B', 'é', '\u{1f600}', '\uffff', '0', '9', '10', '01', '-1', '', '\u007f', 'a\u007f', '__proto__', 'toJSON');
const leaf = fc.oneof(
  fc.constantFrom<unknown>(-0, 0, 1.5, -3, Number.NaN, Number.POSITIVE_INFINITY, true, false, null, undefined, '', '\u007f', 'a\u007fb'),
  fc.string({ unit: fc.constantFrom('a', 'z', '0', '\u007f', 'é', '\ud800', '"', '\\', '\n') }),
  fc.double(),
  fc.integer(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom<() => unknown>(
    () => new Map([[1, 2]]),
    () => new Set([1]),
    () => new Uint8Array([1, 2]),
    () => new String('ab'),
    () => ({ toJSON: () => 'x' }),
  ).map((make) => make()),
);
const { value: mixedValue } = fc.letrec<{ value: unknown; array: unknown[]; object: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.oneof(fc.array(tie('value'), { maxLength: 5 }), fc.sparseArray(tie('value'), { maxLength: 5 })),
  object: fc
    .tuple(
      fc.uniqueArray(fc.tuple(key, tie('value')), { maxLength: 6, selector: ([k]) => k }),
      fc.constantFrom('as generated', 'sorted', 'sorted, null prototype', 'sorted, toJSON', 'sorted, getter', 'sorted, class', 'sorted, proxy'),
    )
    .map(([entries, shape]) => {
      if (shape === 'as generated') return build(Object.prototype, entries);
      const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
      switch (shape) {
        case 'sorted, null prototype':
          return build(null, sorted);
        case 'sorted, toJSON':
          return build(Object.prototype, [...sorted, ['toJSON', () => 'x']]);
        case 'sorted, getter': {
          const object = build(Object.prototype, sorted);
          Object.defineProperty(object, '~', { enumerable: true, get: () => sorted.length });
          return object;
        }
        case 'sorted, class':
          return new Row(sorted);
        case 'sorted, proxy':
          return new Proxy(build(Object.prototype, sorted), {});
        default:
          return build(Object.prototype, sorted);
      }
    }),
}));
