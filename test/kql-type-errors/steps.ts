// Builder steps used with the wrong kind of value: each marked line must fail to compile with the error noted above it.
import { agg, DeviceProcessEventsKql as P, KqlgenAllTypesKql } from "../index.js";

// @error TS2322 Type 'Agg<"long", number>' is not assignable to type 'AnyExpr<KustoType>'
P.extend(() => ({ N: agg.count() }));
// @error TS2322 Type 'StringExpr<string>' is not assignable to type 'AnyAgg'
P.summarize((c) => ({ N: c.FileName }));
// @error TS2345 Argument of type 'StringExpr<string>' is not assignable to parameter of type 'AnyExpr<"timespan" | NumericType>'
P.summarize((c, a) => ({ S: a.sum(c.FileName) }));
// @error TS2345 Argument of type 'ScalarExpr<"guid", string | null>' is not assignable to parameter of type 'AnyExpr<OrderableType>'
KqlgenAllTypesKql.summarize((c, a) => ({ M: a.max(c.GuidCol) }));
// @error TS2345 Argument of type 'OrderedExpr<"datetime", string>' is not assignable to parameter of type 'TextOperand'
P.extend((c, f) => ({ L: f.tolower(c.Timestamp) }));
// @error TS2345 Argument of type 'string' is not assignable to parameter of type 'number'
P.extend((c, f) => ({ B: f.bin(c.FileSize, "1h") }));
// @error TS2345 Argument of type 'number' is not assignable to parameter of type 'SameType<"string">'
P.extend((c, f) => ({ X: f.coalesce(c.FileName, 5) }));
// @error TS2345 Argument of type '"sideways"' is not assignable to parameter of type
P.top(5, "Timestamp", "sideways");
// @error TS2555 Expected at least 1 arguments, but got 0.
P.project(...([] as []));
