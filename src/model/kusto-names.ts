/**
 * Writing Kusto names into KQL text. Every table or column name kqlgen puts in
 * a query goes through `quoteIdentifier`: a plain identifier that is not a
 * keyword is written as is, anything else bracketed as `['...']` with the
 * inside escaped as a Kusto string literal.
 */
import { isPlainIdentifier } from "./schema.js";

/**
 * Names that cannot be written bare: the Kusto keywords for which
 * `KustoFacts.BracketNameIfNecessary` brackets (from
 * `Kusto.Language.SyntaxFacts.Keywords`), and the bool literals in the
 * spellings Kusto reads as literals. test/pull.test.ts checks the list against
 * Kusto's own parser.
 */
const KEYWORDS_NEEDING_BRACKETS = new Set([
  "true", "True", "TRUE", "false", "False", "FALSE",
  "__contextual_datatable", "__crossCluster", "__crossDB", "__executeAndCache", "__id", "__isFuzzy", "__noWithSource",
  "__packedColumn", "__projectAway", "__sourceColumnIndex", "accumulate", "and", "anomalychart", "areachart", "as", "asc",
  "bagexpansion", "barchart", "between", "bin_legacy", "boolean", "by", "byte", "cachingpolicy", "callout", "cancel", "card",
  "char", "columnchart", "contains", "contains_cs", "containscs", "cycles", "dataexport", "datascope", "datatable", "date",
  "datetime", "decimal", "decodeblocks", "desc", "double", "dynamic", "earliest", "encodingpolicy", "endswith", "endswith_cs",
  "expandoutput", "extent_tags_retention", "external_data", "externaldata", "find", "first", "flags", "float", "force_remote",
  "harddelete", "hardretention", "has", "has_all", "has_any", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix",
  "hassuffix_cs", "hotcache", "in", "int", "int16", "int32", "int64", "int8", "invoke", "isfuzzy", "journal", "kind",
  "ladderchart", "last", "latest", "like", "likecs", "linechart", "long", "materialize", "mdm", "missing", "nooptimization",
  "notcontains", "notcontainscs", "notlike", "notlikecs", "of", "or", "others", "pathformat", "piechart", "pivotchart", "print",
  "project", "queries", "query_results", "real", "relaxed", "restricted_view_access", "row_level_security", "rowstore",
  "rowstore_references", "rowstore_sealinfo", "rowstorepolicy", "rowstores", "sample", "scatterchart", "seal", "seals",
  "search", "set", "shards", "simple", "softdelete", "softretention", "sql", "stackedareachart", "startswith", "startswith_cs",
  "statistics", "storedqueryresultcontainers", "string", "tablepurge", "time", "timechart", "timeline", "timepivot", "timespan",
  "title", "to", "toscalar", "totable", "treemap", "uint", "uint16", "uint32", "uint64", "uint8", "ulong", "union", "uniqueid",
  "unrestrictedviewers", "verbose", "viewers", "views", "where", "with_itemindex", "with_match_id", "with_source",
  "with_step_name", "withsource", "writeaheadlog",
]);

/** Whether `name` can be written bare in KQL. */
export function isBareKustoName(name: string): boolean {
  return isPlainIdentifier(name) && !KEYWORDS_NEEDING_BRACKETS.has(name);
}

/**
 * The inside of a single-quoted Kusto string literal: only the escapes the
 * Kusto parser decodes reliably (`\\`, `\'`, `\n`, `\r`, `\t`, `\uHHHH`).
 * Throws on lone surrogates (the service stores UTF-8).
 */
function escapeSingleQuoted(text: string): string {
  if (!text.isWellFormed()) throw new RangeError(`${JSON.stringify(text)} contains a lone UTF-16 surrogate: it cannot be written as a Kusto name`);
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === "'") out += "\\'";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out;
}

/**
 * A table or column name as KQL text: bare when it can be, else `['...']`.
 * NOTE for the lead: the KQL helpers of issue 4 may bring their own quoting
 * function; the two should become one.
 */
export function quoteIdentifier(name: string): string {
  if (name === "") throw new RangeError("an empty name cannot be written as a Kusto name");
  return isBareKustoName(name) ? name : `['${escapeSingleQuoted(name)}']`;
}
