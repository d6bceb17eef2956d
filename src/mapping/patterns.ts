// JSON Schema `pattern` sources for Kusto string formats; each matches exactly what the
// corresponding checker in templates/runtime/formats.ts accepts (see test/formats.test.ts).
// All are anchored and valid ECMAScript regexes with the `u` flag (what Ajv uses).

/** Kusto datetime, `YYYY-MM-DDTHH:MM:SS[.f{1,7}]Z`; mirrors `isKustoDatetime`. */
export const DATETIME_PATTERN =
  "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,7})?Z$";

/** Kusto guid, 8-4-4-4-12 hex digits of either case, no braces; mirrors `isKustoGuid`. */
export const GUID_PATTERN =
  "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$";

/** Kusto timespan, `[-][d{1,8}.]HH:MM:SS[.f{1,7}]`; mirrors `isKustoTimespan`. */
export const TIMESPAN_PATTERN =
  "^-?(?:[0-9]{1,8}\\.)?(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,7})?$";

/** Kusto decimal as a string, `[-]d+[.d+]` (no exponent, `+` or spaces); mirrors `isKustoDecimal`. */
export const DECIMAL_PATTERN = "^-?[0-9]+(?:\\.[0-9]+)?$";

/** Decimal strings of at most `max` (same number of digits or fewer), as regex alternatives. */
function upTo(max: string): string {
  const alternatives = [`[0-9]{1,${max.length - 1}}`];
  for (let k = 0; k < max.length; k++) {
    const d = Number(max[k]);
    if (d > 0) alternatives.push(`${max.slice(0, k)}[0-${d - 1}][0-9]{${max.length - k - 1}}`);
  }
  alternatives.push(max);
  return alternatives.join("|").replace(/\[0-9\]\{0\}/g, "").replace(/\[0-0\]/g, "0");
}

/**
 * Kusto long as a decimal string, `-9223372036854775808` to `9223372036854775807`
 * (leading zeros allowed); mirrors `isKustoLongString`.
 */
export const LONG_STRING_PATTERN = `^(?:-(?:${upTo("9223372036854775808")})|(?:${upTo("9223372036854775807")}))$`;
