/** `YYYY-MM-DDTHH:MM:SS[.f{1,7}]Z`, e.g. `2024-05-01T12:00:00.1234567Z` (no per-month day check). */
export declare function isKustoDatetime(s: string): boolean;
/** `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, hex digits of either case, no braces. */
export declare function isKustoGuid(s: string): boolean;
/** `[-][d{1,8}.]HH:MM:SS[.f{1,7}]`, e.g. `00:00:00.0000001`, `1.02:03:04.5670000`, `-00:05:00`. */
export declare function isKustoTimespan(s: string): boolean;
/** `[-]d+[.d+]`: no exponent, no `+`, no spaces. */
export declare function isKustoDecimal(s: string): boolean;
/** A Kusto `int`: a 32-bit integer number. (`x | 0` keeps exactly the int32 values.) */
export declare function isKustoInt(x: unknown): x is number;
/** A Kusto `long` as a JSON number: an integer within ±2^63 (exact only up to 2^53 once parsed). */
export declare function isKustoLong(x: unknown): x is number;
/** A Kusto `long` written as a decimal string, within -9223372036854775808..9223372036854775807 (leading zeros allowed). */
export declare function isKustoLongString(s: string): boolean;
