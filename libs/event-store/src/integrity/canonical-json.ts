/**
 * JSON with every object's keys sorted and no whitespace: the bytes that event digests are taken
 * over. It equals `jq -cS .` for the values events hold (strings, integers, booleans, null, arrays,
 * objects), so that a third party can recompute a digest with jq and a SHA-256 tool.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${jsonString(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  if (typeof value === 'string') return jsonString(value);
  // jq prints negative zero as -0; JSON.stringify as 0.
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return JSON.stringify(value ?? null);
}

/** A JSON string as jq writes it: like JSON.stringify, but DEL (U+007F) escaped too. */
function jsonString(text: string): string {
  return JSON.stringify(text).replace(/\u007f/g, '\\u007f');
}
