/**
 * JSON with every object's keys sorted and no whitespace: the bytes that event digests are taken
 * over. It equals `jq -cS .` for the values events hold (strings, integers, booleans, null, arrays,
 * objects), so that a third party can recompute a digest with jq and a SHA-256 tool.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return jsonString(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    // The default sort compares UTF-16 code units, as jq -S does.
    const keys = Object.keys(object).sort();
    let out = '{';
    let first = true;
    for (const key of keys) {
      const member = object[key];
      if (member === undefined) continue;
      out += `${first ? '' : ','}${jsonString(key)}:${canonicalJson(member)}`;
      first = false;
    }
    return `${out}}`;
  }
  // jq prints negative zero as -0; JSON.stringify as 0.
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return JSON.stringify(value ?? null);
}

/** A JSON string as jq writes it: like JSON.stringify, but DEL (U+007F) escaped too. */
function jsonString(text: string): string {
  const json = JSON.stringify(text);
  return json.includes('\u007f') ? json.replace(/\u007f/g, '\\u007f') : json;
}
