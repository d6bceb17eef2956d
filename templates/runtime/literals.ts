// Runtime of a kqlgen-generated package: KQL literals and escaping.
//
// - One escaper, `quoteKqlString`: every string literal, every bracketed identifier, every string
//   inside a dynamic literal and every obfuscated (h"...") literal is written by it.
// - Literal writers for the ten Kusto types, and the `kql` tagged template.
// - No dependencies, and no Kusto parser at run time.

import { isKustoGuid } from "./formats.js";
import type { KustoType } from "./validation.js";

// ---------------------------------------------------------------------------------------------
// Errors

/** A value that cannot be written as the KQL literal asked for (wrong type, out of range, malformed). */
export class KqlValueError extends TypeError {
  override readonly name = "KqlValueError";
}

/** A query the builder cannot write: unknown or duplicate column, operator not valid for a column's type. */
export class KqlBuildError extends Error {
  override readonly name = "KqlBuildError";
}

/** A query result `runQuery` does not accept: partial results, or columns that differ from the query's. */
export class KqlResultError extends Error {
  override readonly name = "KqlResultError";
  constructor(
    message: string,
    /** `PartialError` and the service's code for partial results; `ColumnMismatch` for columns. */
    readonly code: string,
  ) {
    super(message);
  }
}

/** @internal A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string")
    return `string ${JSON.stringify(value.length > 60 ? value.slice(0, 57) + "..." : value)}`;
  if (typeof value === "bigint") return `bigint ${value}n`;
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  if (value instanceof Date) return `Date ${isNaN(value.getTime()) ? "(invalid)" : value.toISOString()}`;
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** @internal */
export function cannot(value: unknown, what: string, expected: string): KqlValueError {
  return new KqlValueError(`cannot write ${describe(value)} as ${what}: expected ${expected}`);
}

// ---------------------------------------------------------------------------------------------
// The escaper

/**
 * Characters written as an escape. Besides `"`, `\` and control characters (C0, DEL, C1), also
 * characters that are invisible or reorder text in editors and logs (bidi controls, line and
 * paragraph separators, BOM), so a query always reads as it runs. Surrogates are checked in pairs.
 */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]/;

function hex4(code: number): string {
  return code.toString(16).padStart(4, "0");
}

/**
 * THE escaper: `value` as a double-quoted KQL string literal.
 *
 * Writes only the escapes Kusto decodes consistently: `\"`, `\\`, `\n`, `\r`, `\t` and `\uHHHH`
 * (never `\U`, octal-looking or other escapes). Other characters, non-BMP ones included (as their
 * surrogate pairs), are written as they are.
 *
 * A lone UTF-16 surrogate throws a KqlValueError: Kusto stores text as UTF-8, which cannot encode
 * it, so the query would not search for what the string holds. Repair such strings first (for
 * example with `String.prototype.toWellFormed`, which replaces them with U+FFFD).
 */
export function quoteKqlString(value: string): string {
  if (typeof value !== "string") throw cannot(value, "a KQL string literal", "a string");
  if (!NEEDS_ESCAPE.test(value)) return `"${value}"`;
  let out = '"';
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let escape: string;
    if (c === 0x22) escape = '\\"';
    else if (c === 0x5c) escape = "\\\\";
    else if (c === 0x0a) escape = "\\n";
    else if (c === 0x0d) escape = "\\r";
    else if (c === 0x09) escape = "\\t";
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++; // a well-formed pair: written as it is
        continue;
      }
      throw new KqlValueError(
        `cannot write a string with a lone UTF-16 surrogate (\\u${hex4(c).toUpperCase()} at index ${i}) into KQL: ` +
          "Kusto stores UTF-8, which cannot encode it; repair the string first (e.g. value.toWellFormed())",
      );
    } else if (
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x2028 && c <= 0x202e) ||
      (c >= 0x2060 && c <= 0x2069) ||
      c === 0xfeff
    ) {
      escape = `\\u${hex4(c)}`;
    } else continue;
    out += value.slice(start, i) + escape;
    start = i + 1;
  }
  return out + value.slice(start) + '"';
}

// ---------------------------------------------------------------------------------------------
// Identifiers

/**
 * Names Kusto reads as keywords or literals rather than names (every plain-looking name for which
 * `KustoFacts.BracketNameIfNecessary` of Kusto.Language adds brackets; the tests check this list
 * against Kusto's own parser).
 */
const KEYWORDS: ReadonlySet<string> = new Set(
  (
    "__contextual_datatable __crossCluster __crossDB __executeAndCache __id __isFuzzy __noWithSource __packedColumn " +
    "__projectAway __sourceColumnIndex accumulate and anomalychart areachart as asc bagexpansion barchart between " +
    "bin_legacy boolean by byte cachingpolicy callout cancel card char columnchart contains contains_cs containscs cycles " +
    "dataexport datascope datatable date datetime decimal decodeblocks desc double dynamic earliest encodingpolicy endswith " +
    "endswith_cs expandoutput extent_tags_retention external_data externaldata false find first flags float force_remote " +
    "harddelete hardretention has has_all has_any has_cs hasprefix hasprefix_cs hassuffix hassuffix_cs hotcache in int " +
    "int16 int32 int64 int8 invoke isfuzzy journal kind ladderchart last latest like likecs linechart long materialize mdm " +
    "missing nooptimization notcontains notcontainscs notlike notlikecs of or others pathformat piechart pivotchart print " +
    "project queries query_results real relaxed restricted_view_access row_level_security rowstore rowstore_references " +
    "rowstore_sealinfo rowstorepolicy rowstores sample scatterchart seal seals search set shards simple softdelete " +
    "softretention sql stackedareachart startswith startswith_cs statistics storedqueryresultcontainers string tablepurge " +
    "time timechart timeline timepivot timespan title to toscalar totable treemap true uint uint16 uint32 uint64 uint8 " +
    "ulong union uniqueid unrestrictedviewers verbose viewers views where with_itemindex with_match_id with_source " +
    "with_step_name withsource writeaheadlog " +
    // The bool literals in every spelling Kusto reads as a literal.
    "True TRUE False FALSE"
  ).split(" "),
);

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A table or column name as KQL text: as it is when it is a plain identifier that is not a
 * keyword, else bracketed, `["..."]`, with the inside written by the escaper.
 */
export function quoteIdentifier(name: string): string {
  if (typeof name !== "string" || name === "") throw cannot(name, "a KQL name", "a non-empty string");
  return PLAIN_NAME.test(name) && !KEYWORDS.has(name) ? name : `[${quoteKqlString(name)}]`;
}

// ---------------------------------------------------------------------------------------------
// Literal writers: each returns KQL text for one value of one Kusto type.

/** A `string` literal, `"..."`. */
export function stringLiteral(value: string): string {
  if (typeof value !== "string") throw cannot(value, "a KQL string literal", "a string (Kusto strings are never null)");
  return quoteKqlString(value);
}

/** An obfuscated string literal, `h"..."`: Kusto hides its value in logs and traces. For secrets. */
export function obfuscatedStringLiteral(value: string): string {
  if (typeof value !== "string") throw cannot(value, "a KQL obfuscated string literal", "a string");
  return `h${quoteKqlString(value)}`;
}

/** A `bool` literal: `true`, `false`, or `bool(null)`. */
export function boolLiteral(value: boolean | null): string {
  if (value === null) return "bool(null)";
  if (typeof value !== "boolean") throw cannot(value, "a KQL bool literal", "true, false or null");
  return value ? "true" : "false";
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;

/** An `int` literal, `int(5)`: a 32-bit integer, or null. */
export function intLiteral(value: number | null): string {
  if (value === null) return "int(null)";
  if (typeof value !== "number" || !Number.isInteger(value) || value < INT_MIN || value > INT_MAX) {
    throw cannot(value, "a KQL int literal", `an integer from ${INT_MIN} to ${INT_MAX}, or null`);
  }
  return `int(${value === 0 ? 0 : value})`;
}

function toLong(value: unknown, what: string): bigint {
  let n: bigint | undefined;
  // A number past 2^53 is written with its exact value (which may not be the digits it was parsed from).
  if (typeof value === "number" && Number.isInteger(value)) n = BigInt(value);
  else if (typeof value === "bigint") n = value;
  if (n === undefined || n < LONG_MIN || n > LONG_MAX) {
    throw cannot(value, what, "an integer (number or bigint) from -9223372036854775808 to 9223372036854775807");
  }
  return n;
}

/**
 * A `long` literal: `42` (a plain integer is a long in KQL), `long(-42)` for negative values (one
 * token, whatever surrounds it), or `long(null)`. Numbers and bigints are written exactly;
 * non-integers and values out of the 64-bit range throw.
 */
export function longLiteral(value: number | bigint | null): string {
  if (value === null) return "long(null)";
  const n = toLong(value, "a KQL long literal");
  return n < 0n ? `long(${n})` : `${n}`;
}

const REAL_WORDS: Readonly<Record<string, string>> = {
  NaN: "real(nan)",
  Infinity: "real(+inf)",
  "-Infinity": "real(-inf)",
};

/**
 * A `real` literal: `1.5`, `5.0`, `1e+21`, `real(-1.5)` for negative values, `real(nan)`,
 * `real(+inf)`, `real(-inf)` (also from the strings "NaN", "Infinity", "-Infinity" Kusto sends
 * in JSON), or `real(null)`. Written with the shortest digits that read back as the same double.
 */
export function realLiteral(value: number | "NaN" | "Infinity" | "-Infinity" | null): string {
  if (value === null) return "real(null)";
  if (typeof value === "string" && Object.prototype.hasOwnProperty.call(REAL_WORDS, value)) return REAL_WORDS[value]!;
  if (typeof value !== "number")
    throw cannot(value, "a KQL real literal", 'a number, "NaN", "Infinity", "-Infinity" or null');
  if (Number.isNaN(value)) return "real(nan)";
  if (value === Infinity) return "real(+inf)";
  if (value === -Infinity) return "real(-inf)";
  let text = Object.is(value, -0) ? "-0" : String(value);
  if (!/[.e]/.test(text)) text += ".0";
  return value < 0 || Object.is(value, -0) ? `real(${text})` : text;
}

const DECIMAL_TEXT = /^-?(\d+)(?:\.(\d+))?$/;

/** A number's exact shortest decimal digits without an exponent (`1e+21` → `1000000000000000000000`). */
/** @internal */
export function plainDigits(value: number): string {
  const text = String(value);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, first, rest = "", exp] = m;
  const digits = first! + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A `decimal` literal, `decimal(12.345)`, or `decimal(null)`: from a decimal string (`-?d+(.d+)?`,
 * as Kusto sends decimals in JSON), a finite number or a bigint. At most 38 significant digits.
 */
export function decimalLiteral(value: string | number | bigint | null): string {
  if (value === null) return "decimal(null)";
  let text: string | undefined;
  if (typeof value === "string") text = value;
  else if (typeof value === "number" && Number.isFinite(value)) text = plainDigits(value);
  else if (typeof value === "bigint") text = value.toString();
  const m = text === undefined ? null : DECIMAL_TEXT.exec(text);
  const significant = m ? m[1]!.replace(/^0+/, "").length + (m[2]?.length ?? 0) : 0;
  if (!m || significant > 38) {
    throw cannot(
      value,
      "a KQL decimal literal",
      "a decimal string such as -12.345 (at most 38 digits), a finite number, a bigint, or null",
    );
  }
  return `decimal(${text})`;
}

const DATETIME_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d{1,7})?Z)?$/;

function validDatetimeText(text: string): boolean {
  const m = DATETIME_TEXT.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (year < 1 || days === undefined || day < 1 || day > days) return false;
  return m[4] === undefined || (Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 59);
}

/**
 * A `datetime` literal, `datetime(2024-05-01T12:00:00.1234567Z)`, or `datetime(null)`: from a
 * valid Date, or a UTC string `YYYY-MM-DDTHH:MM:SS[.fffffff]Z` (as Kusto sends datetimes in JSON)
 * or `YYYY-MM-DD`, years 0001 to 9999. Strings with a time-zone offset throw: use a Date.
 */
export function datetimeLiteral(value: Date | string | null): string {
  if (value === null) return "datetime(null)";
  let text: string | undefined;
  if (value instanceof Date) text = isNaN(value.getTime()) ? undefined : value.toISOString();
  else if (typeof value === "string") text = value;
  if (text === undefined || !validDatetimeText(text)) {
    throw cannot(
      value,
      "a KQL datetime literal",
      "a valid Date, or a UTC date-time such as 2024-05-01T12:00:00.1234567Z or a date such as 2024-05-01 (years 0001-9999), or null",
    );
  }
  return `datetime(${text})`;
}

const TICKS_PER_MS = 10_000n;
const UNIT_TICKS: Readonly<Record<string, bigint>> = {
  d: 864_000_000_000n,
  h: 36_000_000_000n,
  m: 600_000_000n,
  s: 10_000_000n,
  ms: 10_000n,
  microsecond: 10n,
  tick: 1n,
};
const TIMESPAN_CLOCK = /^(-?)(?:(\d{1,8})\.)?(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/;
const TIMESPAN_UNIT = /^(-?)(\d+)(?:\.(\d+))?(d|h|m|s|ms|microsecond|tick)$/;

/** The timespan a value stands for, in 100-ns ticks; undefined when it is not a timespan. */
function timespanTicks(value: unknown): bigint | undefined {
  let ticks: bigint | undefined;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return undefined;
    const rounded = Math.round(value * 10_000); // milliseconds, to the nearest 100 ns
    if (!Number.isFinite(rounded) || Math.abs(rounded) > 9.3e18) return undefined;
    ticks = BigInt(rounded);
  } else if (typeof value === "string") {
    let m = TIMESPAN_CLOCK.exec(value);
    if (m) {
      const [, sign, days = "0", hh, mm, ss, fraction = ""] = m;
      if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return undefined;
      ticks =
        BigInt(days) * UNIT_TICKS.d! +
        BigInt(hh!) * UNIT_TICKS.h! +
        BigInt(mm!) * UNIT_TICKS.m! +
        BigInt(ss!) * UNIT_TICKS.s! +
        BigInt(fraction.padEnd(7, "0"));
      if (sign) ticks = -ticks;
    } else if ((m = TIMESPAN_UNIT.exec(value))) {
      const [, sign, whole, fraction = "", unit] = m;
      const scaled = BigInt(whole! + fraction) * UNIT_TICKS[unit!]!;
      const divisor = 10n ** BigInt(fraction.length);
      if (scaled % divisor !== 0n) return undefined; // finer than 100 ns
      ticks = sign ? -(scaled / divisor) : scaled / divisor;
    }
  }
  if (ticks === undefined || ticks < LONG_MIN || ticks > LONG_MAX) return undefined;
  return ticks;
}

function two(n: bigint): string {
  return n.toString().padStart(2, "0");
}

/** Unit literals (`1h`) are read through a double: exact up to 2^53 ticks (28 years). */
const EXACT_UNIT_TICKS = 2n ** 53n;

/**
 * Ticks as KQL: whole days, hours, minutes or seconds as `7d`, `1h`, `30m`, `15s`; whole
 * milliseconds under a second as `250ms`; anything else (negative values, and values past
 * 2^53 ticks, included) as `time([-][d.]hh:mm:ss[.fffffff])`, which Kusto reads exactly.
 */
function ticksText(ticks: bigint): string {
  if (ticks === 0n) return "0s";
  if (ticks > 0n && ticks <= EXACT_UNIT_TICKS) {
    for (const unit of ["d", "h", "m", "s"]) {
      const size = UNIT_TICKS[unit]!;
      if (ticks % size === 0n) return `${ticks / size}${unit}`;
    }
    if (ticks % TICKS_PER_MS === 0n && ticks < UNIT_TICKS.s!) return `${ticks / TICKS_PER_MS}ms`;
  }
  let t = ticks < 0n ? -ticks : ticks;
  const fraction = t % 10_000_000n;
  t /= 10_000_000n;
  const [ss, mm, hh, days] = [t % 60n, (t / 60n) % 60n, (t / 3600n) % 24n, t / 86400n];
  return (
    `time(${ticks < 0n ? "-" : ""}${days > 0n ? `${days}.` : ""}${two(hh)}:${two(mm)}:${two(ss)}` +
    `${fraction > 0n ? `.${fraction.toString().padStart(7, "0")}` : ""})`
  );
}

/**
 * A `timespan` literal: `1h`, `7d`, `250ms`, `time(1.02:03:04.5670000)`, `time(-00:05:00)`, or `time(null)`; from a
 * number of milliseconds (rounded to 100 ns), a Kusto timespan string `[-][d.]hh:mm:ss[.fffffff]`
 * (as Kusto sends timespans in JSON), or `<amount><unit>` with unit d, h, m, s, ms, microsecond or
 * tick (`"1.5h"`).
 */
export function timespanLiteral(value: string | number | null): string {
  if (value === null) return "time(null)";
  const ticks = timespanTicks(value);
  if (ticks === undefined) {
    throw cannot(
      value,
      "a KQL timespan literal",
      'milliseconds (a finite number), a timespan such as "1.02:03:04.5670000" or "-00:05:00", or an amount with a unit such as "1.5h", "7d", "30m", "250ms" (d, h, m, s, ms, microsecond, tick; 100 ns at the finest), or null',
    );
  }
  return ticksText(ticks);
}

/** A `guid` literal, `guid(0f8fad5b-d9cb-469f-a165-70867728950e)` (lower-cased), or `guid(null)`. */
export function guidLiteral(value: string | null): string {
  if (value === null) return "guid(null)";
  if (typeof value !== "string" || !isKustoGuid(value)) {
    throw cannot(
      value,
      "a KQL guid literal",
      "a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e (no braces), or null",
    );
  }
  return `guid(${value.toLowerCase()})`;
}

/** @internal */
export const TWO_63 = 9223372036854775808;

/** A JSON-like value inside a dynamic literal; undefined when JSON would leave it out. */
function dynamicText(value: unknown, key: string, path: string, parents: object[]): string | undefined {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  switch (typeof value) {
    case "string":
      return quoteKqlString(value);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value))
        throw cannot(value, `a value in a KQL dynamic literal (at ${path || "the top"})`, "a finite number");
      // Integers within 64 bits are written as long digits; others as a real (with '.' or an exponent).
      if (Number.isInteger(value) && value > -TWO_63 && value < TWO_63) return BigInt(value).toString();
      return Number.isInteger(value) ? value.toExponential() : String(value);
    case "bigint":
      return toLong(value, `a value in a KQL dynamic literal (at ${path || "the top"})`).toString();
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (value === null) return "null";
  const object = value as object;
  if (parents.includes(object))
    throw cannot(value, "a KQL dynamic literal", `a value without cycles (at ${path || "the top"})`);
  parents.push(object);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${object.map((item, i) => dynamicText(item, String(i), `${path}[${i}]`, parents) ?? "null").join(", ")}]`;
  } else {
    const members: string[] = [];
    for (const key of Object.keys(object)) {
      const member = dynamicText((object as Record<string, unknown>)[key], key, `${path}.${key}`, parents);
      if (member !== undefined) members.push(`${quoteKqlString(key)}: ${member}`);
    }
    text = `{${members.join(", ")}}`;
  }
  parents.pop();
  return text;
}

/**
 * A `dynamic` literal, `dynamic({"a": [1, 2.5, "x", true, null]})`: any value JSON can represent,
 * read as JSON.stringify reads it (toJSON, undefined members left out). Every string, keys
 * included, is written by the escaper. Integers within 64 bits become longs, other numbers reals;
 * NaN, Infinity and cycles throw.
 */
export function dynamicLiteral(value: unknown): string {
  const text = dynamicText(value, "", "", []);
  if (text === undefined)
    throw cannot(
      value,
      "a KQL dynamic literal",
      "a JSON value (null, boolean, number, bigint, string, array or object)",
    );
  return `dynamic(${text})`;
}

/** The literal writer of each Kusto type. */
export const literalWriters: {
  readonly string: typeof stringLiteral;
  readonly bool: typeof boolLiteral;
  readonly int: typeof intLiteral;
  readonly long: typeof longLiteral;
  readonly real: typeof realLiteral;
  readonly decimal: typeof decimalLiteral;
  readonly datetime: typeof datetimeLiteral;
  readonly timespan: typeof timespanLiteral;
  readonly guid: typeof guidLiteral;
  readonly dynamic: typeof dynamicLiteral;
} = {
  string: stringLiteral,
  bool: boolLiteral,
  int: intLiteral,
  long: longLiteral,
  real: realLiteral,
  decimal: decimalLiteral,
  datetime: datetimeLiteral,
  timespan: timespanLiteral,
  guid: guidLiteral,
  dynamic: dynamicLiteral,
} as const satisfies Record<KustoType, (value: never) => string>;

// ---------------------------------------------------------------------------------------------
// KQL text that is safe to splice: made by this module only.

/** @internal The token only kqlgen's runtime modules hold: KQL text is made by them alone. */
export const TRUSTED: unique symbol = Symbol("kqlgen trusted KQL");

/** KQL text built by this module (literals, names, expressions, queries, `kql` templates). */
export class KqlText {
  readonly #text: string;
  /** @internal Use `kql`, the builder, or `trustedKql` to make KQL text. */
  constructor(text: string, token: typeof TRUSTED) {
    if (token !== TRUSTED) throw new TypeError("KqlText is made by kql`...`, the query builder or trustedKql(text)");
    this.#text = text;
  }
  /** The KQL text. */
  get kql(): string {
    return this.#text;
  }
  toString(): string {
    return this.#text;
  }
  toJSON(): string {
    return this.#text;
  }
}

/**
 * Query text you trust as it is, such as a saved query read from your own repository. Never pass
 * text that contains user input: use the `kql` template or the builder for that.
 */
export function trustedKql(text: string): KqlText {
  if (typeof text !== "string") throw new TypeError(`trustedKql expects a string, got ${describe(text)}`);
  return new KqlText(text, TRUSTED);
}

/** An identifier as KQL text, for the `kql` template: kql`T | project ${ident(name)}`. */
export function ident(name: string): KqlText {
  return new KqlText(quoteIdentifier(name), TRUSTED);
}

/** A value in a `kql` template: KQL text as it is, anything else as a literal. */
function interpolate(value: unknown, index: number): string {
  if (value instanceof KqlText) return value.kql;
  switch (typeof value) {
    case "string":
      return quoteKqlString(value);
    case "boolean":
      return boolLiteral(value);
    case "bigint":
      return longLiteral(value);
    case "number":
      return Number.isInteger(value) && Math.abs(value) < TWO_63 ? longLiteral(value) : realLiteral(value);
  }
  if (value instanceof Date) return datetimeLiteral(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "(dynamic([]))";
    return `(${value
      .map((item) => {
        if (Array.isArray(item) || item instanceof KqlText)
          throw new KqlValueError(`kql template value ${index}: a list holds scalar values only`);
        return interpolate(item, index);
      })
      .join(", ")})`;
  }
  throw new KqlValueError(
    `kql template value ${index} is ${describe(value)}: interpolate a string, number, bigint, boolean, Date, an array of those ` +
      "(written as a list, for in/has_any), or KQL text (lit.*(), ident(), a builder query, another kql`...`)",
  );
}

/**
 * Tagged template for hand-written KQL. The template's own text is KQL; every interpolated value
 * becomes a literal: strings → string literals, integers and bigints → long, other numbers →
 * real, booleans → bool, Dates → datetime, arrays → a parenthesized list `("a", "b")` (for `in`,
 * `has_any`). KQL text (names from `ident`, typed literals from `lit`, builder queries, other
 * templates) is spliced as it is. Anything else throws.
 *
 * ```ts
 * kql`DeviceProcessEvents | where FileName =~ ${name} and Timestamp > ${since} | take ${n}`
 * ```
 */
export function kql(strings: TemplateStringsArray, ...values: unknown[]): KqlText {
  // The KQL parts must come from a template literal in the source (a frozen array with `raw`), never
  // from data: kql([userInput] as never) would otherwise splice the input as KQL.
  if (
    !Array.isArray(strings) ||
    !Array.isArray(strings.raw) ||
    !Object.isFrozen(strings) ||
    strings.length !== values.length + 1
  ) {
    throw new TypeError("kql is a template literal tag: write kql`...`, not kql(...)");
  }
  let text = strings[0]!;
  values.forEach((value, i) => {
    text += interpolate(value, i) + strings[i + 1]!;
  });
  return new KqlText(text, TRUSTED);
}
