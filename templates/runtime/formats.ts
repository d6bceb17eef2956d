// Regex-free checkers for the string formats Kusto sends in JSON (runtime code copied into generated packages; no imports).

// Each check folds "is this character/field valid" into the sign of an int: for an integer v,
// (v - lo) | (hi - v) is negative exactly when v is outside lo..hi. ORing these together and
// testing the sign once avoids a hard-to-predict branch per character, which is what costs
// time on random input. Callers bounds-check first: charCodeAt past the end gives NaN, and
// NaN | x is not negative.

/** >= 0 if s[i] is an ASCII digit, negative otherwise. */
function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - 48;
  return d | (9 - d);
}

/** >= 0 if s[i] and s[i + 1] are ASCII digits forming a number in lo..hi, negative otherwise. */
function twoDigits(s: string, i: number, lo: number, hi: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  const v = 10 * a + b;
  return a | (9 - a) | b | (9 - b) | (v - lo) | (hi - v);
}

/** >= 0 if s[from..to) are all hex digits (either case), negative otherwise. */
function hexRun(s: string, from: number, to: number): number {
  let bad = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const d = c - 48; // 0-9 for '0'-'9'
    const x = (c | 32) - 97; // 0-5 for 'a'-'f' and 'A'-'F' (and for nothing else)
    bad |= (d | (9 - d)) & (x | (5 - x)); // negative only if both are out of range
  }
  return bad;
}

/** `YYYY-MM-DDTHH:MM:SS[.f{1,7}]Z`, e.g. `2024-05-01T12:00:00.1234567Z` (no per-month day check). */
export function isKustoDatetime(s: string): boolean {
  const n = s.length; // 20 without a fraction, 22..28 with 1..7 fraction digits
  if (n !== 20 && (n < 22 || n > 28)) return false;
  if (
    s.charCodeAt(4) !== 45 /* - */ ||
    s.charCodeAt(7) !== 45 /* - */ ||
    s.charCodeAt(10) !== 84 /* T */ ||
    s.charCodeAt(13) !== 58 /* : */ ||
    s.charCodeAt(16) !== 58 /* : */ ||
    s.charCodeAt(n - 1) !== 90 /* Z */ ||
    (n > 20 && s.charCodeAt(19) !== 46) /* . */
  )
    return false;
  let bad =
    twoDigits(s, 0, 0, 99) |
    twoDigits(s, 2, 0, 99) | // year
    twoDigits(s, 5, 1, 12) |
    twoDigits(s, 8, 1, 31) | // month, day
    twoDigits(s, 11, 0, 23) |
    twoDigits(s, 14, 0, 59) |
    twoDigits(s, 17, 0, 59);
  for (let i = 20; i < n - 1; i++) bad |= digit(s, i); // fraction
  return bad >= 0;
}

/** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hex digits of either case, no braces. */
export function isKustoGuid(s: string): boolean {
  if (
    s.length !== 36 ||
    s.charCodeAt(8) !== 45 ||
    s.charCodeAt(13) !== 45 ||
    s.charCodeAt(18) !== 45 ||
    s.charCodeAt(23) !== 45 /* - */
  )
    return false;
  return (hexRun(s, 0, 8) | hexRun(s, 9, 13) | hexRun(s, 14, 18) | hexRun(s, 19, 23) | hexRun(s, 24, 36)) >= 0;
}

/** `[-][d{1,8}.]HH:MM:SS[.f{1,7}]`, e.g. `00:00:00.0000001`, `1.02:03:04.5670000`, `-00:05:00`. */
export function isKustoTimespan(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (s.charCodeAt(i + 2) !== 58 /* : */) {
    // Not HH: here, so it must be 1..8 day digits and '.'. (A days part never has ':' at i + 2.)
    const start = i;
    while (i < n && i - start < 8 && digit(s, i) >= 0) i++;
    if (i === start || s.charCodeAt(i) !== 46 /* . */) return false;
    i++;
  }
  const rest = n - i; // HH:MM:SS is 8, with '.' and 1..7 fraction digits 10..16
  if (rest !== 8 && (rest < 10 || rest > 16)) return false;
  if (
    s.charCodeAt(i + 2) !== 58 /* : */ ||
    s.charCodeAt(i + 5) !== 58 /* : */ ||
    (rest > 8 && s.charCodeAt(i + 8) !== 46) /* . */
  )
    return false;
  let bad = twoDigits(s, i, 0, 23) | twoDigits(s, i + 3, 0, 59) | twoDigits(s, i + 6, 0, 59);
  for (let j = i + 9; j < n; j++) bad |= digit(s, j); // fraction
  return bad >= 0;
}

/** `[-]d+[.d+]`: no exponent, no `+`, no spaces. */
export function isKustoDecimal(s: string): boolean {
  const n = s.length;
  const start = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  let dot = -1;
  for (let i = start; i < n; i++) {
    if (digit(s, i) < 0) {
      if (s.charCodeAt(i) !== 46 /* . */ || dot >= 0) return false;
      dot = i;
    }
  }
  // Digits on both sides of the '.', or at least one digit when there is none.
  return dot < 0 ? n > start : dot > start && dot < n - 1;
}

/** A Kusto `int`: a 32-bit integer number. (`x | 0` keeps exactly the int32 values.) */
export function isKustoInt(x: unknown): x is number {
  return typeof x === "number" && (x | 0) === x;
}

/** A Kusto `long` as a JSON number: an integer within ±2^63 (exact only up to 2^53 once parsed). */
export function isKustoLong(x: unknown): x is number {
  // Safe integers (|x| < 2^53) are longs: one cheap test settles nearly every value.
  return (
    typeof x === "number" &&
    (Number.isSafeInteger(x) || (Number.isInteger(x) && x >= -9223372036854775808 && x <= 9223372036854775807))
  );
}

/** A Kusto `long` written as a decimal string, within -9223372036854775808..9223372036854775807 (leading zeros allowed). */
export function isKustoLongString(s: string): boolean {
  const n = s.length;
  const negative = n > 0 && s.charCodeAt(0) === 45; /* - */
  const start = negative ? 1 : 0;
  const digits = n - start;
  if (digits < 1 || digits > 19) return false;
  let bad = 0;
  for (let i = start; i < n; i++) {
    const d = s.charCodeAt(i) - 48;
    bad |= d | (9 - d);
  }
  if (bad < 0) return false;
  // Same-length digit strings compare like numbers.
  return digits < 19 || (negative ? s.slice(1) <= "9223372036854775808" : s <= "9223372036854775807");
}
