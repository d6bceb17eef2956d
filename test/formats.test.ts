import { describe, it, expect } from "vitest";
import {
  isKustoDatetime,
  isKustoDecimal,
  isKustoGuid,
  isKustoLongString,
  isKustoTimespan,
} from "../templates/runtime/formats.js";
import {
  DATETIME_PATTERN,
  DECIMAL_PATTERN,
  GUID_PATTERN,
  LONG_STRING_PATTERN,
  TIMESPAN_PATTERN,
} from "../src/mapping/patterns.js";
import { mulberry32 } from "./helpers/prng.js";

interface Case {
  given: string;
  want: boolean;
}

/** Cases every format should reject: empty, non-ASCII digits, surrogates, whitespace. */
const junk: Case[] = [
  { given: "", want: false },
  { given: " ", want: false },
  { given: "\u0661", want: false }, // ARABIC-INDIC DIGIT ONE
  { given: "\uFF11", want: false }, // FULLWIDTH DIGIT ONE
  { given: "\u{1D7CF}", want: false }, // MATHEMATICAL BOLD DIGIT ONE (surrogate pair)
  { given: "\uD835", want: false }, // lone high surrogate
  { given: "\uDFCF", want: false }, // lone low surrogate
];

const datetimeCases: Case[] = [
  { given: "2024-05-01T12:00:00.1234567Z", want: true },
  { given: "2024-05-01T12:00:00Z", want: true },
  { given: "2024-05-01T12:00:00.1Z", want: true },
  { given: "0000-01-01T00:00:00Z", want: true },
  { given: "9999-12-31T23:59:59.9999999Z", want: true },
  { given: "2024-02-31T00:00:00Z", want: true }, // no per-month day check
  { given: "2024-05-01T23:59:59Z", want: true },
  { given: "2024-05-01T24:00:00Z", want: false },
  { given: "2024-05-01T20:00:00Z", want: true },
  { given: "2024-05-01T12:60:00Z", want: false },
  { given: "2024-05-01T12:00:60Z", want: false },
  { given: "2024-00-01T12:00:00Z", want: false },
  { given: "2024-13-01T12:00:00Z", want: false },
  { given: "2024-10-01T12:00:00Z", want: true },
  { given: "2024-05-00T12:00:00Z", want: false },
  { given: "2024-05-32T12:00:00Z", want: false },
  { given: "2024-05-30T12:00:00Z", want: true },
  { given: "2024-05-01T12:00:00.12345678Z", want: false }, // 8 fractional digits
  { given: "2024-05-01T12:00:00.Z", want: false },
  { given: "2024-05-01T12:00:00.123", want: false },
  { given: "2024-05-01t12:00:00Z", want: false },
  { given: "2024-05-01T12:00:00z", want: false },
  { given: "2024-05-01T12:00:00", want: false },
  { given: "2024-05-01T12:00:00+01:00", want: false },
  { given: "2024-05-01T12:00:00.000+01:00", want: false },
  { given: "2024-05-01 12:00:00Z", want: false },
  { given: "2024-5-01T12:00:00Z", want: false },
  { given: "24-05-01T12:00:00Z", want: false },
  { given: "+2024-05-01T12:00:00Z", want: false },
  { given: "2024-05-01T12:00:00Z\n", want: false },
  { given: " 2024-05-01T12:00:00Z", want: false },
  { given: "2024-05-01", want: false },
  { given: "\u0662024-05-01T12:00:00Z", want: false },
  { given: "2024-05-01T1\u0662:00:00Z", want: false },
  { given: "2024-05-01T\uFF11\uFF12:00:00Z", want: false },
  { given: "2024-05-01T12:00:00.\u{1D7CF}Z", want: false },
  { given: "2024-05-01T12:00:00.\uFF11Z", want: false },
  ...junk,
];

const guidCases: Case[] = [
  { given: "00000000-0000-0000-0000-000000000000", want: true },
  { given: "0123abcd-ef01-2345-6789-abcdef012345", want: true },
  { given: "0123ABCD-EF01-2345-6789-ABCDEF012345", want: true },
  { given: "0123abCD-eF01-2345-6789-AbCdEf012345", want: true },
  { given: "{0123abcd-ef01-2345-6789-abcdef012345}", want: false },
  { given: "0123abcd-ef01-2345-6789-abcdef01234g", want: false },
  { given: "0123abcd-ef01-2345-6789-abcdef01234G", want: false },
  { given: "0123abcd-ef01-2345-6789-abcdef01234@", want: false }, // '@' | 32 is '`'
  { given: "0123abcd-ef01-2345-6789-abcdef01234`", want: false },
  { given: "0123abcd-ef01-2345-6789-abcdef01234", want: false },
  { given: "0123abcd-ef01-2345-6789-abcdef0123456", want: false },
  { given: "0123abcdef0123456789abcdef012345", want: false },
  { given: "0123abc-def01-2345-6789-abcdef012345", want: false },
  { given: "0123abcd_ef01_2345_6789_abcdef012345", want: false },
  { given: "0123abcd-ef01-2345-6789-abcdef01234\u0661", want: false },
  { given: "0123abcd-ef01-2345-6789-abcdef01234\uFF41", want: false }, // FULLWIDTH a
  { given: "0123abcd-ef01-2345-6789-abcdef0123\u{1D7CF}", want: false },
  ...junk,
];

const timespanCases: Case[] = [
  { given: "00:00:00.0000001", want: true },
  { given: "1.02:03:04.5670000", want: true },
  { given: "-00:05:00", want: true },
  { given: "00:00:00", want: true },
  { given: "23:59:59", want: true },
  { given: "24:00:00", want: false },
  { given: "20:00:00", want: true },
  { given: "00:60:00", want: false },
  { given: "00:00:60", want: false },
  { given: "12345678.23:59:59.9999999", want: true },
  { given: "-12345678.23:59:59.9999999", want: true },
  { given: "123456789.00:00:00", want: false },
  { given: "0.00:00:00", want: true },
  { given: "-0.00:00:00", want: true },
  { given: ".00:00:00", want: false },
  { given: "-.00:00:00", want: false },
  { given: "00:00:00.12345678", want: false }, // 8 fractional digits
  { given: "00:00:00.", want: false },
  { given: "00:00:00.1.", want: false },
  { given: "1.00:00:00.1234567", want: true },
  { given: "1:00:00", want: false },
  { given: "001:00:00", want: false },
  { given: "00:0:00", want: false },
  { given: "00:00:0", want: false },
  { given: "1.2:00:00", want: false },
  { given: "1:02:03:04", want: false },
  { given: "--00:00:00", want: false },
  { given: "+00:00:00", want: false },
  { given: "-", want: false },
  { given: "1.", want: false },
  { given: "P1D", want: false },
  { given: "00:00:00Z", want: false },
  { given: "00:00:00+01:00", want: false },
  { given: "00:00:00 ", want: false },
  { given: "\u0661.00:00:00", want: false },
  { given: "\uFF10\uFF10:00:00", want: false },
  { given: "00:00:00.\u{1D7CF}", want: false },
  ...junk,
];

const decimalCases: Case[] = [
  { given: "0", want: true },
  { given: "-0", want: true },
  { given: "123", want: true },
  { given: "007", want: true },
  { given: "1.5", want: true },
  { given: "-1.5", want: true },
  { given: "79228162514264337593543950335", want: true },
  { given: "0.0000000000000000000000000001", want: true },
  { given: "1.", want: false },
  { given: ".5", want: false },
  { given: "-.5", want: false },
  { given: "-", want: false },
  { given: ".", want: false },
  { given: "+1", want: false },
  { given: "1e5", want: false },
  { given: "1E5", want: false },
  { given: "1.5e-3", want: false },
  { given: "1.2.3", want: false },
  { given: "--1", want: false },
  { given: " 1", want: false },
  { given: "1 ", want: false },
  { given: "1,5", want: false },
  { given: "NaN", want: false },
  { given: "Infinity", want: false },
  { given: "0x10", want: false },
  { given: "1_000", want: false },
  { given: "\u0661", want: false },
  { given: "1\u0661", want: false },
  { given: "1.\uFF15", want: false },
  { given: "1\u{1D7CF}", want: false },
  ...junk,
];

interface Format {
  name: string;
  check: (s: string) => boolean;
  pattern: string;
  cases: Case[];
  /** Random near-valid string: fields are drawn from slightly wider ranges than allowed. */
  gen: (rnd: () => number) => string;
}


const int = (rnd: () => number, lo: number, hi: number): number =>
  lo + Math.floor(rnd() * (hi - lo + 1));
const pad2 = (n: number): string => String(n).padStart(2, "0");
const digits = (rnd: () => number, n: number): string => {
  let out = "";
  for (let i = 0; i < n; i++) out += String(int(rnd, 0, 9));
  return out;
};
/** Optional `.` + fraction; lengths 0..9 so 8 and 9 (invalid) turn up too. */
const fraction = (rnd: () => number): string => {
  if (rnd() < 0.35) return "";
  return "." + digits(rnd, int(rnd, 0, 9));
};

const HEX = "0123456789abcdefABCDEF";

/** Characters used by mutations: format-relevant ASCII, any ASCII, and some non-ASCII. */
const SPECIAL = [
  "-", ":", ".", "T", "Z", "t", "z", "+", " ", "e", "E", "g", "G", "@", "`", "/", "{", "}", "\n",
  "\u0000", "\u0660", "\u0661", "\u0669", // Arabic-Indic digits
  "\uFF10", "\uFF11", "\uFF19", "\uFF21", "\uFF41", // full-width digits and letters
  "\u{1D7CE}", "\u{1D7D7}", "\u{1F600}", // surrogate pairs
  "\uD835", "\uDFCE", // lone surrogates
  "\u00A0", "\u00E9", "\u0130", "\u212A", // NBSP, é, İ, KELVIN SIGN (case-folds to k)
];

function randomChar(rnd: () => number): string {
  const r = rnd();
  if (r < 0.35) return String(int(rnd, 0, 9));
  if (r < 0.5) return HEX[int(rnd, 0, HEX.length - 1)]!;
  if (r < 0.75) return String.fromCharCode(int(rnd, 0, 127));
  return SPECIAL[int(rnd, 0, SPECIAL.length - 1)]!;
}

/** Replace, insert or delete one code unit (so surrogate pairs can be split too). */
function mutate(rnd: () => number, s: string): string {
  const op = int(rnd, 0, 2);
  const i = int(rnd, 0, s.length);
  if (op === 0 && i < s.length) return s.slice(0, i) + randomChar(rnd) + s.slice(i + 1);
  if (op === 1 || s.length === 0) return s.slice(0, i) + randomChar(rnd) + s.slice(i);
  return s.slice(0, Math.min(i, s.length - 1)) + s.slice(Math.min(i, s.length - 1) + 1);
}

function randomString(rnd: () => number): string {
  let out = "";
  for (let n = int(rnd, 0, 40); n > 0; n--) out += randomChar(rnd);
  return out;
}

const longStringCases: Case[] = [
  { given: "0", want: true },
  { given: "-0", want: true },
  { given: "42", want: true },
  { given: "9223372036854775807", want: true },
  { given: "9223372036854775808", want: false },
  { given: "-9223372036854775808", want: true },
  { given: "-9223372036854775809", want: false },
  { given: "9999999999999999999", want: false },
  { given: "0009223372036854775", want: true },
  { given: "10000000000000000000", want: false },
  { given: "", want: false },
  { given: "-", want: false },
  { given: "+1", want: false },
  { given: "1.0", want: false },
  { given: " 1", want: false },
  { given: "1e3", want: false },
  { given: "\u0661", want: false },
];

const formats: Format[] = [
  {
    name: "long string",
    check: isKustoLongString,
    pattern: LONG_STRING_PATTERN,
    cases: longStringCases,
    gen: (rnd) => {
      const sign = rnd() < 0.3 ? "-" : "";
      // Around the 19-digit limits: 9223372036854775807/8 and neighbours.
      if (rnd() < 0.5) return sign + "922337203685477" + digits(rnd, int(rnd, 3, 5));
      return sign + digits(rnd, int(rnd, 0, 21));
    },
  },
  {
    name: "datetime",
    check: isKustoDatetime,
    pattern: DATETIME_PATTERN,
    cases: datetimeCases,
    gen: (rnd) =>
      `${digits(rnd, 4)}-${pad2(int(rnd, 0, 13))}-${pad2(int(rnd, 0, 32))}T` +
      `${pad2(int(rnd, 0, 25))}:${pad2(int(rnd, 0, 61))}:${pad2(int(rnd, 0, 61))}${fraction(rnd)}Z`,
  },
  {
    name: "guid",
    check: isKustoGuid,
    pattern: GUID_PATTERN,
    cases: guidCases,
    gen: (rnd) =>
      [8, 4, 4, 4, 12]
        .map((n) => {
          let g = "";
          for (let i = 0; i < n; i++) g += HEX[int(rnd, 0, HEX.length - 1)];
          return g;
        })
        .join("-"),
  },
  {
    name: "timespan",
    check: isKustoTimespan,
    pattern: TIMESPAN_PATTERN,
    cases: timespanCases,
    gen: (rnd) => {
      const sign = rnd() < 0.3 ? "-" : "";
      const days = rnd() < 0.5 ? "" : digits(rnd, int(rnd, 0, 9)) + ".";
      return `${sign}${days}${pad2(int(rnd, 0, 25))}:${pad2(int(rnd, 0, 61))}:${pad2(int(rnd, 0, 61))}${fraction(rnd)}`;
    },
  },
  {
    name: "decimal",
    check: isKustoDecimal,
    pattern: DECIMAL_PATTERN,
    cases: decimalCases,
    gen: (rnd) => {
      const sign = rnd() < 0.3 ? "-" : "";
      const frac = rnd() < 0.5 ? "" : "." + digits(rnd, int(rnd, 0, 12));
      return `${sign}${digits(rnd, int(rnd, 0, 30))}${frac}`;
    },
  },
];

const PROPERTY_RUNS = 30_000;

for (const f of formats) {
  describe(`${f.name} format`, () => {
    const re = new RegExp(f.pattern, "u");

    it("is an anchored pattern", () => {
      expect(f.pattern.startsWith("^")).toBe(true);
      expect(f.pattern.endsWith("$")).toBe(true);
    });

    it.each(f.cases)("checker($given) === $want", ({ given, want }) => {
      expect(f.check(given)).toBe(want);
    });

    it.each(f.cases)("pattern.test($given) === $want", ({ given, want }) => {
      expect(re.test(given)).toBe(want);
    });

    it(`agrees with its pattern on ${PROPERTY_RUNS} generated strings`, () => {
      const rnd = mulberry32(0x6b716c67 ^ (f.name.length * 7919) ^ f.name.charCodeAt(0));
      let accepted = 0;
      let firstDisagreement: string | undefined;
      for (let run = 0; run < PROPERTY_RUNS; run++) {
        const kind = run % 10;
        let s: string;
        if (kind < 3) s = f.gen(rnd); // near-valid, built field by field
        else if (kind < 9) {
          s = f.gen(rnd); // 1-3 mutations of one
          for (let m = int(rnd, 1, 3); m > 0; m--) s = mutate(rnd, s);
        } else s = randomString(rnd);
        const got = f.check(s);
        if (got !== re.test(s)) {
          firstDisagreement = `${JSON.stringify(s)}: checker ${got}, pattern ${!got} (run ${run})`;
          break;
        }
        if (got) accepted++;
      }
      if (firstDisagreement !== undefined) {
        expect.fail(`checker and pattern disagree on ${firstDisagreement}`);
      }
      // Both outcomes must be well represented, or the comparison proves little.
      expect(accepted).toBeGreaterThan(PROPERTY_RUNS * 0.1);
      expect(accepted).toBeLessThan(PROPERTY_RUNS * 0.9);
    });
  });
}
