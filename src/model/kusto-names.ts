/**
 * Kusto names in KQL text. There is one quoting function: the query helpers'
 * `quoteIdentifier` (templates/runtime/literals.ts), which every generated package
 * carries and which is tested against Kusto's own parser. kqlgen's own queries
 * (pull's `<Table> | getschema`) go through that very code.
 */
import { quoteIdentifier } from "../../templates/runtime/literals.js";

export { quoteIdentifier };

/** Whether `name` can be written bare in KQL (a plain identifier that is not a keyword). */
export function isBareKustoName(name: string): boolean {
  return quoteIdentifier(name) === name;
}
