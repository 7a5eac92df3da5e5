import { types } from 'node:util';

const { isProxy } = types;

/**
 * JSON with every object's keys sorted and no whitespace: the bytes that event digests are taken
 * over. It equals `jq -cS .` for the values events hold (strings, integers, booleans, null, arrays,
 * objects), so that a third party can recompute a digest with jq and a SHA-256 tool.
 */
export function canonicalJson(value: unknown): string {
  const text = encode(value);
  return text === PLAIN ? JSON.stringify(value) : (text as string);
}

/**
 * Marks a value that JSON.stringify already writes canonically: plain objects (prototype
 * Object.prototype or null, no proxy, no toJSON) whose keys come in sorted order,
 * plain arrays without undefined, holes, functions or symbols, strings without DEL, numbers other
 * than -0, booleans and null, all the way down. Such a subtree is written by one JSON.stringify
 * call, several times faster than the sort-and-join below; anything else is written level by level
 * as sort-and-join, with its plain children again left to JSON.stringify.
 */
const PLAIN = null;

/**
 * The canonical text of `value`, or PLAIN when JSON.stringify(value) is that text. Each node is
 * visited once; a non-plain value's text comes back as `undefined` where JSON.stringify gives
 * undefined (a function or a symbol), which callers concatenate as the word, as they always have.
 */
function encode(value: unknown): string | undefined | typeof PLAIN {
  if (typeof value === 'string') return value.includes('\u007f') ? jsonString(value) : PLAIN;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : PLAIN;
  if (value === null || typeof value === 'boolean') return PLAIN;
  if (typeof value !== 'object') return JSON.stringify(value ?? null); // undefined, bigint, function, symbol

  if (Array.isArray(value)) {
    // Getters on array indices are not looked for: a descriptor per item made the report 1.5 times slower.
    let plain = !isProxy(value) && Object.getPrototypeOf(value) === Array.prototype && !('toJSON' in value);
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // undefined (or a hole) encodes as 'null', never PLAIN, so it ends the plain run here.
      const text = encode(item);
      if (plain) {
        if (text === PLAIN) continue;
        plain = false;
        out += arrayPrefix(value, i);
      }
      out += (i > 0 ? ',' : '') + (text === PLAIN ? JSON.stringify(item) : text);
    }
    return plain ? PLAIN : `${out}]`;
  }

  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  let plain = hasPlainShape(object, keys);
  // The default sort compares UTF-16 code units, as jq -S does; plain keys are in that order already.
  if (!plain) keys.sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const member = object[key];
    if (member === undefined) continue;
    const text = encode(member);
    if (plain) {
      if (text === PLAIN) continue;
      plain = false;
      out += objectPrefix(object, keys, i);
    }
    out += `${out.length > 1 ? ',' : ''}${jsonString(key)}:${text === PLAIN ? JSON.stringify(member) : text}`;
  }
  return plain ? PLAIN : `${out}}`;
}

/** The first `end` items of a plain array, all plain, as written inside the brackets. */
function arrayPrefix(array: readonly unknown[], end: number): string {
  let out = '';
  for (let i = 0; i < end; i++) out += (i > 0 ? ',' : '') + JSON.stringify(array[i]);
  return out;
}

/** The members under the first `end` keys of a plain object, all plain, as written inside the braces. */
function objectPrefix(object: Record<string, unknown>, keys: readonly string[], end: number): string {
  let out = '';
  for (let i = 0; i < end; i++) {
    const member = object[keys[i]];
    if (member !== undefined) out += `${out === '' ? '' : ','}${JSON.stringify(keys[i])}:${JSON.stringify(member)}`;
  }
  return out;
}

/**
 * A plain object (no class, no proxy, no toJSON) whose keys hold no DEL and are strictly
 * increasing. Accessors are not looked for (a descriptor per key cost a fifth of a large report's
 * time): JSON.stringify reads a getter a second time, which only a getter that changes its answer
 * could notice; the values written here come from JSON and from plain literals.
 */
function hasPlainShape(object: object, keys: readonly string[]): boolean {
  if (isProxy(object)) return false;
  const prototype: unknown = Object.getPrototypeOf(object);
  if ((prototype !== Object.prototype && prototype !== null) || 'toJSON' in object) return false;
  let previous = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if ((i > 0 && !(previous < key)) || key.includes('\u007f')) return false;
    previous = key;
  }
  return true;
}

/** A JSON string as jq writes it: like JSON.stringify, but DEL (U+007F) escaped too. */
function jsonString(text: string): string {
  const json = JSON.stringify(text);
  return json.includes('\u007f') ? json.replace(/\u007f/g, '\\u007f') : json;
}
