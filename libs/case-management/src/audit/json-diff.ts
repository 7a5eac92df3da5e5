/** One difference between two JSON values, at a readable path such as `sanctions.s-1.review.outcome`. */
export interface StateChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** null when the path did not exist before (added). */
  readonly before: unknown;
  /** null when the path does not exist after (removed). */
  readonly after: unknown;
}

/**
 * The differences between two JSON values. Objects are compared key by key (keys in sorted order);
 * arrays holding objects element by element; arrays of plain values, and values of different
 * shapes, as one whole value. `undefined` counts as absent.
 */
export function jsonDiff(before: unknown, after: unknown): StateChange[] {
  const changes: StateChange[] = [];
  walk(before, after, '', changes);
  return changes;
}

function walk(before: unknown, after: unknown, path: string, changes: StateChange[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) return void changes.push({ path, kind: 'added', before: null, after });
  if (after === undefined) return void changes.push({ path, kind: 'removed', before, after: null });
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) walk(before[key], after[key], keyPath(path, key), changes);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].some((v) => isObject(v) || Array.isArray(v))) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) walk(before[i], after[i], `${path}[${i}]`, changes);
    return;
  }
  if (!equal(before, after)) changes.push({ path, kind: 'changed', before, after });
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

function keyPath(path: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => equal(v, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.every((key) => equal(a[key], b[key]));
  }
  return false;
}
