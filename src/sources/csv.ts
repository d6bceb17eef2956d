/**
 * CSV copied or exported from a `getschema` result: header naming some of
 * ColumnName, ColumnOrdinal, DataType, ColumnType in any order (or just
 * ColumnName,ColumnType), RFC 4180 quoting, CRLF or LF line ends.
 */
import { InputError } from "../model/errors.js";
import type { RawTable } from "../model/schema.js";
import { columnFromRow, getschemaHeader, requireGetschemaHeader } from "./getschema-rows.js";
import type { SourceInput } from "./source.js";

interface CsvRow {
  readonly fields: string[];
  /** 1-based line the row starts on. */
  readonly line: number;
}

/**
 * Splits CSV text into rows of fields. Throws on an unterminated quote. Fields
 * are sliced out of the text (never built a character at a time), so a field
 * of megabytes costs what copying it costs.
 */
export function parseCsv(text: string, file: string, table?: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const n = text.length;
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let fieldStarted = false;
  const endRow = () => {
    if (!(fields.length === 1 && fields[0] === "" && !fieldStarted)) rows.push({ fields, line: rowLine });
    fields = [];
    fieldStarted = false;
  };
  /** Counts the line ends in text[from, to). */
  const countLines = (from: number, to: number) => {
    for (let k = text.indexOf("\n", from); k !== -1 && k < to; k = text.indexOf("\n", k + 1)) line++;
  };
  while (i <= n) {
    // At the start of a field.
    if (text.charCodeAt(i) === 34 /* " */) {
      fieldStarted = true;
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) {
          throw InputError.of({ file, table, at: `line ${rowLine}` }, "unterminated quoted field: expected a closing '\"'");
        }
        parts.push(text.slice(from, q));
        countLines(from, q);
        if (text.charCodeAt(q + 1) === 34) {
          parts.push('"');
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // Text after the closing quote up to the separator belongs to the field (as the old reader kept it).
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10 || c === 13) break;
        end++;
      }
      if (end > i) parts.push(text.slice(i, end));
      fields.push(parts.join(""));
      i = end;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10 || c === 13) break;
        end++;
      }
      if (end > i) fieldStarted = true;
      fields.push(text.slice(i, end));
      i = end;
    }
    if (i >= n) {
      if (fieldStarted || fields.length > 1) endRow();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === 44) {
      fieldStarted = true;
      i++;
      if (i === n) {
        fields.push("");
        endRow();
        break;
      }
      continue;
    }
    // A line end.
    endRow();
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    rowLine = line;
    if (i >= n) break;
  }
  return rows;
}

export function readCsv(input: SourceInput): RawTable {
  const { file } = input;
  const rows = parseCsv(input.text, file, input.nameFromFile);
  if (rows.length === 0) {
    throw InputError.of({ file, table: input.nameFromFile }, "the file is empty: expected a CSV header (ColumnName,ColumnType,...) and one row per column");
  }
  const [head, ...body] = rows as [CsvRow, ...CsvRow[]];
  const header = getschemaHeader(head.fields);
  requireGetschemaHeader(header, file, "the CSV header", head.fields);
  const columns = body.map((row) => {
    const at = `line ${row.line}`;
    if (row.fields.length !== head.fields.length) {
      throw InputError.of(
        { file, table: input.nameFromFile, column: row.fields[header.get("ColumnName")!], at },
        `row has ${row.fields.length} fields: expected ${head.fields.length}, as the header has`,
      );
    }
    return columnFromRow(row.fields, header, at);
  });
  return { file, name: input.nameFromFile, nameFrom: "file name", columns };
}
