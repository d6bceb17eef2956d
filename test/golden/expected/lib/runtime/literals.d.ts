/** A value that cannot be written as the KQL literal asked for (wrong type, out of range, malformed). */
export declare class KqlValueError extends TypeError {
    readonly name = "KqlValueError";
}
/** A query the builder cannot write: unknown or duplicate column, operator not valid for a column's type. */
export declare class KqlBuildError extends Error {
    readonly name = "KqlBuildError";
}
/** A query result `runQuery` does not accept: partial results, or columns that differ from the query's. */
export declare class KqlResultError extends Error {
    /** `PartialError` and the service's code for partial results; `ColumnMismatch` for columns. */
    readonly code: string;
    readonly name = "KqlResultError";
    constructor(message: string, 
    /** `PartialError` and the service's code for partial results; `ColumnMismatch` for columns. */
    code: string);
}
/** @internal A short description of a value for error messages. */
export declare function describe(value: unknown): string;
/** @internal */
export declare function cannot(value: unknown, what: string, expected: string): KqlValueError;
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
export declare function quoteKqlString(value: string): string;
/**
 * A table or column name as KQL text: as it is when it is a plain identifier that is not a
 * keyword, else bracketed, `["..."]`, with the inside written by the escaper.
 */
export declare function quoteIdentifier(name: string): string;
/** A `string` literal, `"..."`. */
export declare function stringLiteral(value: string): string;
/** An obfuscated string literal, `h"..."`: Kusto hides its value in logs and traces. For secrets. */
export declare function obfuscatedStringLiteral(value: string): string;
/** A `bool` literal: `true`, `false`, or `bool(null)`. */
export declare function boolLiteral(value: boolean | null): string;
/** An `int` literal, `int(5)`: a 32-bit integer, or null. */
export declare function intLiteral(value: number | null): string;
/**
 * A `long` literal: `42` (a plain integer is a long in KQL), `long(-42)` for negative values (one
 * token, whatever surrounds it), or `long(null)`. Numbers and bigints are written exactly;
 * non-integers and values out of the 64-bit range throw.
 */
export declare function longLiteral(value: number | bigint | null): string;
/**
 * A `real` literal: `1.5`, `5.0`, `1e+21`, `real(-1.5)` for negative values, `real(nan)`,
 * `real(+inf)`, `real(-inf)` (also from the strings "NaN", "Infinity", "-Infinity" Kusto sends
 * in JSON), or `real(null)`. Written with the shortest digits that read back as the same double.
 */
export declare function realLiteral(value: number | "NaN" | "Infinity" | "-Infinity" | null): string;
/** A number's exact shortest decimal digits without an exponent (`1e+21` → `1000000000000000000000`). */
/** @internal */
export declare function plainDigits(value: number): string;
/**
 * A `decimal` literal, `decimal(12.345)`, or `decimal(null)`: from a decimal string (`-?d+(.d+)?`,
 * as Kusto sends decimals in JSON), a finite number or a bigint. At most 38 significant digits.
 */
export declare function decimalLiteral(value: string | number | bigint | null): string;
/**
 * A `datetime` literal, `datetime(2024-05-01T12:00:00.1234567Z)`, or `datetime(null)`: from a
 * valid Date, or a UTC string `YYYY-MM-DDTHH:MM:SS[.fffffff]Z` (as Kusto sends datetimes in JSON)
 * or `YYYY-MM-DD`, years 0001 to 9999. Strings with a time-zone offset throw: use a Date.
 */
export declare function datetimeLiteral(value: Date | string | null): string;
/**
 * A `timespan` literal: `1h`, `7d`, `250ms`, `time(1.02:03:04.5670000)`, `time(-00:05:00)`, or `time(null)`; from a
 * number of milliseconds (rounded to 100 ns), a Kusto timespan string `[-][d.]hh:mm:ss[.fffffff]`
 * (as Kusto sends timespans in JSON), or `<amount><unit>` with unit d, h, m, s, ms, microsecond or
 * tick (`"1.5h"`).
 */
export declare function timespanLiteral(value: string | number | null): string;
/** A `guid` literal, `guid(0f8fad5b-d9cb-469f-a165-70867728950e)` (lower-cased), or `guid(null)`. */
export declare function guidLiteral(value: string | null): string;
/** @internal */
export declare const TWO_63 = 9223372036854776000;
/**
 * A `dynamic` literal, `dynamic({"a": [1, 2.5, "x", true, null]})`: any value JSON can represent,
 * read as JSON.stringify reads it (toJSON, undefined members left out). Every string, keys
 * included, is written by the escaper. Integers within 64 bits become longs, other numbers reals;
 * NaN, Infinity and cycles throw.
 */
export declare function dynamicLiteral(value: unknown): string;
/** The literal writer of each Kusto type. */
export declare const literalWriters: {
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
};
/** @internal The token only kqlgen's runtime modules hold: KQL text is made by them alone. */
export declare const TRUSTED: unique symbol;
/** KQL text built by this module (literals, names, expressions, queries, `kql` templates). */
export declare class KqlText {
    #private;
    /** @internal Use `kql`, the builder, or `trustedKql` to make KQL text. */
    constructor(text: string, token: typeof TRUSTED);
    /** The KQL text. */
    get kql(): string;
    toString(): string;
    toJSON(): string;
}
/**
 * Query text you trust as it is, such as a saved query read from your own repository. Never pass
 * text that contains user input: use the `kql` template or the builder for that.
 */
export declare function trustedKql(text: string): KqlText;
/** An identifier as KQL text, for the `kql` template: kql`T | project ${ident(name)}`. */
export declare function ident(name: string): KqlText;
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
export declare function kql(strings: TemplateStringsArray, ...values: unknown[]): KqlText;
