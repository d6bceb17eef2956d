export { diffFails, diffSchemas, FAIL_ON, type ChangeKind, type FailOn, type SchemaChange, type SchemaDiff, type Severity } from "./diff.js";
export { formatDiffJson, formatDiffText } from "./format.js";
