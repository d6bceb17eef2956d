// Misspelled and missing columns: each marked line must fail to compile with the error noted above it.
import { ago, DeviceProcessEventsKql as P, type RowOf } from "../index.js";

// @error TS2345 Argument of type '"FileNme"' is not assignable to parameter of type
P.where("FileNme", "==", "cmd.exe");
// @error TS2551 Property 'FileNme' does not exist on type 'Columns<
P.where((c) => c.FileNme.eq("cmd.exe"));
// @error TS2769 No overload matches this call.
P.project("Timestmp");
const q = P.project("FileName", "Timestamp");
// @error TS2345 Argument of type '"DeviceName"' is not assignable to parameter of type 'ColumnName<{ FileName: Field<"string", string>; Timestamp: Field<"datetime", string>; }>'
q.where("DeviceName", "==", "x");
// @error TS2339 Property 'DeviceName' does not exist on type
export const name = (row: RowOf<typeof q>) => row.DeviceName;
// @error TS2345 Argument of type '"Runs"' is not assignable to parameter of type 'OrderKey<
P.summarize((c, a) => ({ N: a.count() }), ["AccountName"]).orderBy("Runs");
// @error TS2345 Argument of type '"FileName"' is not assignable to parameter of type '"Count"'
P.where("Timestamp", ">", ago("1h")).count().where("FileName", "==", "x");
