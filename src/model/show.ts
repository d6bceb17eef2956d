/**
 * Showing untrusted text and values in messages: file contents, names, service
 * answers. Whatever reaches a message is short (an excerpt, never a whole
 * value), escaped (no control character, escape sequence or bidi override
 * reaches a terminal) and safe to build for any value (no recursion into
 * deeply nested JSON).
 */

/** C0 and C1 controls, DEL, and the bidirectional-text controls that reorder what a terminal shows. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEP_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * Text made safe for a terminal: control characters (escape sequences
 * included), bidi controls and lone surrogates written as `\uXXXX`. Newlines
 * are kept only with `keepNewlines` (a report of several lines).
 */
export function safeText(text: string, keepNewlines = false): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.replace(keepNewlines ? UNSAFE_KEEP_NEWLINE : UNSAFE, escapeChar);
}

/** The default length of an excerpt, in characters. */
export const EXCERPT_CHARS = 60;

/**
 * A string as a message shows it: quoted, escaped like JSON (and every
 * terminal control escaped), cut to `max` characters with the full length
 * noted: `"SECRET_X=hu…" (6,120 characters)`.
 */
export function quote(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return safeText(JSON.stringify(text.isWellFormed() ? text : text.toWellFormed()));
  let cut = text.slice(0, max);
  // Never cut a surrogate pair in two.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${safeText(JSON.stringify(cut.toWellFormed()).slice(0, -1))}…" (${text.length.toLocaleString("en-US")} characters)`;
}

/**
 * Any value, as a message shows it: strings quoted, numbers and booleans as
 * they are, arrays and objects shown shallowly (a few items, then "…"), never
 * longer than `max` characters. Safe for values nested any depth.
 */
export function show(value: unknown, max = EXCERPT_CHARS): string {
  const text = render(value, 2, max);
  return text.length <= max + 2 ? text : `${text.slice(0, max)}…`;
}

function render(value: unknown, depth: number, max: number): string {
  if (typeof value === "string") return quote(value, Math.min(max, EXCERPT_CHARS));
  if (value === undefined) return "missing";
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "a non-finite number";
  if (typeof value === "bigint") return `${value}`.length > 30 ? "a very long integer" : `${value}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    if (depth === 0) return `[…${value.length} ${value.length === 1 ? "item" : "items"}]`;
    const items: string[] = [];
    let length = 2;
    for (const item of value.slice(0, 4)) {
      const s = render(item, depth - 1, max);
      length += s.length + 1;
      if (length > max) break;
      items.push(s);
    }
    return `[${items.join(",")}${items.length < value.length ? `,…${value.length - items.length} more` : ""}]`;
  }
  if (typeof value === "object") {
    let keys: string[];
    try {
      keys = Object.keys(value);
    } catch {
      return "an object";
    }
    if (keys.length === 0) return "{}";
    if (depth === 0) return `{…${keys.length} ${keys.length === 1 ? "key" : "keys"}}`;
    const entries: string[] = [];
    let length = 2;
    for (const key of keys.slice(0, 4)) {
      let v: unknown;
      try {
        v = (value as Record<string, unknown>)[key];
      } catch {
        v = undefined;
      }
      const s = `${quote(key, 30)}:${render(v, depth - 1, max)}`;
      length += s.length + 1;
      if (length > max) break;
      entries.push(s);
    }
    return `{${entries.join(",")}${entries.length < keys.length ? `,…${keys.length - entries.length} more` : ""}}`;
  }
  return typeof value;
}

/** The first line of a message, made safe and cut to `max` characters. */
export function oneLine(text: string, max = 300): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== "") ?? "";
  const safe = safeText(line);
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

/** Deepest nesting of arrays and objects a JSON input may have; deeper is refused before anything walks it. */
export const MAX_JSON_DEPTH = 64;

/**
 * How deeply a parsed JSON value nests (arrays and objects), counted without
 * recursion and giving up past `limit` (returns limit + 1).
 */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  if (typeof value !== "object" || value === null) return 0;
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > deepest) {
      deepest = d;
      if (deepest > limit) return limit + 1;
    }
    const children = Array.isArray(v) ? v : Object.values(v as object);
    for (const c of children) if (typeof c === "object" && c !== null) stack.push([c, d + 1]);
  }
  return deepest;
}
