// Comparisons of mismatched types: each marked line must fail to compile with the error noted above it.
import { ago, DeviceProcessEventsKql as P, lit } from "../index.js";

// @error TS2345 Argument of type 'number' is not assignable to parameter of type 'TextOperand'
P.where("FileName", "has", 5);
// @error TS2345 Argument of type '"big"' is not assignable to parameter of type 'Operand<"long"> | null'
P.where("FileSize", "==", "big");
// @error TS2345 Argument of type 'number' is not assignable to parameter of type 'Operand<"datetime">'
P.where("Timestamp", ">", 5);
// @error TS2345 Argument of type '">"' is not assignable to parameter of type 'EqualityOp | StringOp'
P.where("FileName", ">", "a");
// @error TS2345 Argument of type '"has"' is not assignable to parameter of type 'EqualityOp | OrderedOp'
P.where("FileSize", "has", "1");
// @error TS2339 Property 'gt' does not exist on type 'StringExpr<string>'
P.where((c) => c.FileName.gt("a"));
// @error TS2345 Argument of type 'OrderedExpr<"datetime", string>' is not assignable to parameter of type 'Operand<"string"> | null'
P.where((c) => c.FileName.eq(c.Timestamp));
// @error TS2345 Argument of type 'StringExpr<string>' is not assignable to parameter of type 'Operand<"long">'
P.where((c) => c.ProcessId.gt(c.FileName));
// @error TS2322 Type 'StringExpr<string>' is not assignable to type 'Predicate'
P.where((c) => c.FileName);
// @error TS2322 Type 'string' is not assignable to type 'Operand<"long">'
P.where("ProcessId", "in", [1, "2"]);
// @error TS2322 Type 'OrderedExpr<"datetime", string>' is not assignable to type 'Operand<"long">'
P.where("FileSize", "between", [1, ago("1d")]);
// @error TS2345 Argument of type 'OrderedExpr<"long", number>' is not assignable to parameter of type 'Operand<"string"> | null'
P.where("FileName", "==", lit.long(5));
