export type { ColumnInfo, Invalid, KustoType, TableInfo, Valid, ValidationError, ValidationResult, } from "./runtime/validation.js";
export type { RecordError, StreamParseResult, UnknownCategory, UnknownColumn } from "./runtime/stream.js";
export { isKustoDatetime, isKustoGuid, isKustoTimespan, isKustoDecimal } from "./runtime/formats.js";
export { GoldenAlertTable, validateGoldenAlert, isGoldenAlert } from "./tables/GoldenAlert.js";
export type { GoldenAlert } from "./tables/GoldenAlert.js";
export { GoldenEveryTypeTable, validateGoldenEveryType, isGoldenEveryType } from "./tables/GoldenEveryType.js";
export type { GoldenEveryType } from "./tables/GoldenEveryType.js";
export { GoldenOddNamesTable, validateGoldenOddNames, isGoldenOddNames } from "./tables/GoldenOddNames.js";
export type { GoldenOddNames } from "./tables/GoldenOddNames.js";
export { GoldenProcessTable, validateGoldenProcess, isGoldenProcess } from "./tables/GoldenProcess.js";
export type { GoldenProcess } from "./tables/GoldenProcess.js";
export { KqlBuildError, KqlResultError, KqlText, KqlValueError, boolLiteral, datetimeLiteral, decimalLiteral, dynamicLiteral, guidLiteral, ident, intLiteral, kql, literalWriters, longLiteral, obfuscatedStringLiteral, quoteIdentifier, quoteKqlString, realLiteral, stringLiteral, timespanLiteral, trustedKql, } from "./runtime/literals.js";
export { Query, agg, ago, fn, kqlTable, lit, now } from "./runtime/query.js";
export type { Agg, AnyExpr, BoolExpr, Columns, DynamicExpr, Expr, ExprOf, Field, Fields, KqlTable, KustoInputs, KustoTypesOf, KustoValues, LongMode, Operand, OrderedExpr, Predicate, ResultColumn, RowOf, ScalarExpr, StringExpr, TableQuery, } from "./runtime/query.js";
export { runQuery } from "./runtime/run-query.js";
export type { LogsQueryClientLike, QueryResult, QueryTimeInterval, RunQueryOptions } from "./runtime/run-query.js";
export { GoldenAlertKql } from "./kql/GoldenAlert.js";
export { GoldenEveryTypeKql } from "./kql/GoldenEveryType.js";
export { GoldenOddNamesKql } from "./kql/GoldenOddNames.js";
export { GoldenProcessKql } from "./kql/GoldenProcess.js";
export * from "./stream.js";
import { GoldenAlertTable } from "./tables/GoldenAlert.js";
import { GoldenEveryTypeTable } from "./tables/GoldenEveryType.js";
import { GoldenOddNamesTable } from "./tables/GoldenOddNames.js";
import { GoldenProcessTable } from "./tables/GoldenProcess.js";
/** Every table of the package, sorted by name. */
export declare const tables: readonly [
    typeof GoldenAlertTable,
    typeof GoldenEveryTypeTable,
    typeof GoldenOddNamesTable,
    typeof GoldenProcessTable
];
