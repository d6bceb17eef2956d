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

/** Splits CSV text into rows of fields. Throws on an unterminated quote. */
export function parseCsv(text: string, file: string, table?: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "" && !fieldStarted)) rows.push({ fields, line: rowLine });
    fields = [];
    field = "";
    fieldStarted = false;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === "\n") line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
      fieldStarted = true;
      i++;
    } else if (ch === "\r" || ch === "\n") {
      endRow();
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw InputError.of({ file, table, at: `line ${rowLine}` }, "unterminated quoted field: expected a closing '\"'");
  if (field !== "" || fields.length > 0 || fieldStarted) endRow();
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
