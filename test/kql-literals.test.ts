/**
 * The KQL literal writers and identifier quoting of templates/runtime/literals.ts,
 * checked against Kusto's own parser: 100,000 random strings and 100,000
 * random names round-trip with zero failures, every type's writer reads back
 * as the value and type it was given, lone surrogates are rejected, and only
 * the escapes Kusto decodes consistently are ever written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { typeTable } from "../src/mapping/type-table.js";
import { KUSTO_TYPES } from "../src/model/kusto-types.js";
import * as runtime from "../templates/runtime/literals.js";
import { lit } from "../templates/runtime/query.js";
import {
  boolLiteral,
  datetimeLiteral,
  decimalLiteral,
  dynamicLiteral,
  guidLiteral,
  ident,
  intLiteral,
  kql,
  KqlText,
  KqlValueError,
  literalWriters,
  longLiteral,
  obfuscatedStringLiteral,
  quoteIdentifier,
  quoteKqlString,
  realLiteral,
  stringLiteral,
  timespanLiteral,
  trustedKql,
} from "../templates/runtime/literals.js";
import { analyze, dynamicValue, getKusto, globalsFor, readPieces, type Kusto, type KustoGlobals } from "./helpers/kusto.js";
import { mulberry32 } from "./helpers/prng.js";

const random = mulberry32;

const LOOKALIKES = [
  "\\", '"', "'", '\\"', "\\'", "\\\\", "\\n", "\\r", "\\t", "\\u0041", "\\u00e9", "\\U0001F600", "\\x41", "\\0", "\\18", "\\08",
  "\\400", "\\a", "\\b", "\\f", "\\v", "\\/", '""', "''", "@\"", "h\"", "H'", "```", '" | take 1 //', "\n| project", "'); drop", "[\"",
  "\"]", "//", "/*", "*/", "\r\n", "\u2028", "\u2029", "\u202e", "\u200b", "\ufeff", "\u0000", "\u007f", "\u0085", "\u009f", "{", "}",
  "dynamic(", "datetime(", "$", "${x}", "\u{1F600}", "\u{10FFFF}", "\u{1D11E}", "é", "名", "ß", "\t", " ",
];

/** A random well-formed string: ASCII, controls, escape look-alikes, non-ASCII and non-BMP characters. */
function randomString(next: () => number, maxLength = 40): string {
  const n = Math.floor(next() * (maxLength + 1));
  let s = "";
  for (let i = 0; i < n; i++) {
    const r = next();
    if (r < 0.35) s += String.fromCharCode(32 + Math.floor(next() * 95));
    else if (r < 0.5) s += LOOKALIKES[Math.floor(next() * LOOKALIKES.length)];
    else if (r < 0.6) s += String.fromCharCode(Math.floor(next() * 32));
    else if (r < 0.65) s += String.fromCharCode(0x7f + Math.floor(next() * 33));
    else if (r < 0.85) {
      let c = 0xa0 + Math.floor(next() * (0xffff - 0xa0));
      if (c >= 0xd800 && c <= 0xdfff) c -= 0x800;
      s += String.fromCharCode(c);
    } else s += String.fromCodePoint(0x10000 + Math.floor(next() * 0x100000));
  }
  return s;
}

const ALLOWED_ESCAPE = /^\\(?:["\\nrt]|u[0-9a-f]{4})/;

/** The escapes a written literal uses that are not `\"`, `\\`, `\n`, `\r`, `\t`, `\uHHHH`, and raw CR/LF. */
function badEscapes(literal: string): string[] {
  const bad: string[] = [];
  if (/[\r\n]/.test(literal)) bad.push("raw CR/LF");
  for (let i = 0; i < literal.length; i++) {
    if (literal[i] !== "\\") continue;
    const m = ALLOWED_ESCAPE.exec(literal.slice(i, i + 6));
    if (!m) bad.push(literal.slice(i, i + 4));
    else i += m[0].length - 1;
  }
  return bad;
}

let k: Kusto;
let globals: KustoGlobals;
beforeAll(async () => {
  k = await getKusto();
  globals = await globalsFor({ tables: [] });
});

/** Reads pieces in batches of 1000, returning every failure as [input, text, problem]. */
function roundTrip<T>(inputs: readonly T[], write: (x: T) => string, as: "literal" | "name", same: (read: unknown, input: T) => boolean) {
  const failures: [T, string, string][] = [];
  for (let i = 0; i < inputs.length; i += 1000) {
    const batch = inputs.slice(i, i + 1000);
    const texts = batch.map(write);
    readPieces(k, texts, as).forEach((r, j) => {
      if (!r.ok) failures.push([batch[j]!, texts[j]!, r.problem]);
      else if (!same(r.value, batch[j]!)) failures.push([batch[j]!, texts[j]!, `read back ${JSON.stringify(String(r.value))}`]);
    });
  }
  return failures;
}

describe("string literals: one escaper, checked by Kusto's parser", () => {
  it("100,000 random strings round-trip through stringLiteral with zero failures", () => {
    const next = random(1);
    const inputs = Array.from({ length: 100_000 }, () => randomString(next));
    const failures = roundTrip(inputs, stringLiteral, "literal", (read, input) => read === input);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(failures.length).toBe(0);
    // Every input was written, and with only the escapes Kusto decodes consistently.
    const texts = inputs.map(stringLiteral);
    expect(texts.flatMap(badEscapes)).toEqual([]);
    expect(texts.every((t) => t.startsWith('"') && t.endsWith('"'))).toBe(true);
  });

  it("2,000 random strings round-trip as obfuscated literals h\"...\"", () => {
    const next = random(2);
    const inputs = Array.from({ length: 2000 }, () => randomString(next));
    const failures = roundTrip(inputs, obfuscatedStringLiteral, "literal", (read, input) => read === input);
    expect(failures).toEqual([]);
    expect(obfuscatedStringLiteral('p@ss"word')).toBe('h"p@ss\\"word"');
  });

  it("writes the escapes it must and nothing else", () => {
    expect(quoteKqlString("")).toBe('""');
    expect(quoteKqlString("plain text")).toBe('"plain text"');
    expect(quoteKqlString(`a"b'c\\d`)).toBe(`"a\\"b'c\\\\d"`);
    expect(quoteKqlString("1\n2\r3\t4")).toBe('"1\\n2\\r3\\t4"');
    expect(quoteKqlString("\u0000\u001f\u007f\u0085\u009f")).toBe('"\\u0000\\u001f\\u007f\\u0085\\u009f"');
    // Invisible and reordering characters are visible in the query text.
    expect(quoteKqlString("a\u202eb\u2028c\u200bd\ufeff")).toBe('"a\\u202eb\\u2028c\\u200bd\\ufeff"');
    // Non-ASCII and non-BMP characters as they are (a well-formed pair stays a pair).
    expect(quoteKqlString("é名😀\u{10FFFF}")).toBe('"é名😀\u{10FFFF}"');
    // Look-alikes of escapes Kusto decodes inconsistently are written as backslashes, never passed on.
    expect(quoteKqlString("\\U0001F600 \\18 \\400 \\x41")).toBe('"\\\\U0001F600 \\\\18 \\\\400 \\\\x41"');
  });

  it("rejects lone surrogates, wherever they are, naming the position", () => {
    const message = (i: number, hex: string) =>
      `cannot write a string with a lone UTF-16 surrogate (\\u${hex} at index ${i}) into KQL: Kusto stores UTF-8, which cannot encode it; repair the string first (e.g. value.toWellFormed())`;
    expect(() => stringLiteral("\ud800")).toThrow(new KqlValueError(message(0, "D800")));
    expect(() => stringLiteral("ab\udbff")).toThrow(message(2, "DBFF"));
    expect(() => stringLiteral("a\udc00b")).toThrow(message(1, "DC00"));
    expect(() => stringLiteral("\ude00\ud83d")).toThrow(message(0, "DE00")); // a pair in the wrong order
    expect(() => stringLiteral("😀\ud83d")).toThrow(message(2, "D83D"));
    // Every other path to KQL text goes through the same escaper.
    expect(() => quoteIdentifier("col\ud800")).toThrow(KqlValueError);
    expect(() => obfuscatedStringLiteral("\udfff")).toThrow(KqlValueError);
    expect(() => dynamicLiteral({ ["k\ud800"]: 1 })).toThrow(KqlValueError);
    expect(() => dynamicLiteral(["\udc00"])).toThrow(KqlValueError);
    expect(() => kql`T | where A == ${"\ud800"}`).toThrow(KqlValueError);
    expect(() => lit.string("x\ud800")).toThrow(KqlValueError);
    // 1,000 random strings with a lone surrogate inserted: every one rejected.
    const next = random(3);
    let rejected = 0;
    for (let i = 0; i < 1000; i++) {
      const s = randomString(next, 10);
      const at = Math.floor(next() * (s.length + 1));
      const lone = String.fromCharCode(0xd800 + Math.floor(next() * 0x800));
      // Insert between two code points so it cannot pair with a neighbour.
      const points = [...s];
      const cut = Math.min(at, points.length);
      const text = points.slice(0, cut).join("") + lone + (lone < "\udc00" ? "x" : "") + points.slice(cut).join("");
      try {
        stringLiteral(lone >= "\udc00" ? "x" + text : text);
      } catch (e) {
        if (e instanceof KqlValueError) rejected++;
      }
    }
    expect(rejected).toBe(1000);
  });

  it("rejects what is not a string", () => {
    expect(() => stringLiteral(5 as never)).toThrow(
      new KqlValueError("cannot write number 5 as a KQL string literal: expected a string (Kusto strings are never null)"),
    );
    expect(() => stringLiteral(null as never)).toThrow("cannot write null as a KQL string literal");
  });
});

describe("identifiers: bracket quoting through the same escaper", () => {
  it("100,000 random names round-trip through quoteIdentifier with zero failures", () => {
    const next = random(4);
    const inputs = Array.from({ length: 100_000 }, () => {
      const s = randomString(next, 20);
      return s === "" ? "_" : s;
    });
    const failures = roundTrip(inputs, quoteIdentifier, "name", (read, input) => read === input);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(failures.length).toBe(0);
    expect(inputs.map(quoteIdentifier).flatMap(badEscapes)).toEqual([]);
  });

  it("brackets exactly the plain-looking names Kusto brackets (its keywords and every name it knows)", () => {
    const K = k.language;
    const candidates = new Set<string>();
    for (const [name, value] of Object.entries(K.Syntax.SyntaxKind)) {
      if (typeof value !== "number") continue;
      candidates.add(name);
      candidates.add(name.replace(/(Keyword|Token)$/, "").toLowerCase());
      try {
        const text = K.Syntax.SyntaxFacts.GetText(value);
        if (text) candidates.add(String(text));
      } catch {
        // kinds without text
      }
    }
    for (const list of Object.values(K.KustoFacts) as any[]) {
      if (list && typeof list === "object" && typeof list.Count === "number") {
        for (const item of k.bridge.toArray(list)) if (typeof item === "string") candidates.add(item);
      }
    }
    const state = K.GlobalState.Default;
    for (const group of [state.Functions, state.Aggregates, state.PlugIns]) for (const f of k.bridge.toArray(group)) candidates.add(String(f.Name));
    for (const extra of ["true", "True", "TRUE", "false", "False", "FALSE", "tRuE", "null", "Timestamp", "DeviceName", "Type", "type", "count", "Count", "h", "H", "x", "_", "__x", "x__"]) {
      candidates.add(extra);
    }
    const plain = [...candidates].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).sort();
    expect(plain.length).toBeGreaterThan(1500);
    const disagreements = plain.filter((n) => (quoteIdentifier(n) === n) !== (K.KustoFacts.BracketNameIfNecessary(n) === n));
    expect(disagreements).toEqual([]);
    // And every one reads back as itself, bracketed or not.
    expect(roundTrip(plain, quoteIdentifier, "name", (read, input) => read === input)).toEqual([]);
  });

  it("writes plain names as they are and brackets the rest", () => {
    expect(quoteIdentifier("Timestamp")).toBe("Timestamp");
    expect(quoteIdentifier("_x1")).toBe("_x1");
    expect(quoteIdentifier("where")).toBe('["where"]');
    expect(quoteIdentifier("true")).toBe('["true"]');
    expect(quoteIdentifier("Device Name")).toBe('["Device Name"]');
    expect(quoteIdentifier("1stColumn")).toBe('["1stColumn"]');
    expect(quoteIdentifier("Größe")).toBe('["Größe"]');
    expect(quoteIdentifier(`quote'and"double`)).toBe(`["quote'and\\"double"]`);
    expect(() => quoteIdentifier("")).toThrow(new KqlValueError("cannot write string \"\" as a KQL name: expected a non-empty string"));
    expect(ident("a b")).toBeInstanceOf(KqlText);
    expect(ident("a b").kql).toBe('["a b"]');
  });
});

/** `print x = <text>`: no diagnostics, and the result column's Kusto type. */
async function typeOf(text: string): Promise<string> {
  const { diagnostics, columns } = await analyze(`print x = ${text}`, globals);
  expect(diagnostics, text).toEqual([]);
  return columns![0]!.type;
}

describe("literal writers of the ten Kusto types", () => {
  it("the type table names each type's writer, and the runtime exports it", () => {
    const table = typeTable({ long: "number", formats: false });
    for (const type of KUSTO_TYPES) {
      const name = table[type].kqlLiteral;
      expect((runtime as Record<string, unknown>)[name], type).toBe(literalWriters[type]);
      expect(literalWriters[type].name).toBe(name);
    }
  });

  const cases: [string, () => string, string, string][] = [
    ["string", () => stringLiteral("a"), '"a"', "string"],
    ["bool true", () => boolLiteral(true), "true", "bool"],
    ["bool null", () => boolLiteral(null), "bool(null)", "bool"],
    ["int", () => intLiteral(-5), "int(-5)", "int"],
    ["int max", () => intLiteral(2147483647), "int(2147483647)", "int"],
    ["int null", () => intLiteral(null), "int(null)", "int"],
    ["long", () => longLiteral(42), "42", "long"],
    ["long negative", () => longLiteral(-42), "long(-42)", "long"],
    ["long min (bigint)", () => longLiteral(-9223372036854775808n), "long(-9223372036854775808)", "long"],
    ["long max (bigint)", () => longLiteral(9223372036854775807n), "9223372036854775807", "long"],
    ["long 2^60 (number, exact)", () => longLiteral(2 ** 60), "1152921504606846976", "long"],
    ["long null", () => longLiteral(null), "long(null)", "long"],
    ["real", () => realLiteral(1.5), "1.5", "real"],
    ["real integer", () => realLiteral(5), "5.0", "real"],
    ["real negative", () => realLiteral(-0.25), "real(-0.25)", "real"],
    ["real -0", () => realLiteral(-0), "real(-0.0)", "real"],
    ["real big", () => realLiteral(1e21), "1e+21", "real"],
    ["real 1e20", () => realLiteral(1e20), "100000000000000000000.0", "real"],
    ["real tiny", () => realLiteral(5e-324), "5e-324", "real"],
    ["real NaN", () => realLiteral(NaN), "real(nan)", "real"],
    ["real +inf", () => realLiteral(Infinity), "real(+inf)", "real"],
    ["real -inf (string as Kusto sends it)", () => realLiteral("-Infinity"), "real(-inf)", "real"],
    ["real null", () => realLiteral(null), "real(null)", "real"],
    ["decimal string", () => decimalLiteral("-12.3450"), "decimal(-12.3450)", "decimal"],
    ["decimal number", () => decimalLiteral(1e21), "decimal(1000000000000000000000)", "decimal"],
    ["decimal small number", () => decimalLiteral(-1.5e-7), "decimal(-0.00000015)", "decimal"],
    ["decimal bigint", () => decimalLiteral(-5n), "decimal(-5)", "decimal"],
    ["decimal null", () => decimalLiteral(null), "decimal(null)", "decimal"],
    ["datetime string", () => datetimeLiteral("2024-05-01T12:00:00.1234567Z"), "datetime(2024-05-01T12:00:00.1234567Z)", "datetime"],
    ["datetime date", () => datetimeLiteral("2024-02-29"), "datetime(2024-02-29)", "datetime"],
    ["datetime Date", () => datetimeLiteral(new Date(Date.UTC(2024, 4, 1, 12))), "datetime(2024-05-01T12:00:00.000Z)", "datetime"],
    ["datetime first", () => datetimeLiteral("0001-01-01T00:00:00Z"), "datetime(0001-01-01T00:00:00Z)", "datetime"],
    ["datetime null", () => datetimeLiteral(null), "datetime(null)", "datetime"],
    ["timespan ms", () => timespanLiteral(3_600_000), "1h", "timespan"],
    ["timespan days", () => timespanLiteral("7d"), "7d", "timespan"],
    ["timespan 1.5h", () => timespanLiteral("1.5h"), "90m", "timespan"],
    ["timespan 250ms", () => timespanLiteral(250), "250ms", "timespan"],
    ["timespan zero", () => timespanLiteral(0), "0s", "timespan"],
    ["timespan clock", () => timespanLiteral("1.02:03:04.5670000"), "time(1.02:03:04.5670000)", "timespan"],
    ["timespan tick", () => timespanLiteral("00:00:00.0000001"), "time(00:00:00.0000001)", "timespan"],
    ["timespan negative", () => timespanLiteral("-00:05:00"), "time(-00:05:00)", "timespan"],
    ["timespan max", () => timespanLiteral("10675199.02:48:05.4775807"), "time(10675199.02:48:05.4775807)", "timespan"],
    ["timespan null", () => timespanLiteral(null), "time(null)", "timespan"],
    ["guid", () => guidLiteral("0F8FAD5B-D9CB-469F-A165-70867728950E"), "guid(0f8fad5b-d9cb-469f-a165-70867728950e)", "guid"],
    ["guid null", () => guidLiteral(null), "guid(null)", "guid"],
    ["dynamic", () => dynamicLiteral({ a: [1, 2.5, "x", true, null] }), 'dynamic({"a": [1, 2.5, "x", true, null]})', "dynamic"],
    ["dynamic null", () => dynamicLiteral(null), "dynamic(null)", "dynamic"],
    ["dynamic string", () => dynamicLiteral('a"b'), 'dynamic("a\\"b")', "dynamic"],
  ];
  it.each(cases)("%s", async (_name, write, text, type) => {
    expect(write()).toBe(text);
    expect(await typeOf(text)).toBe(type);
  });

  const rejections: [string, () => unknown, string][] = [
    ["int not integer", () => intLiteral(1.5), "cannot write number 1.5 as a KQL int literal: expected an integer from -2147483648 to 2147483647, or null"],
    ["int out of range", () => intLiteral(2147483648), "cannot write number 2147483648 as a KQL int literal"],
    [
      "long not integer",
      () => longLiteral(0.5),
      "cannot write number 0.5 as a KQL long literal: expected an integer (number or bigint) from -9223372036854775808 to 9223372036854775807",
    ],
    ["long 2^63", () => longLiteral(2 ** 63), "cannot write number 9223372036854776000 as a KQL long literal"],
    ["long bigint out of range", () => longLiteral(9223372036854775808n), "cannot write bigint 9223372036854775808n as a KQL long literal"],
    ["long string", () => longLiteral("5" as never), 'cannot write string "5" as a KQL long literal'],
    ["real string", () => realLiteral("1.5" as never), 'cannot write string "1.5" as a KQL real literal'],
    ["decimal exponent", () => decimalLiteral("1e5"), 'cannot write string "1e5" as a KQL decimal literal'],
    ["decimal 39 digits", () => decimalLiteral("1".repeat(39)), "as a KQL decimal literal"],
    ["decimal NaN", () => decimalLiteral(NaN), "cannot write number NaN as a KQL decimal literal"],
    [
      "datetime not a day",
      () => datetimeLiteral("2023-02-29"),
      'cannot write string "2023-02-29" as a KQL datetime literal: expected a valid Date, or a UTC date-time such as 2024-05-01T12:00:00.1234567Z or a date such as 2024-05-01 (years 0001-9999), or null',
    ],
    ["datetime offset", () => datetimeLiteral("2024-05-01T12:00:00+02:00"), "as a KQL datetime literal"],
    ["datetime 8 digits", () => datetimeLiteral("2024-05-01T12:00:00.12345678Z"), "as a KQL datetime literal"],
    ["datetime year 0", () => datetimeLiteral("0000-01-01"), "as a KQL datetime literal"],
    ["datetime hour 24", () => datetimeLiteral("2024-05-01T24:00:00Z"), "as a KQL datetime literal"],
    ["datetime invalid Date", () => datetimeLiteral(new Date(NaN)), "cannot write Date (invalid) as a KQL datetime literal"],
    ["datetime year 10000", () => datetimeLiteral(new Date(Date.UTC(10000, 0, 1))), "as a KQL datetime literal"],
    ["timespan words", () => timespanLiteral("an hour"), 'cannot write string "an hour" as a KQL timespan literal: expected milliseconds'],
    ["timespan below 100 ns", () => timespanLiteral("0.5tick"), 'cannot write string "0.5tick" as a KQL timespan literal'],
    ["timespan minutes 60", () => timespanLiteral("00:60:00"), 'cannot write string "00:60:00" as a KQL timespan literal'],
    ["timespan too long", () => timespanLiteral("10675200d"), 'cannot write string "10675200d" as a KQL timespan literal'],
    ["timespan Infinity", () => timespanLiteral(Infinity), "cannot write number Infinity as a KQL timespan literal"],
    ["guid braces", () => guidLiteral("{0f8fad5b-d9cb-469f-a165-70867728950e}"), "as a KQL guid literal: expected a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e (no braces), or null"],
    ["dynamic NaN", () => dynamicLiteral({ a: [NaN] }), "cannot write number NaN as a value in a KQL dynamic literal (at .a[0]): expected a finite number"],
    ["dynamic undefined", () => dynamicLiteral(undefined), "cannot write undefined as a KQL dynamic literal"],
    ["dynamic huge bigint", () => dynamicLiteral([2n ** 64n]), "cannot write bigint 18446744073709551616n as a value in a KQL dynamic literal (at [0])"],
    [
      "dynamic cycle",
      () => {
        const a: unknown[] = [];
        a.push(a);
        return dynamicLiteral({ a });
      },
      "as a KQL dynamic literal: expected a value without cycles (at .a[0])",
    ],
  ];
  it.each(rejections)("rejects: %s", (_name, write, message) => {
    expect(write).toThrow(KqlValueError);
    expect(write).toThrow(message);
  });

  it("5,000 random longs and ints read back as the same integers", () => {
    const next = random(5);
    const big = () => BigInt(Math.floor(next() * 2 ** 32)) * 2n ** 32n + BigInt(Math.floor(next() * 2 ** 32)) - 2n ** 63n;
    const longs = [-(2n ** 63n), 2n ** 63n - 1n, 0n, -1n, ...Array.from({ length: 5000 }, big)];
    expect(roundTrip(longs, (n) => longLiteral(n), "literal", (read, n) => BigInt(read as bigint | number) === n)).toEqual([]);
    const numbers = Array.from({ length: 1000 }, () => Math.round((next() - 0.5) * 2 ** 53));
    expect(roundTrip(numbers, (n) => longLiteral(n), "literal", (read, n) => BigInt(read as bigint | number) === BigInt(n))).toEqual([]);
    const ints = [-(2 ** 31), 2 ** 31 - 1, 0, ...Array.from({ length: 2000 }, () => Math.floor((next() - 0.5) * 2 ** 32))];
    expect(roundTrip(ints, intLiteral, "literal", (read, n) => Number(read) === n)).toEqual([]);
  });

  it("5,000 random doubles (any bit pattern) read back as the same double", () => {
    const next = random(6);
    const view = new DataView(new ArrayBuffer(8));
    const doubles = [0, -0, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, NaN, Infinity, -Infinity, 0.1, 1 / 3];
    while (doubles.length < 5000) {
      view.setUint32(0, Math.floor(next() * 2 ** 32));
      view.setUint32(4, Math.floor(next() * 2 ** 32));
      doubles.push(view.getFloat64(0));
    }
    // Kusto.Language does not evaluate real(nan) and real(±inf) (it reads 0): their text and type are checked above.
    const finite = doubles.filter(Number.isFinite);
    expect(finite.length).toBeGreaterThan(4800);
    expect(roundTrip(finite, realLiteral, "literal", (read, x) => Object.is(Number(read), x))).toEqual([]);
  });

  it("5,000 random timespans read back as the same number of ticks", () => {
    // Kusto.Language evaluates unit forms (1h, 250ms) but not time(...) (it reads 0). The inside of a
    // time(...) literal must be .NET's TimeSpan "c" format of the ticks, the format TimeSpan.Parse
    // (what the service uses) reads back exactly: Bridge.NET's TimeSpan formats it from 64-bit ticks.
    const TimeSpan = k.bridge.global.System.TimeSpan;
    const Int64 = k.bridge.global.System.Int64;
    const dotnet = (t: bigint) => `${t < 0n ? "-" : ""}${new TimeSpan(Int64.parse((t < 0n ? -t : t).toString())).toString()}`;
    const ticksOf = (text: string, read: unknown): bigint | string => {
      const m = /^time\((.*)\)$/.exec(text);
      return m ? m[1]! : (read as bigint);
    };
    const next = random(7);
    const limit = 2n ** 63n - 1n;
    const ticks = [limit, -limit, 0n, 1n, -1n, 10_000n, 36_000_000_000n, 864_000_000_000n, 9_990_000n];
    while (ticks.length < 5000) {
      const unit = [1n, 10_000n, 10_000_000n, 600_000_000n][Math.floor(next() * 4)]!;
      const t = ((BigInt(Math.floor(next() * 2 ** 32)) * BigInt(Math.floor(next() * 2 ** 31))) / unit) * unit;
      ticks.push(next() < 0.3 ? -t : t);
    }
    const clock = (t: bigint) => {
      const neg = t < 0n;
      let a = neg ? -t : t;
      const f = a % 10_000_000n;
      a /= 10_000_000n;
      const two = (n: bigint) => n.toString().padStart(2, "0");
      return `${neg ? "-" : ""}${a / 86400n}.${two((a / 3600n) % 24n)}:${two((a / 60n) % 60n)}:${two(a % 60n)}.${f.toString().padStart(7, "0")}`;
    };
    const failures: unknown[] = [];
    const texts = ticks.map((t) => timespanLiteral(clock(t)));
    readPieces(k, texts, "literal").forEach((r, i) => {
      if (!r.ok) failures.push([texts[i], r.problem]);
      else {
        const read = ticksOf(texts[i]!, r.value);
        if (read !== (typeof read === "string" ? dotnet(ticks[i]!) : ticks[i])) failures.push([texts[i], ticks[i], read]);
      }
    });
    expect(failures).toEqual([]);
    // Milliseconds (rounded to 100 ns), and amounts with units, give the same ticks.
    const ms = Array.from({ length: 1000 }, () => Math.round((next() - 0.5) * 1e12) / (next() < 0.5 ? 1 : 1000));
    ms.forEach((m) => expect(timespanLiteral(m)).toBe(timespanLiteral(clock(BigInt(Math.round(m * 10_000))))));
    expect(timespanLiteral("1.5s")).toBe(timespanLiteral("00:00:01.5"));
    expect(timespanLiteral("2microsecond")).toBe("time(00:00:00.0000020)");
    // The largest and smallest timespans are written exactly (beyond what the oracle reads exactly).
    expect(timespanLiteral("-10675199.02:48:05.4775808")).toBe("time(-10675199.02:48:05.4775808)");
    expect(readPieces(k, ["time(-10675199.02:48:05.4775808)", "time(10675199.02:48:05.4775807)"], "literal").every((r) => r.ok)).toBe(true);
  });

  it("2,000 random datetimes, guids and decimals parse as one literal of their type and value", async () => {
    const next = random(8);
    const dates = Array.from({ length: 2000 }, () => new Date(Math.floor(-62135596800000 + next() * (253402300799999 + 62135596800000))));
    expect(roundTrip(dates, datetimeLiteral, "literal", (read, d) => read instanceof Date && read.getTime() === d.getTime())).toEqual([]);
    const hex = () => Math.floor(next() * 16).toString(16);
    const guids = Array.from({ length: 2000 }, () => [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, hex).join("")).join("-"));
    expect(roundTrip(guids, guidLiteral, "literal", (read, g) => String(read).toLowerCase() === g)).toEqual([]);
    const decimals = Array.from({ length: 2000 }, () => {
      const digits = () => Array.from({ length: 1 + Math.floor(next() * 18) }, () => Math.floor(next() * 10)).join("");
      return `${next() < 0.5 ? "-" : ""}${digits()}${next() < 0.7 ? "." + digits() : ""}`;
    });
    expect(roundTrip(decimals, decimalLiteral, "literal", (read, d) => Math.abs(Number(read) - Number(d)) <= Math.abs(Number(d)) * 1e-12)).toEqual([]);
    expect(await typeOf(decimalLiteral(decimals[0]!))).toBe("decimal");
  });

  it("2,000 random dynamic values read back as the same JSON (integers as longs, other numbers as reals)", () => {
    const next = random(9);
    const scalar = (): unknown => {
      const r = next();
      if (r < 0.3) return randomString(next, 12);
      if (r < 0.45) return Math.floor((next() - 0.5) * 2 ** 40);
      if (r < 0.55) return (next() - 0.5) * 10 ** Math.floor(next() * 40 - 20);
      if (r < 0.6) return [1e20, -1e21, 2 ** 63, -(2 ** 63), 9223372036854774784, -0, 5e-324][Math.floor(next() * 7)];
      if (r < 0.7) return next() < 0.5;
      if (r < 0.8) return null;
      return BigInt(Math.floor((next() - 0.5) * 2 ** 50)) * 8192n;
    };
    const value = (depth: number): unknown => {
      const r = next();
      if (depth > 2 || r < 0.4) return scalar();
      if (r < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(next() * 4); i > 0; i--) o[randomString(next, 8)] = value(depth + 1);
      return o;
    };
    /** What the literal should hold: integers within 64 bits as bigint, other numbers as doubles. */
    const expected = (v: unknown): unknown => {
      if (typeof v === "number") return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? BigInt(v) : v;
      if (Array.isArray(v)) return v.map(expected);
      if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, expected(x)]));
      return v;
    };
    const values = Array.from({ length: 2000 }, () => value(0));
    const failures: unknown[] = [];
    for (let i = 0; i < values.length; i += 500) {
      const batch = values.slice(i, i + 500);
      const texts = batch.map(dynamicLiteral);
      readPieces(k, texts, "literal").forEach((r, j) => {
        if (!r.ok) failures.push([texts[j], r.problem]);
        else {
          try {
            expect(dynamicValue(k, r.value)).toEqual(expected(batch[j]));
          } catch (e) {
            failures.push([texts[j], String(e).slice(0, 300)]);
          }
        }
      });
    }
    expect(failures).toEqual([]);
  });

  it("reads dynamic values as JSON.stringify does (toJSON, undefined members left out)", () => {
    expect(dynamicLiteral({ when: new Date(0), skip: undefined, f: () => 1, list: [undefined, 1n] })).toBe(
      'dynamic({"when": "1970-01-01T00:00:00.000Z", "list": [null, 1]})',
    );
    // An own property named __proto__ is a member like any other.
    expect(dynamicLiteral(JSON.parse('{"__proto__": 1}'))).toBe('dynamic({"__proto__": 1})');
  });
});

describe("the kql tagged template", () => {
  it("turns every interpolated value into a literal of its type", () => {
    const since = new Date(Date.UTC(2024, 4, 1));
    const q = kql`DeviceProcessEvents | where FileName =~ ${'cmd.exe" or 1==1 //'} and Timestamp > ${since} and ProcessId in ${[1, 2n]} and X == ${1.5} and B == ${false} | take ${10}`;
    expect(q.kql).toBe(
      'DeviceProcessEvents | where FileName =~ "cmd.exe\\" or 1==1 //" and Timestamp > datetime(2024-05-01T00:00:00.000Z) and ProcessId in (1, 2) and X == 1.5 and B == false | take 10',
    );
    expect(String(q)).toBe(q.kql);
  });

  it("splices KQL text made by the runtime as it is: names, typed literals, other templates", () => {
    const inner = kql`where ${ident("Device Name")} has ${"x"}`;
    expect(kql`T | ${inner} | extend ${ident("by")} = ${lit.timespan("1h")}, s = ${lit.secret("k3y")}`.kql).toBe(
      'T | where ["Device Name"] has "x" | extend ["by"] = 1h, s = h"k3y"',
    );
    expect(kql`T | where X in ${[]}`.kql).toBe("T | where X in (dynamic([]))");
    expect(kql`print ${trustedKql("1 + 1")}`.kql).toBe("print 1 + 1");
  });

  it("the texts it writes analyze cleanly", async () => {
    const { diagnostics } = await analyze(
      kql`print a = ${"x\"'\\\n"}, b = ${-5}, c = ${2.5}, d = ${new Date(0)}, e = ${true}, f = ${-(2n ** 63n)}, g = ${NaN}, h = ${lit.dynamic({ k: ["v"] })} | where a in ${["a", "b"]}`
        .kql,
      globals,
    );
    expect(diagnostics).toEqual([]);
  });

  it("rejects values with no KQL literal, naming the value's position", () => {
    const message =
      "kql template value 1 is null: interpolate a string, number, bigint, boolean, Date, an array of those (written as a list, for in/has_any), or KQL text (lit.*(), ident(), a builder query, another kql`...`)";
    expect(() => kql`T | where A == ${"a"} and B == ${null}`).toThrow(new KqlValueError(message));
    expect(() => kql`T | where A == ${undefined}`).toThrow("kql template value 0 is undefined");
    expect(() => kql`T | where A == ${{ a: 1 }}`).toThrow("kql template value 0 is object");
    expect(() => kql`T | where A in ${[[1]]}`).toThrow("kql template value 0: a list holds scalar values only");
  });

  it("KQL text cannot be made from a plain string except through trustedKql", () => {
    // kql only takes the parts of a template literal written in the source.
    expect(() => kql(["T | where A == 1 or 1==1"] as never)).toThrow("kql is a template literal tag: write kql`...`, not kql(...)");
    expect(() => kql(Object.freeze(Object.assign(["T"], { raw: ["T"] })) as never, "extra")).toThrow("kql is a template literal tag");
    expect(() => new (KqlText as any)("T | take 1", Symbol("kqlgen trusted KQL"))).toThrow(
      "KqlText is made by kql`...`, the query builder or trustedKql(text)",
    );
    expect(trustedKql("T").kql).toBe("T");
    expect(() => trustedKql(5 as never)).toThrow("trustedKql expects a string, got number 5");
  });
});
