// Runtime of a kqlgen-generated package: safe, typed KQL.
//
// - One escaper, `quoteKqlString`: every string literal, every bracketed identifier, every string
//   inside a dynamic literal and every obfuscated (h"...") literal is written by it.
// - Literal writers for the ten Kusto types, the `kql` tagged template, a typed fluent query builder
//   (the row type follows the query), and `runQuery` over a LogsQueryClient of
//   @azure/monitor-query-logs. The SDK is typed structurally here: it is an optional peer, never imported.
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

function describe(value: unknown): string {
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

function cannot(value: unknown, what: string, expected: string): KqlValueError {
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
function plainDigits(value: number): string {
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

const TWO_63 = 9223372036854775808;

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
export const literalWriters = {
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

const TRUSTED: unique symbol = Symbol("kqlgen trusted KQL");

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

// ---------------------------------------------------------------------------------------------
// Types: Kusto types and their TypeScript values

/** The JSON value (not null) of each Kusto type, as rows carry it. */
export interface KustoValues {
  string: string;
  bool: boolean;
  int: number;
  long: number;
  real: number | "NaN" | "Infinity" | "-Infinity";
  decimal: string;
  datetime: string;
  timespan: string;
  guid: string;
  dynamic: unknown;
}

/** What a literal writer accepts for each Kusto type. */
export interface KustoInputs {
  string: string;
  bool: boolean;
  int: number;
  long: number | bigint;
  real: number | "NaN" | "Infinity" | "-Infinity";
  decimal: string | number | bigint;
  datetime: Date | string;
  timespan: string | number;
  guid: string;
  dynamic: unknown;
}

/** A computed column's row value: null is possible for every type but string. */
export type Computed<K extends KustoType> = K extends "string"
  ? string
  : K extends "dynamic"
    ? unknown
    : KustoValues[K] | null;

export type NumericType = "int" | "long" | "real" | "decimal";
export type OrderedType = NumericType | "datetime" | "timespan";
/** Types `min`/`max` accept. */
export type OrderableType = OrderedType | "string" | "bool";
/** Types compared with K: numbers with numbers, else the same type. */
export type ComparableType<K extends KustoType> = K extends NumericType ? NumericType : K;

declare const ROW: unique symbol;
declare const FIELDS: unique symbol;

/** A typed KQL expression: its Kusto type K and the TypeScript type T of its value in a row. */
export interface Expr<K extends KustoType = KustoType, T = unknown> extends KqlText {
  readonly kusto: K;
  /** @internal Type only: the row value's TypeScript type. */
  readonly [ROW]: T;
}

/** Any expression of one of the types K. */
export type AnyExpr<K extends KustoType = KustoType> = Expr<K, any>;
/** A boolean expression (a predicate). */
export type Predicate = AnyExpr<"bool">;

/** The right-hand side of a comparison with a K expression: a value or an expression. */
export type Operand<K extends KustoType> = KustoInputs[K] | AnyExpr<ComparableType<K>>;
/** A value or expression of exactly the type K (null: K's typed null, but for string). */
export type SameType<K extends KustoType> = KustoInputs[K] | AnyExpr<K> | (K extends "string" ? never : null);

/** Members every expression has. */
export interface ScalarExpr<K extends KustoType, T> extends Expr<K, T> {
  /** `x == v`; `isnull(x)` when v is null. */
  eq(value: Operand<K> | null): BoolExpr;
  /** `x != v`; `isnotnull(x)` when v is null. */
  ne(value: Operand<K> | null): BoolExpr;
  /** `x in (a, b, ...)`. */
  in(values: readonly Operand<K>[]): BoolExpr;
  /** `x !in (a, b, ...)`. */
  notIn(values: readonly Operand<K>[]): BoolExpr;
  isNull(): BoolExpr<boolean>;
  isNotNull(): BoolExpr<boolean>;
}

/** Numbers, datetimes and timespans: ordered comparisons and `between`. */
export interface OrderedExpr<K extends KustoType, T> extends ScalarExpr<K, T> {
  gt(value: Operand<K>): BoolExpr;
  ge(value: Operand<K>): BoolExpr;
  lt(value: Operand<K>): BoolExpr;
  le(value: Operand<K>): BoolExpr;
  /** `x between (low .. high)`, both ends included. */
  between(low: Operand<K>, high: Operand<K>): BoolExpr;
  notBetween(low: Operand<K>, high: Operand<K>): BoolExpr;
}

/** A string value or string expression (the right-hand side of string operators). */
export type TextOperand = string | AnyExpr<"string">;

export interface StringExpr<T = string> extends ScalarExpr<"string", T> {
  /** `=~`: equal, ignoring case. */
  eqCi(value: TextOperand): BoolExpr;
  /** `!~` */
  neCi(value: TextOperand): BoolExpr;
  /** `in~` */
  inCi(values: readonly TextOperand[]): BoolExpr;
  /** `!in~` */
  notInCi(values: readonly TextOperand[]): BoolExpr;
  has(term: TextOperand): BoolExpr;
  notHas(term: TextOperand): BoolExpr;
  hasCs(term: TextOperand): BoolExpr;
  notHasCs(term: TextOperand): BoolExpr;
  hasPrefix(term: TextOperand): BoolExpr;
  hasSuffix(term: TextOperand): BoolExpr;
  hasAny(terms: readonly TextOperand[]): BoolExpr;
  hasAll(terms: readonly TextOperand[]): BoolExpr;
  contains(text: TextOperand): BoolExpr;
  notContains(text: TextOperand): BoolExpr;
  containsCs(text: TextOperand): BoolExpr;
  notContainsCs(text: TextOperand): BoolExpr;
  startsWith(text: TextOperand): BoolExpr;
  notStartsWith(text: TextOperand): BoolExpr;
  startsWithCs(text: TextOperand): BoolExpr;
  endsWith(text: TextOperand): BoolExpr;
  notEndsWith(text: TextOperand): BoolExpr;
  endsWithCs(text: TextOperand): BoolExpr;
  /** `matches regex "..."` (the pattern is a string literal). */
  matchesRegex(pattern: string): BoolExpr;
  isEmpty(): BoolExpr<boolean>;
  isNotEmpty(): BoolExpr<boolean>;
}

export interface BoolExpr<T = boolean | null> extends ScalarExpr<"bool", T> {
  and(...others: Predicate[]): BoolExpr;
  or(...others: Predicate[]): BoolExpr;
  not(): BoolExpr;
}

export interface DynamicExpr<T = unknown> extends Expr<"dynamic", T> {
  /** `x["key"]` or `x[0]`: a member or element, dynamic. */
  get(key: string | number): DynamicExpr;
  has(term: TextOperand): BoolExpr;
  notHas(term: TextOperand): BoolExpr;
  contains(text: TextOperand): BoolExpr;
  notContains(text: TextOperand): BoolExpr;
  hasAny(terms: readonly TextOperand[]): BoolExpr;
  hasAll(terms: readonly TextOperand[]): BoolExpr;
  isNull(): BoolExpr<boolean>;
  isNotNull(): BoolExpr<boolean>;
  isEmpty(): BoolExpr<boolean>;
  isNotEmpty(): BoolExpr<boolean>;
}

/** The expression interface of a Kusto type. */
export type ExprOf<K extends KustoType, T> = K extends "string"
  ? StringExpr<T>
  : K extends "bool"
    ? BoolExpr<T>
    : K extends "dynamic"
      ? DynamicExpr<T>
      : K extends OrderedType
        ? OrderedExpr<K, T>
        : ScalarExpr<K, T>;

/** An aggregation, for `summarize` only: Kusto type K, row value T. */
export interface Agg<K extends KustoType = KustoType, T = unknown> extends KqlText {
  readonly aggregate: K;
  /** @internal Type only. */
  readonly [ROW]: T;
}
export type AnyAgg = Agg<KustoType, any>;

/** A column of a query's result: Kusto type and row value type (type level only). */
export interface Field<K extends KustoType = KustoType, T = unknown> {
  readonly kusto: K;
  readonly ts: T;
}
export type Fields = { readonly [name: string]: Field };

type Simplify<T> = { [P in keyof T]: T[P] } & {};

/** The row type of a query's result. */
export type Row<F extends Fields> = Simplify<{ -readonly [N in keyof F]: F[N]["ts"] }>;
/** The row type of a query: `RowOf<typeof q>`. */
export type RowOf<Q> = Q extends Query<infer F> ? Row<F> : Record<string, unknown>;
/** Column name → Kusto type of a query's result: `KustoTypesOf<typeof q>`. */
export type KustoTypesOf<Q> = Q extends Query<infer F> ? Simplify<{ -readonly [N in keyof F]: F[N]["kusto"] }> : never;

/** Typed references to a query's columns, by name. */
export type Columns<F extends Fields> = { readonly [N in keyof F]: ExprOf<F[N]["kusto"], F[N]["ts"]> };
export type ColumnName<F extends Fields> = keyof F & string;
/** Columns Kusto can sort, group and distinct by: all but dynamic ones. */
export type SortableName<F extends Fields> = { [N in keyof F]: F[N]["kusto"] extends "dynamic" ? never : N }[keyof F] &
  string;
/** An expression Kusto can group by: any type but dynamic. */
export type Groupable = AnyExpr<Exclude<KustoType, "dynamic">>;

type FieldsOf<R> = Simplify<{
  [N in keyof R]: R[N] extends Expr<infer K extends KustoType, infer T> ? Field<K, T> : never;
}>;
type AggFields<A> = { [N in keyof A]: A[N] extends Agg<infer K extends KustoType, infer T> ? Field<K, T> : never };
type Merge<A, B> = Simplify<Omit<A, keyof B> & B>;

/** How a long column's values are represented in rows (kqlgen.config.json `mapping.long`). */
export type LongMode = "number" | "string" | "bigint";

/** A column of a query's result at run time. */
export interface ResultColumn {
  readonly name: string;
  readonly type: KustoType;
  /** For long columns of a table read as strings or bigints. */
  readonly long?: LongMode;
}

// ---------------------------------------------------------------------------------------------
// Expressions (one class behind the typed interfaces)

/** Binding strength of an expression's outermost operator: operands that bind less are parenthesized. */
const Prec = { Or: 1, And: 2, Compare: 3, Atom: 9 } as const;

type Kind = KustoType;
const NUMERIC: ReadonlySet<Kind> = new Set(["int", "long", "real", "decimal"]);
const ORDERED: ReadonlySet<Kind> = new Set([...NUMERIC, "datetime", "timespan"]);

class ExprNode extends KqlText {
  constructor(
    readonly kusto: Kind,
    text: string,
    readonly prec: number,
  ) {
    super(text, TRUSTED);
  }

  /** This expression as an operand that must bind at least as strongly as `prec`. */
  operand(prec: number): string {
    return this.prec >= prec ? this.kql : `(${this.kql})`;
  }

  private need(what: string, kinds: ReadonlySet<Kind> | readonly Kind[]): void {
    const ok = Array.isArray(kinds) ? kinds.includes(this.kusto) : (kinds as ReadonlySet<Kind>).has(this.kusto);
    if (!ok) throw new KqlBuildError(`${what} does not apply to ${this.kql}, of type ${this.kusto}`);
  }

  private compare(op: string, value: unknown): ExprNode {
    if (this.kusto === "dynamic")
      throw new KqlBuildError(
        `${op} does not apply to ${this.kql}, of type dynamic: convert it first (e.g. fn.tostring)`,
      );
    return bool(
      `${this.operand(Prec.Compare + 1)} ${op} ${operand(this.kusto, value, Prec.Compare + 1)}`,
      Prec.Compare,
    );
  }
  private ordered(op: string, value: unknown): ExprNode {
    this.need(`'${op}'`, ORDERED);
    return this.compare(op, value);
  }
  private textOp(op: string, value: unknown, kinds: readonly Kind[] = ["string"]): ExprNode {
    this.need(`'${op}'`, kinds);
    return bool(`${this.operand(Prec.Compare + 1)} ${op} ${operand("string", value, Prec.Compare + 1)}`, Prec.Compare);
  }
  private list(op: string, kind: Kind, values: unknown): ExprNode {
    if (!Array.isArray(values)) throw new KqlBuildError(`'${op}' takes an array of values, got ${describe(values)}`);
    const items = values.length === 0 ? ["dynamic([])"] : values.map((v) => operand(kind, v, 0));
    return bool(`${this.operand(Prec.Compare + 1)} ${op} (${items.join(", ")})`, Prec.Compare);
  }

  eq(value: unknown) {
    return value === null ? this.isNull() : this.compare("==", value);
  }
  ne(value: unknown) {
    return value === null ? this.isNotNull() : this.compare("!=", value);
  }
  in(values: unknown) {
    if (this.kusto === "dynamic") this.need("'in'", []);
    return this.list("in", this.kusto, values);
  }
  notIn(values: unknown) {
    if (this.kusto === "dynamic") this.need("'!in'", []);
    return this.list("!in", this.kusto, values);
  }
  isNull() {
    return call("bool", "isnull", [this.kql]);
  }
  isNotNull() {
    return call("bool", "isnotnull", [this.kql]);
  }
  isEmpty() {
    return call("bool", "isempty", [this.kql]);
  }
  isNotEmpty() {
    return call("bool", "isnotempty", [this.kql]);
  }
  gt(value: unknown) {
    return this.ordered(">", value);
  }
  ge(value: unknown) {
    return this.ordered(">=", value);
  }
  lt(value: unknown) {
    return this.ordered("<", value);
  }
  le(value: unknown) {
    return this.ordered("<=", value);
  }
  between(low: unknown, high: unknown) {
    this.need("'between'", ORDERED);
    return bool(
      `${this.operand(Prec.Compare + 1)} between (${operand(this.kusto, low, 0)} .. ${operand(this.kusto, high, 0)})`,
      Prec.Compare,
    );
  }
  notBetween(low: unknown, high: unknown) {
    this.need("'!between'", ORDERED);
    return bool(
      `${this.operand(Prec.Compare + 1)} !between (${operand(this.kusto, low, 0)} .. ${operand(this.kusto, high, 0)})`,
      Prec.Compare,
    );
  }
  eqCi(value: unknown) {
    return this.textOp("=~", value);
  }
  neCi(value: unknown) {
    return this.textOp("!~", value);
  }
  inCi(values: unknown) {
    this.need("'in~'", ["string"]);
    return this.list("in~", "string", values);
  }
  notInCi(values: unknown) {
    this.need("'!in~'", ["string"]);
    return this.list("!in~", "string", values);
  }
  has(term: unknown) {
    return this.textOp("has", term, ["string", "dynamic"]);
  }
  notHas(term: unknown) {
    return this.textOp("!has", term, ["string", "dynamic"]);
  }
  hasCs(term: unknown) {
    return this.textOp("has_cs", term);
  }
  notHasCs(term: unknown) {
    return this.textOp("!has_cs", term);
  }
  hasPrefix(term: unknown) {
    return this.textOp("hasprefix", term);
  }
  hasSuffix(term: unknown) {
    return this.textOp("hassuffix", term);
  }
  hasAny(terms: unknown) {
    this.need("'has_any'", ["string", "dynamic"]);
    return this.list("has_any", "string", terms);
  }
  hasAll(terms: unknown) {
    this.need("'has_all'", ["string", "dynamic"]);
    return this.list("has_all", "string", terms);
  }
  contains(text: unknown) {
    return this.textOp("contains", text, ["string", "dynamic"]);
  }
  notContains(text: unknown) {
    return this.textOp("!contains", text, ["string", "dynamic"]);
  }
  containsCs(text: unknown) {
    return this.textOp("contains_cs", text);
  }
  notContainsCs(text: unknown) {
    return this.textOp("!contains_cs", text);
  }
  startsWith(text: unknown) {
    return this.textOp("startswith", text);
  }
  notStartsWith(text: unknown) {
    return this.textOp("!startswith", text);
  }
  startsWithCs(text: unknown) {
    return this.textOp("startswith_cs", text);
  }
  endsWith(text: unknown) {
    return this.textOp("endswith", text);
  }
  notEndsWith(text: unknown) {
    return this.textOp("!endswith", text);
  }
  endsWithCs(text: unknown) {
    return this.textOp("endswith_cs", text);
  }
  matchesRegex(pattern: unknown) {
    this.need("'matches regex'", ["string"]);
    return bool(`${this.operand(Prec.Compare + 1)} matches regex ${stringLiteral(pattern as string)}`, Prec.Compare);
  }
  and(...others: unknown[]) {
    return logical("and", Prec.And, [this, ...others]);
  }
  or(...others: unknown[]) {
    return logical("or", Prec.Or, [this, ...others]);
  }
  not() {
    this.need("not()", ["bool"]);
    return call("bool", "not", [this.kql]);
  }
  get(key: unknown) {
    this.need("get()", ["dynamic"]);
    let index: string;
    if (typeof key === "string") index = quoteKqlString(key);
    else if (typeof key === "number" && Number.isSafeInteger(key)) index = String(key);
    else throw new KqlBuildError(`get() takes a member name or an integer index, got ${describe(key)}`);
    return new ExprNode("dynamic", `${this.operand(Prec.Atom)}[${index}]`, Prec.Atom);
  }
}

function bool(text: string, prec: number): ExprNode {
  return new ExprNode("bool", text, prec);
}

function call(kind: Kind, name: string, args: readonly string[]): ExprNode {
  return new ExprNode(kind, `${name}(${args.join(", ")})`, Prec.Atom);
}

function logical(op: "and" | "or", prec: number, items: readonly unknown[]): ExprNode {
  const parts = items.map((p) => {
    if (!(p instanceof ExprNode) || p.kusto !== "bool")
      throw new KqlBuildError(`'${op}' combines bool expressions, got ${describe(p)}`);
    return p.operand(prec);
  });
  return bool(parts.join(` ${op} `), prec);
}

function isExpr(value: unknown): value is ExprNode {
  return value instanceof ExprNode;
}

/** An expression argument of the given types, as text. */
function arg(what: string, value: unknown, kinds?: ReadonlySet<Kind> | readonly Kind[]): ExprNode {
  if (!isExpr(value))
    throw new KqlBuildError(`${what} takes an expression (a column, fn.*, lit.*), got ${describe(value)}`);
  if (kinds) {
    const ok = Array.isArray(kinds) ? kinds.includes(value.kusto) : (kinds as ReadonlySet<Kind>).has(value.kusto);
    if (!ok) throw new KqlBuildError(`${what} does not take ${value.kql}, of type ${value.kusto}`);
  }
  return value;
}

/** A value compared with a `kind` expression, as KQL text: an expression, or a literal of the right type. */
function operand(kind: Kind, value: unknown, prec: number): string {
  if (isExpr(value)) {
    const same = value.kusto === kind || (NUMERIC.has(kind) && NUMERIC.has(value.kusto));
    if (!same) throw new KqlBuildError(`cannot compare a ${kind} with ${value.kql}, of type ${value.kusto}`);
    return value.operand(prec);
  }
  if (value instanceof KqlText)
    throw new KqlBuildError(`cannot use ${value.kql} as a value here: use an expression (column, fn.*, lit.*)`);
  switch (kind) {
    case "int":
    case "long":
    case "real":
      if (typeof value === "bigint") return longLiteral(value);
      if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) < TWO_63) return longLiteral(value);
      if (typeof value === "number" || (typeof value === "string" && kind === "real"))
        return realLiteral(value as number);
      throw cannot(
        value,
        `a value compared with a ${kind}`,
        kind === "real" ? 'a number or "NaN", "Infinity", "-Infinity"' : "a number or bigint",
      );
    default:
      return literalWriters[kind](value as never);
  }
}

/**
 * An argument that must have exactly the given type (Kusto would otherwise promote the result,
 * e.g. coalesce(int, long) is a long): an expression of that type, or a value written by that
 * type's literal writer (null gives the typed null).
 */
function sameType(what: string, kind: Kind, value: unknown): string {
  if (isExpr(value)) {
    if (value.kusto !== kind)
      throw new KqlBuildError(`${what}: ${value.kql}, of type ${value.kusto}, is not a ${kind} like the first value`);
    return value.kql;
  }
  if (value instanceof KqlText)
    throw new KqlBuildError(
      `${what}: cannot use ${value.kql} as a value here: use an expression (column, fn.*, lit.*)`,
    );
  return literalWriters[kind](value as never);
}

// ---------------------------------------------------------------------------------------------
// Literal expressions and functions

type TimespanInput = KustoInputs["timespan"];

/** Typed literal expressions, for `extend`, function arguments and the `kql` template. */
export const lit = {
  string: (value: string): StringExpr<string> => new ExprNode("string", stringLiteral(value), Prec.Atom) as never,
  /** An obfuscated string, `h"..."`: hidden in Kusto's logs. For secrets. */
  secret: (value: string): StringExpr<string> =>
    new ExprNode("string", obfuscatedStringLiteral(value), Prec.Atom) as never,
  bool: <V extends boolean | null>(value: V): BoolExpr<V extends null ? null : boolean> =>
    new ExprNode("bool", boolLiteral(value), Prec.Atom) as never,
  int: <V extends number | null>(value: V): OrderedExpr<"int", V extends null ? null : number> =>
    new ExprNode("int", intLiteral(value), Prec.Atom) as never,
  long: <V extends number | bigint | null>(value: V): OrderedExpr<"long", V extends null ? null : number> =>
    new ExprNode("long", longLiteral(value), Prec.Atom) as never,
  real: <V extends KustoInputs["real"] | null>(
    value: V,
  ): OrderedExpr<"real", V extends null ? null : KustoValues["real"]> =>
    new ExprNode("real", realLiteral(value), Prec.Atom) as never,
  decimal: <V extends KustoInputs["decimal"] | null>(
    value: V,
  ): OrderedExpr<"decimal", V extends null ? null : string> =>
    new ExprNode("decimal", decimalLiteral(value), Prec.Atom) as never,
  datetime: <V extends KustoInputs["datetime"] | null>(
    value: V,
  ): OrderedExpr<"datetime", V extends null ? null : string> =>
    new ExprNode("datetime", datetimeLiteral(value), Prec.Atom) as never,
  timespan: <V extends TimespanInput | null>(value: V): OrderedExpr<"timespan", V extends null ? null : string> =>
    new ExprNode("timespan", timespanLiteral(value), Prec.Atom) as never,
  guid: <V extends string | null>(value: V): ScalarExpr<"guid", V extends null ? null : string> =>
    new ExprNode("guid", guidLiteral(value), Prec.Atom) as never,
  dynamic: (value: unknown): DynamicExpr => new ExprNode("dynamic", dynamicLiteral(value), Prec.Atom) as never,
};

/** `ago(span)`: now minus a timespan. */
export function ago(span: TimespanInput): OrderedExpr<"datetime", string> {
  return call("datetime", "ago", [timespanLiteral(span)]) as never;
}

/** `now()`, or `now(offset)`. */
export function now(offset?: TimespanInput): OrderedExpr<"datetime", string> {
  return call("datetime", "now", offset === undefined ? [] : [timespanLiteral(offset)]) as never;
}

type BinType<K> = K extends "int" | "long" ? "long" : K;
type Convert<K extends KustoType> = (value: AnyExpr) => ExprOf<K, Computed<K>>;
const convert =
  <K extends KustoType>(kind: K, name: string): Convert<K> =>
  (value) =>
    call(kind, name, [arg(`${name}()`, value).kql]) as never;
const onDatetime =
  (name: string) =>
  (value: AnyExpr<"datetime">): OrderedExpr<"datetime", string | null> =>
    call("datetime", name, [arg(`${name}()`, value, ["datetime"]).kql]) as never;
const textValue = (what: string, value: unknown): string =>
  isExpr(value) ? arg(what, value, ["string"]).kql : stringLiteral(value as string);

/** Scalar functions, typed: `fn.bin(c.Timestamp, "1h")`, `fn.tolower(c.FileName)`. */
export const fn = {
  ago,
  now,
  /**
   * `bin(x, size)`: x rounded down to a multiple of size. Integers (int, long) take an integer size and
   * give a long; reals and decimals take a number; datetimes and timespans take a timespan.
   */
  bin<K extends OrderedType, T>(
    value: Expr<K, T>,
    size: K extends "datetime" | "timespan" ? TimespanInput : number,
  ): ExprOf<BinType<K>, Computed<BinType<K>>> {
    const x = arg("bin()", value, ORDERED);
    let sizeText: string;
    let kind: Kind = x.kusto;
    if (x.kusto === "datetime" || x.kusto === "timespan") sizeText = timespanLiteral(size as TimespanInput);
    else if (x.kusto === "decimal") sizeText = decimalLiteral(size as number);
    else if (x.kusto === "real") sizeText = realLiteral(size as number);
    else {
      if (typeof size !== "number" || !Number.isSafeInteger(size))
        throw cannot(size, "the size of bin() on an integer", "an integer");
      sizeText = longLiteral(size);
      kind = "long";
    }
    return call(kind, "bin", [x.kql, sizeText]) as never;
  },
  startofday: onDatetime("startofday"),
  startofweek: onDatetime("startofweek"),
  startofmonth: onDatetime("startofmonth"),
  startofyear: onDatetime("startofyear"),
  endofday: onDatetime("endofday"),
  /** `format_datetime(x, "yyyy-MM-dd HH:mm")`. */
  format_datetime: (value: AnyExpr<"datetime">, format: string): StringExpr =>
    call("string", "format_datetime", [
      arg("format_datetime()", value, ["datetime"]).kql,
      stringLiteral(format),
    ]) as never,
  tolower: (value: TextOperand): StringExpr => call("string", "tolower", [textValue("tolower()", value)]) as never,
  toupper: (value: TextOperand): StringExpr => call("string", "toupper", [textValue("toupper()", value)]) as never,
  strlen: (value: TextOperand): OrderedExpr<"long", number | null> =>
    call("long", "strlen", [textValue("strlen()", value)]) as never,
  /** `substring(text, start[, length])`. */
  substring(value: TextOperand, start: number, length?: number): StringExpr {
    const args = [textValue("substring()", value), longLiteral(start)];
    if (length !== undefined) args.push(longLiteral(length));
    return call("string", "substring", args) as never;
  },
  /** `strcat(...)`: strings are literals, expressions of any type are converted by Kusto. */
  strcat: (...parts: readonly (string | AnyExpr)[]): StringExpr => {
    if (parts.length === 0) throw new KqlBuildError("strcat() takes at least one argument");
    return call(
      "string",
      "strcat",
      parts.map((p) => (isExpr(p) ? p.kql : stringLiteral(p as string))),
    ) as never;
  },
  replace_string: (value: TextOperand, lookup: TextOperand, rewrite: TextOperand): StringExpr =>
    call("string", "replace_string", [
      textValue("replace_string()", value),
      textValue("replace_string()", lookup),
      textValue("replace_string()", rewrite),
    ]) as never,
  /** `extract(regex, group, text)`. */
  extract: (regex: string, group: number, value: TextOperand): StringExpr =>
    call("string", "extract", [stringLiteral(regex), longLiteral(group), textValue("extract()", value)]) as never,
  split: (value: TextOperand, delimiter: string): DynamicExpr<string[] | null> =>
    call("dynamic", "split", [textValue("split()", value), stringLiteral(delimiter)]) as never,
  array_length: (value: AnyExpr<"dynamic">): OrderedExpr<"long", number | null> =>
    call("long", "array_length", [arg("array_length()", value, ["dynamic"]).kql]) as never,
  tostring: convert("string", "tostring"),
  tobool: convert("bool", "tobool"),
  toint: convert("int", "toint"),
  tolong: convert("long", "tolong"),
  toreal: convert("real", "toreal"),
  todecimal: convert("decimal", "todecimal"),
  todatetime: convert("datetime", "todatetime"),
  totimespan: convert("timespan", "totimespan"),
  toguid: convert("guid", "toguid"),
  parse_json: (value: TextOperand): DynamicExpr =>
    call("dynamic", "parse_json", [textValue("parse_json()", value)]) as never,
  /** `iff(condition, then, else)`: then and else of one type (a value is written as a literal of then's type). */
  iff<K extends KustoType>(condition: Predicate, then: AnyExpr<K>, otherwise: SameType<K>): ExprOf<K, Computed<K>> {
    const t = arg("iff()", then);
    return call(t.kusto, "iff", [
      arg("iff()", condition, ["bool"]).kql,
      t.kql,
      sameType("iff()", t.kusto, otherwise),
    ]) as never;
  },
  /** `coalesce(a, b, ...)`: the first value that is not null; all of a's type (values are written as literals of it). */
  coalesce<K extends KustoType>(first: AnyExpr<K>, ...rest: SameType<K>[]): ExprOf<K, Computed<K>> {
    const f = arg("coalesce()", first);
    if (rest.length === 0) throw new KqlBuildError("coalesce() takes at least two arguments");
    return call(f.kusto, "coalesce", [f.kql, ...rest.map((r) => sameType("coalesce()", f.kusto, r))]) as never;
  },
  isnull: (value: AnyExpr): BoolExpr<boolean> => call("bool", "isnull", [arg("isnull()", value).kql]) as never,
  isnotnull: (value: AnyExpr): BoolExpr<boolean> => call("bool", "isnotnull", [arg("isnotnull()", value).kql]) as never,
  isempty: (value: AnyExpr): BoolExpr<boolean> => call("bool", "isempty", [arg("isempty()", value).kql]) as never,
  isnotempty: (value: AnyExpr): BoolExpr<boolean> =>
    call("bool", "isnotempty", [arg("isnotempty()", value).kql]) as never,
  not: (value: Predicate): BoolExpr => call("bool", "not", [arg("not()", value, ["bool"]).kql]) as never,
  and: (...predicates: [Predicate, ...Predicate[]]): BoolExpr => logical("and", Prec.And, predicates) as never,
  or: (...predicates: [Predicate, ...Predicate[]]): BoolExpr => logical("or", Prec.Or, predicates) as never,
};
export type Functions = typeof fn;

// ---------------------------------------------------------------------------------------------
// Aggregations

class AggNode extends KqlText {
  constructor(
    readonly aggregate: Kind,
    text: string,
  ) {
    super(text, TRUSTED);
  }
}

function aggregate(kind: Kind, name: string, args: readonly string[]): AggNode {
  return new AggNode(kind, `${name}(${args.join(", ")})`);
}

type SumType<K> = K extends "int" | "long" ? "long" : K;
type AvgType<K> = K extends "int" | "long" | "real" ? "real" : K;
/** Elements of make_set/make_list as JSON gives them (a long is a number, a datetime a string). */
type Element<K extends KustoType> = KustoValues[K];
const SUMMABLE: readonly Kind[] = ["int", "long", "real", "decimal", "timespan"];
const AVERAGEABLE: readonly Kind[] = [...SUMMABLE, "datetime"];
const ORDERABLE: readonly Kind[] = [...ORDERED, "string", "bool"];
const sumType = (k: Kind): Kind => (k === "int" ? "long" : k);
const avgType = (k: Kind): Kind => (k === "int" || k === "long" ? "real" : k);
const maxSize = (n: number | undefined) => (n === undefined ? [] : [longLiteral(n)]);

/** Aggregation functions, for `summarize`: `agg.count()`, `agg.dcount(c.DeviceId)`. */
export const agg = {
  count: (): Agg<"long", number> => aggregate("long", "count", []) as never,
  countif: (predicate: Predicate): Agg<"long", number> =>
    aggregate("long", "countif", [arg("countif()", predicate, ["bool"]).kql]) as never,
  /** Estimated number of distinct values. */
  dcount: (value: AnyExpr): Agg<"long", number> => aggregate("long", "dcount", [arg("dcount()", value).kql]) as never,
  dcountif: (value: AnyExpr, predicate: Predicate): Agg<"long", number> =>
    aggregate("long", "dcountif", [arg("dcountif()", value).kql, arg("dcountif()", predicate, ["bool"]).kql]) as never,
  sum: <K extends NumericType | "timespan">(value: AnyExpr<K>): Agg<SumType<K>, Computed<SumType<K>>> => {
    const x = arg("sum()", value, SUMMABLE);
    return aggregate(sumType(x.kusto), "sum", [x.kql]) as never;
  },
  sumif: <K extends NumericType | "timespan">(
    value: AnyExpr<K>,
    predicate: Predicate,
  ): Agg<SumType<K>, Computed<SumType<K>>> => {
    const x = arg("sumif()", value, SUMMABLE);
    return aggregate(sumType(x.kusto), "sumif", [x.kql, arg("sumif()", predicate, ["bool"]).kql]) as never;
  },
  avg: <K extends NumericType | "timespan" | "datetime">(value: AnyExpr<K>): Agg<AvgType<K>, Computed<AvgType<K>>> => {
    const x = arg("avg()", value, AVERAGEABLE);
    return aggregate(avgType(x.kusto), "avg", [x.kql]) as never;
  },
  avgif: <K extends NumericType | "timespan" | "datetime">(
    value: AnyExpr<K>,
    predicate: Predicate,
  ): Agg<AvgType<K>, Computed<AvgType<K>>> => {
    const x = arg("avgif()", value, AVERAGEABLE);
    return aggregate(avgType(x.kusto), "avgif", [x.kql, arg("avgif()", predicate, ["bool"]).kql]) as never;
  },
  min: <K extends OrderableType>(value: AnyExpr<K>): Agg<K, Computed<K>> => {
    const x = arg("min()", value, ORDERABLE);
    return aggregate(x.kusto, "min", [x.kql]) as never;
  },
  max: <K extends OrderableType>(value: AnyExpr<K>): Agg<K, Computed<K>> => {
    const x = arg("max()", value, ORDERABLE);
    return aggregate(x.kusto, "max", [x.kql]) as never;
  },
  /** Standard deviation (real). */
  stdev: (value: AnyExpr<NumericType>): Agg<"real", KustoValues["real"] | null> =>
    aggregate("real", "stdev", [arg("stdev()", value, NUMERIC).kql]) as never,
  variance: (value: AnyExpr<NumericType>): Agg<"real", KustoValues["real"] | null> =>
    aggregate("real", "variance", [arg("variance()", value, NUMERIC).kql]) as never,
  /** Any one value of the group. */
  take_any: <K extends KustoType, T>(value: Expr<K, T>): Agg<K, T> => {
    const x = arg("take_any()", value);
    return aggregate(x.kusto, "take_any", [x.kql]) as never;
  },
  /** The distinct values (nulls left out), as a dynamic array; at most maxSize of them. */
  make_set: <K extends KustoType>(value: AnyExpr<K>, maxSize_?: number): Agg<"dynamic", Element<K>[]> =>
    aggregate("dynamic", "make_set", [arg("make_set()", value).kql, ...maxSize(maxSize_)]) as never,
  /** Every value (nulls left out), as a dynamic array; at most maxSize of them. */
  make_list: <K extends KustoType>(value: AnyExpr<K>, maxSize_?: number): Agg<"dynamic", Element<K>[]> =>
    aggregate("dynamic", "make_list", [arg("make_list()", value).kql, ...maxSize(maxSize_)]) as never,
};
export type Aggregations = typeof agg;

// ---------------------------------------------------------------------------------------------
// The query builder

/** Operators of `where(column, op, value)` by column type. */
type EqualityOp = "==" | "!=" | "in" | "!in";
type OrderedOp = "<" | "<=" | ">" | ">=" | "between" | "!between";
type StringOp =
  | "=~"
  | "!~"
  | "in~"
  | "!in~"
  | "has"
  | "!has"
  | "has_cs"
  | "!has_cs"
  | "hasprefix"
  | "hassuffix"
  | "has_any"
  | "has_all"
  | "contains"
  | "!contains"
  | "contains_cs"
  | "!contains_cs"
  | "startswith"
  | "!startswith"
  | "startswith_cs"
  | "endswith"
  | "!endswith"
  | "endswith_cs"
  | "matches regex";
type DynamicOp = "has" | "!has" | "contains" | "!contains" | "has_any" | "has_all";
export type OperatorOf<K extends KustoType> = K extends "string"
  ? EqualityOp | StringOp
  : K extends "dynamic"
    ? DynamicOp
    : K extends OrderedType
      ? EqualityOp | OrderedOp
      : EqualityOp;
type ListOp = "in" | "!in" | "in~" | "!in~" | "has_any" | "has_all";
/** The value of `where(column, op, value)`. */
export type OperandOf<K extends KustoType, O> = O extends ListOp
  ? readonly (K extends "dynamic" ? TextOperand : Operand<K>)[]
  : O extends "between" | "!between"
    ? readonly [Operand<K>, Operand<K>]
    : O extends "==" | "!="
      ? Operand<K> | null
      : O extends "matches regex"
        ? string
        : O extends StringOp | DynamicOp
          ? TextOperand
          : Operand<K>;

const WHERE_METHODS: Readonly<Record<string, string>> = {
  "==": "eq",
  "!=": "ne",
  in: "in",
  "!in": "notIn",
  "<": "lt",
  "<=": "le",
  ">": "gt",
  ">=": "ge",
  between: "between",
  "!between": "notBetween",
  "=~": "eqCi",
  "!~": "neCi",
  "in~": "inCi",
  "!in~": "notInCi",
  has: "has",
  "!has": "notHas",
  has_cs: "hasCs",
  "!has_cs": "notHasCs",
  hasprefix: "hasPrefix",
  hassuffix: "hasSuffix",
  has_any: "hasAny",
  has_all: "hasAll",
  contains: "contains",
  "!contains": "notContains",
  contains_cs: "containsCs",
  "!contains_cs": "notContainsCs",
  startswith: "startsWith",
  "!startswith": "notStartsWith",
  startswith_cs: "startsWithCs",
  endswith: "endsWith",
  "!endswith": "notEndsWith",
  endswith_cs: "endsWithCs",
  "matches regex": "matchesRegex",
};

/** A sort key: a column (descending, as in KQL), or [column, direction] or [column, direction, nulls]. */
export type OrderKey<F extends Fields> =
  | SortableName<F>
  | readonly [SortableName<F>, "asc" | "desc"]
  | readonly [SortableName<F>, "asc" | "desc", "nulls first" | "nulls last"];

/**
 * A KQL query whose result has the columns F (name → Kusto type and row value type). Every step
 * returns a new query; `kql` (or `String(query)`) is its text, `columns` its result columns.
 */
export class Query<F extends Fields = Fields> extends KqlText {
  /** @internal Type only. */
  declare readonly [FIELDS]: F;
  /** The result's columns, in order, with their Kusto types. */
  readonly columns: readonly ResultColumn[];

  /** @internal Queries start from a table (see the generated `<Table>Kql`). */
  constructor(text: string, columns: readonly ResultColumn[], token: typeof TRUSTED) {
    super(text, token);
    this.columns = columns;
  }

  private step(text: string, columns: readonly ResultColumn[] = this.columns): Query<any> {
    return new Query(`${this.kql}\n| ${text}`, columns, TRUSTED);
  }

  private column(name: unknown, what: string): ResultColumn {
    const found = typeof name === "string" ? this.columns.find((c) => c.name === name) : undefined;
    if (!found) {
      const hint =
        what === "order by" && (name === "asc" || name === "desc") ? 'give a direction as [column, "asc"]; ' : "";
      throw new KqlBuildError(
        `${what}: no column ${describe(name)} in the query's result (${hint}columns: ${this.columns.map((c) => c.name).join(", ")})`,
      );
    }
    return found;
  }

  /** Typed references to the columns of this query's result. */
  get col(): Columns<F> {
    const refs: Record<string, ExprNode> = Object.create(null);
    for (const c of this.columns) refs[c.name] = new ExprNode(c.type, quoteIdentifier(c.name), Prec.Atom);
    return refs as never;
  }

  /**
   * `where`: keeps the rows for which a predicate holds, given as a function of the columns
   * (`q.where(c => c.Timestamp.gt(ago("1h")).and(c.FileName.eqCi("cmd.exe")))`) or as
   * column, operator and value (`q.where("FileName", "=~", "cmd.exe")`).
   */
  where(predicate: (c: Columns<F>, f: Functions) => Predicate): Query<F>;
  where<N extends ColumnName<F>, O extends OperatorOf<F[N]["kusto"]>>(
    column: N,
    op: O,
    value: OperandOf<F[N]["kusto"], O>,
  ): Query<F>;
  where(first: unknown, op?: unknown, value?: unknown): Query<F> {
    let predicate: unknown;
    if (typeof first === "function") {
      predicate = (first as (c: Columns<F>, f: Functions) => unknown)(this.col, fn);
    } else {
      const column = this.column(first, "where");
      const method = typeof op === "string" ? WHERE_METHODS[op] : undefined;
      if (method === undefined) throw new KqlBuildError(`where: unknown operator ${describe(op)}`);
      const ref = new ExprNode(column.type, quoteIdentifier(column.name), Prec.Atom) as unknown as Record<
        string,
        (...args: unknown[]) => unknown
      >;
      if (op === "between" || op === "!between") {
        if (!Array.isArray(value) || value.length !== 2)
          throw new KqlBuildError(`where: '${op}' takes [low, high], got ${describe(value)}`);
        predicate = ref[method]!(value[0], value[1]);
      } else predicate = ref[method]!(value);
    }
    if (!isExpr(predicate) || predicate.kusto !== "bool")
      throw new KqlBuildError(`where takes a bool expression, got ${describe(predicate)}`);
    return this.step(`where ${predicate.kql}`);
  }

  /** `project`: only the named columns, in this order; or computed columns `c => ({ Name: expr })`. */
  project<N extends ColumnName<F>>(...columns: [N, ...N[]]): Query<Simplify<Pick<F, N>>>;
  project<R extends Record<string, AnyExpr>>(build: (c: Columns<F>, f: Functions) => R): Query<FieldsOf<R>>;
  project(...args: unknown[]): Query<any> {
    if (typeof args[0] === "function") {
      const { text, columns } = this.assignments(
        "project",
        (args[0] as (c: Columns<F>, f: Functions) => unknown)(this.col, fn),
      );
      return this.step(`project ${text}`, columns);
    }
    const columns = this.pick("project", args);
    return this.step(`project ${columns.map((c) => quoteIdentifier(c.name)).join(", ")}`, columns);
  }

  /** `project-away`: every column but the named ones. */
  projectAway<N extends ColumnName<F>>(...columns: [N, ...N[]]): Query<Simplify<Omit<F, N>>> {
    const away = new Set(this.pick("projectAway", columns).map((c) => c.name));
    return this.step(
      `project-away ${[...away].map(quoteIdentifier).join(", ")}`,
      this.columns.filter((c) => !away.has(c.name)),
    );
  }

  /** `project-rename New = Old, ...`: columns renamed in place. */
  projectRename<R extends Record<string, ColumnName<F>>>(
    renames: R,
  ): Query<Merge<Omit<F, R[keyof R]>, { [N in keyof R]: F[R[N]] }>> {
    const entries = Object.entries(renames);
    if (entries.length === 0) throw new KqlBuildError("projectRename: no columns to rename");
    const renamed = new Map<string, string>();
    for (const [to, from] of entries) {
      this.column(from, "projectRename");
      if (renamed.has(from)) throw new KqlBuildError(`projectRename: column ${JSON.stringify(from)} is renamed twice`);
      renamed.set(from, to);
    }
    const columns = this.columns.map((c) => (renamed.has(c.name) ? { ...c, name: renamed.get(c.name)! } : c));
    this.unique(
      "projectRename",
      columns.map((c) => c.name),
    );
    return this.step(
      `project-rename ${entries.map(([to, from]) => `${quoteIdentifier(to)} = ${quoteIdentifier(from)}`).join(", ")}`,
      columns,
    );
  }

  /** `extend`: adds computed columns (a column of the same name is replaced, in place). */
  extend<R extends Record<string, AnyExpr>>(build: (c: Columns<F>, f: Functions) => R): Query<Merge<F, FieldsOf<R>>> {
    const { text, columns } = this.assignments("extend", build(this.col, fn));
    const added = new Map(columns.map((c) => [c.name, c]));
    const result = this.columns.map((c) => added.get(c.name) ?? c);
    for (const c of columns) if (!this.columns.some((old) => old.name === c.name)) result.push(c);
    return this.step(`extend ${text}`, result);
  }

  /**
   * `summarize aggregations by keys`: `q.summarize((c, a) => ({ Count: a.count() }), ["DeviceName"])`,
   * or keys computed: `q.summarize((c, a) => ({ Count: a.count() }), (c, f) => ({ Day: f.bin(c.Timestamp, "1d") }))`.
   * The result has the keys, then the aggregations.
   */
  summarize<A extends Record<string, AnyAgg>, B extends SortableName<F> = never>(
    aggregations: (c: Columns<F>, a: Aggregations) => A,
    by?: readonly B[],
  ): Query<Simplify<Pick<F, B> & AggFields<A>>>;
  summarize<A extends Record<string, AnyAgg>, R extends Record<string, Groupable>>(
    aggregations: (c: Columns<F>, a: Aggregations) => A,
    by: (c: Columns<F>, f: Functions) => R,
  ): Query<Simplify<FieldsOf<R> & AggFields<A>>>;
  summarize(aggregations: (c: Columns<F>, a: Aggregations) => unknown, by?: unknown): Query<any> {
    const aggs = aggregations(this.col, agg);
    if (typeof aggs !== "object" || aggs === null)
      throw new KqlBuildError("summarize: the aggregations function must return an object of agg.*()");
    const aggColumns: ResultColumn[] = [];
    const aggTexts: string[] = [];
    for (const [name, a] of Object.entries(aggs)) {
      if (!(a instanceof AggNode))
        throw new KqlBuildError(
          `summarize: ${JSON.stringify(name)} is not an aggregation (agg.*()), got ${describe(a)}`,
        );
      aggColumns.push({ name, type: a.aggregate });
      aggTexts.push(`${quoteIdentifier(name)} = ${a.kql}`);
    }
    let keys: { text: string; columns: ResultColumn[] } = { text: "", columns: [] };
    if (typeof by === "function")
      keys = this.assignments("summarize by", (by as (c: Columns<F>, f: Functions) => unknown)(this.col, fn));
    else if (by !== undefined) {
      const columns = this.pick("summarize by", by as unknown[], true);
      keys = { text: columns.map((c) => quoteIdentifier(c.name)).join(", "), columns };
    }
    keys.columns.forEach((c) => this.sortable(c, "summarize by"));
    if (aggColumns.length === 0 && keys.columns.length === 0)
      throw new KqlBuildError("summarize: no aggregations and no keys");
    const columns = [...keys.columns, ...aggColumns];
    this.unique(
      "summarize",
      columns.map((c) => c.name),
    );
    const text = [aggTexts.join(", "), keys.columns.length ? `by ${keys.text}` : ""].filter(Boolean).join(" ");
    return this.step(`summarize ${text}`, columns);
  }

  /** `order by`: each key a column (descending, Kusto's default) or [column, "asc" | "desc", nulls?]. */
  orderBy(...keys: [OrderKey<F>, ...OrderKey<F>[]]): Query<F> {
    if (keys.length === 0) throw new KqlBuildError("orderBy: no columns");
    return this.step(`order by ${keys.map((k) => this.sortKey(k)).join(", ")}`);
  }

  /** `take n`: at most n rows (any n rows: add orderBy or use top for the first ones). */
  take(count: number): Query<F> {
    return this.step(`take ${this.rowCount(count, "take")}`);
  }

  /** `limit n`: the same as take. */
  limit(count: number): Query<F> {
    return this.step(`limit ${this.rowCount(count, "limit")}`);
  }

  /** `top n by column [asc|desc]`: the first n rows by one column (descending unless asked). */
  top(
    count: number,
    column: SortableName<F>,
    direction: "asc" | "desc" = "desc",
    nulls?: "nulls first" | "nulls last",
  ): Query<F> {
    return this.step(
      `top ${this.rowCount(count, "top")} by ${this.sortKey([column, direction, ...(nulls ? [nulls] : [])] as never)}`,
    );
  }

  /** `distinct`: the distinct combinations of the named columns. */
  distinct<N extends SortableName<F>>(...columns: [N, ...N[]]): Query<Simplify<Pick<F, N>>> {
    const picked = this.pick("distinct", columns);
    picked.forEach((c) => this.sortable(c, "distinct"));
    return this.step(`distinct ${picked.map((c) => quoteIdentifier(c.name)).join(", ")}`, picked);
  }

  /** `count`: one row with the number of rows, in column Count. */
  count(): Query<{ Count: Field<"long", number> }> {
    return this.step("count", [{ name: "Count", type: "long" }]);
  }

  private rowCount(value: unknown, what: string): number {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
      throw cannot(value, `the row count of ${what}`, "a whole number from 0");
    return value;
  }

  private sortKey(key: unknown): string {
    const [name, direction = "desc", nulls] = (Array.isArray(key) ? key : [key]) as unknown[];
    const column = this.sortable(this.column(name, "order by"), "order by");
    if (direction !== "asc" && direction !== "desc")
      throw new KqlBuildError(`order by: direction must be "asc" or "desc", got ${describe(direction)}`);
    if (nulls !== undefined && nulls !== "nulls first" && nulls !== "nulls last") {
      throw new KqlBuildError(`order by: nulls must be "nulls first" or "nulls last", got ${describe(nulls)}`);
    }
    return [quoteIdentifier(column.name), direction, nulls].filter(Boolean).join(" ");
  }

  private sortable(column: ResultColumn, what: string): ResultColumn {
    if (column.type === "dynamic") {
      throw new KqlBuildError(
        `${what}: column ${JSON.stringify(column.name)} is dynamic, which Kusto cannot sort, group or distinct by: convert it first (fn.tostring)`,
      );
    }
    return column;
  }

  private pick(what: string, names: readonly unknown[], allowEmpty = false): ResultColumn[] {
    if (names.length === 0 && !allowEmpty) throw new KqlBuildError(`${what}: no columns`);
    const columns = names.map((n) => this.column(n, what));
    this.unique(
      what,
      columns.map((c) => c.name),
    );
    return columns;
  }

  private unique(what: string, names: readonly string[]): void {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) throw new KqlBuildError(`${what}: column ${JSON.stringify(n)} appears twice`);
      seen.add(n);
    }
  }

  /** `Name = expr, ...` from an object of expressions (`Name` alone when expr is that column). */
  private assignments(what: string, built: unknown): { text: string; columns: ResultColumn[] } {
    if (typeof built !== "object" || built === null)
      throw new KqlBuildError(`${what}: the function must return an object of expressions`);
    const entries = Object.entries(built);
    if (entries.length === 0) throw new KqlBuildError(`${what}: no columns`);
    const columns: ResultColumn[] = [];
    const texts: string[] = [];
    for (const [name, value] of entries) {
      if (!isExpr(value))
        throw new KqlBuildError(
          `${what}: ${JSON.stringify(name)} is not an expression (a column, fn.*, lit.*), got ${describe(value)}`,
        );
      const quoted = quoteIdentifier(name);
      const source = value.kql === quoted ? this.columns.find((c) => c.name === name) : undefined;
      columns.push(source ?? { name, type: value.kusto });
      texts.push(source ? quoted : `${quoted} = ${value.kql}`);
    }
    return { text: texts.join(", "), columns };
  }
}

/** A table as a query source, with typed references to its columns. */
export interface KqlTable<F extends Fields> extends Query<F> {
  /** The table's name. */
  readonly name: string;
}

/**
 * A table for the builder (what generated `<Table>Kql` constants are made of):
 * `kqlTable<DeviceInfo>()("DeviceInfo", { Timestamp: "datetime", ... }, { ReportId: "bigint" })`.
 * Every column of Row must be listed with its Kusto type; `longs` names long columns read as
 * strings or bigints (kqlgen.config.json `mapping.long`).
 */
export function kqlTable<R extends object>() {
  return <const C extends { readonly [N in keyof R]-?: KustoType }>(
    name: string,
    columns: C,
    longs: { readonly [N in keyof R]?: LongMode } = {},
  ): KqlTable<{ [N in keyof R & keyof C & string]: Field<C[N], R[N]> }> => {
    const result: ResultColumn[] = Object.entries(columns as Record<string, KustoType>).map(([column, type]) => {
      const long = Object.hasOwn(longs, column) ? (longs as Record<string, LongMode | undefined>)[column] : undefined;
      return long && long !== "number" ? { name: column, type, long } : { name: column, type };
    });
    const table = new Query(quoteIdentifier(name), result, TRUSTED) as Query & { name: string };
    Object.defineProperty(table, "name", { value: name, enumerable: true });
    return table as never;
  };
}

// ---------------------------------------------------------------------------------------------
// Running queries: a LogsQueryClient of @azure/monitor-query-logs, typed by its shape

/** The time range of a query (the SDK's QueryTimeInterval): a duration such as "P1D", and/or start and end. */
export type QueryTimeInterval =
  | { startTime: Date; endTime: Date }
  | { startTime: Date; duration: string }
  | { duration: string; endTime: Date }
  | { duration: string };

/** A table of a query result, as the SDK returns it (LogsTable). */
export interface LogsTableLike {
  name: string;
  columnDescriptors: { name: string; type: string }[];
  rows: unknown[][];
}

/** A query result, as the SDK returns it (LogsQueryResult: Success or PartialFailure). */
export interface LogsQueryResultLike {
  status: string;
  tables?: LogsTableLike[];
  partialTables?: LogsTableLike[];
  partialError?: { code: string; message: string };
  statistics?: Record<string, any>;
  visualization?: Record<string, any>;
}

/** The options `queryWorkspace` takes (LogsQueryOptions). */
export interface LogsQueryOptionsLike {
  additionalWorkspaces?: string[];
  serverTimeoutInSeconds?: number;
  includeQueryStatistics?: boolean;
  includeVisualization?: boolean;
  requestOptions?: object;
  abortSignal?: object;
  tracingOptions?: object;
  onResponse?: (...args: any[]) => void;
}

/** What runQuery needs of a LogsQueryClient (from @azure/monitor-query-logs). */
export interface LogsQueryClientLike {
  queryWorkspace(
    workspaceId: string,
    query: string,
    timespan: QueryTimeInterval,
    options?: LogsQueryOptionsLike,
  ): Promise<LogsQueryResultLike>;
}

export interface RunQueryOptions extends LogsQueryOptionsLike {
  /** The time range the service applies on top of the query's own filters (required by the service). */
  timespan: QueryTimeInterval;
  /** Return the rows of a partial result (with `partialError`) instead of throwing. */
  allowPartial?: boolean;
  /**
   * Check the result's columns against the builder query's: a missing column, or one of another
   * Kusto type, throws (the schema drifted). Default true; columns the query does not know are kept.
   */
  strictColumns?: boolean;
}

export interface QueryResult<R> {
  /** The rows of the primary result table, in the documented representation (see runQuery). */
  readonly rows: R[];
  /** The result's columns, as the service reported them. */
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** Set when the result is partial (only with allowPartial). */
  readonly partialError?: { readonly code: string; readonly message: string };
  /** long values past ±2^53 in the result: already rounded by JSON parsing in the SDK. */
  readonly roundedLongs: number;
  readonly statistics?: Record<string, any>;
  readonly visualization?: Record<string, any>;
}

function convertValue(
  type: string | undefined,
  long: LongMode | undefined,
  value: unknown,
  where: () => string,
): unknown {
  if (value === null || value === undefined) return value ?? null;
  switch (type) {
    case "datetime":
      if (value instanceof Date) {
        if (isNaN(value.getTime()))
          throw new KqlResultError(`${where()}: the SDK returned an invalid Date`, "InvalidValue");
        return value.toISOString();
      }
      return value;
    case "long":
      if (typeof value === "number" && long === "string")
        return Number.isInteger(value) ? BigInt(value).toString() : String(value);
      if (typeof value === "number" && long === "bigint") return Number.isInteger(value) ? BigInt(value) : value;
      if (typeof value === "string" && long === "bigint" && /^-?\d+$/.test(value)) return BigInt(value);
      if (typeof value === "string" && long !== "bigint" && long !== "string" && /^-?\d+$/.test(value))
        return Number(value);
      return value;
    case "bool":
      return value === 1 ? true : value === 0 ? false : value;
    case "decimal":
      return typeof value === "number" ? plainDigits(value) : value;
    default:
      return value;
  }
}

/**
 * Runs a query with a LogsQueryClient (`new LogsQueryClient(credential)` of @azure/monitor-query-logs)
 * and returns the primary table's rows, typed by the query.
 *
 * Rows follow the package's row representation: datetimes are ISO 8601 strings (the SDK turns them
 * into Dates first, so digits past the millisecond are lost: `2024-05-01T12:00:00.123Z`), dynamic
 * values are parsed JSON (null stays null), reals may be "NaN"/"Infinity"/"-Infinity", decimals,
 * timespans and guids are strings, and long columns of a table configured as `string` or `bigint`
 * are converted — but every long arrives as a JSON number, so values past ±2^53 are already
 * rounded (counted in `roundedLongs`). A partial result throws a KqlResultError unless
 * `allowPartial` is set.
 */
export function runQuery<F extends Fields>(
  client: LogsQueryClientLike,
  workspaceId: string,
  query: Query<F>,
  options: RunQueryOptions,
): Promise<QueryResult<Row<F>>>;
export function runQuery<R = Record<string, unknown>>(
  client: LogsQueryClientLike,
  workspaceId: string,
  query: KqlText,
  options: RunQueryOptions,
): Promise<QueryResult<R>>;
export async function runQuery(
  client: LogsQueryClientLike,
  workspaceId: string,
  query: KqlText,
  options: RunQueryOptions,
): Promise<QueryResult<Record<string, unknown>>> {
  if (!(query instanceof KqlText)) {
    throw new TypeError(
      `runQuery takes a builder query or kql\`...\` text, got ${describe(query)} (for trusted text, use trustedKql(text))`,
    );
  }
  if (!options || typeof options !== "object" || !options.timespan) {
    throw new TypeError('runQuery needs options.timespan, e.g. { timespan: { duration: "P1D" } }');
  }
  const { timespan, allowPartial = false, strictColumns = true, ...sdkOptions } = options;
  const result = await client.queryWorkspace(workspaceId, query.kql, timespan, sdkOptions);
  let tables = result.tables;
  let partialError: QueryResult<unknown>["partialError"];
  if (result.status === "PartialFailure") {
    const error = result.partialError ?? { code: "PartialError", message: "the service returned partial results" };
    if (!allowPartial) {
      throw new KqlResultError(
        `the query returned partial results (${error.code}: ${error.message}); pass allowPartial: true to accept them`,
        error.code || "PartialError",
      );
    }
    partialError = { code: error.code, message: error.message };
    tables = result.partialTables;
  } else if (result.status !== "Success") {
    throw new KqlResultError(`the query failed (status ${JSON.stringify(result.status)})`, String(result.status));
  }
  const table = tables?.[0];
  const descriptors = table?.columnDescriptors ?? [];
  const expected = query instanceof Query ? query.columns : [];
  if (strictColumns && table && expected.length) {
    const problems: string[] = [];
    for (const c of expected) {
      const got = descriptors.find((d) => d.name === c.name);
      if (!got) problems.push(`column ${JSON.stringify(c.name)} is missing`);
      else if (got.type && got.type !== c.type)
        problems.push(`column ${JSON.stringify(c.name)} is ${got.type}, expected ${c.type}`);
    }
    if (problems.length) {
      throw new KqlResultError(
        `the result's columns do not match the query's: ${problems.join("; ")}. ` +
          "The table's schema has drifted from the one this package was generated from: regenerate it, or pass strictColumns: false",
        "ColumnMismatch",
      );
    }
  }
  const longs = new Map(expected.filter((c) => c.long).map((c) => [c.name, c.long]));
  let roundedLongs = 0;
  const rows = (table?.rows ?? []).map((raw, r) => {
    const row: Record<string, unknown> = {};
    descriptors.forEach((d, i) => {
      const value = raw[i];
      if (d.type === "long" && typeof value === "number" && !Number.isSafeInteger(value)) roundedLongs++;
      const converted = convertValue(
        d.type,
        longs.get(d.name),
        value,
        () => `row ${r}, column ${JSON.stringify(d.name)}`,
      );
      if (d.name === "__proto__")
        Object.defineProperty(row, d.name, { value: converted, enumerable: true, writable: true, configurable: true });
      else row[d.name] = converted;
    });
    return row;
  });
  return {
    rows,
    columns: descriptors.map((d) => ({ name: d.name, type: d.type })),
    ...(partialError ? { partialError } : {}),
    roundedLongs,
    ...(result.statistics ? { statistics: result.statistics } : {}),
    ...(result.visualization ? { visualization: result.visualization } : {}),
  };
}
