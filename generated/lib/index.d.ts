export type { ColumnInfo, Invalid, KustoType, TableInfo, Valid, ValidationError, ValidationResult, } from "./runtime/validation.js";
export type { RecordError, StreamParseResult, UnknownCategory, UnknownColumn } from "./runtime/stream.js";
export { isKustoDatetime, isKustoGuid, isKustoTimespan, isKustoDecimal } from "./runtime/formats.js";
export { AlertEvidenceTable, validateAlertEvidence, isAlertEvidence } from "./tables/AlertEvidence.js";
export type { AlertEvidence } from "./tables/AlertEvidence.js";
export { AlertInfoTable, validateAlertInfo, isAlertInfo } from "./tables/AlertInfo.js";
export type { AlertInfo } from "./tables/AlertInfo.js";
export { CloudAppEventsTable, validateCloudAppEvents, isCloudAppEvents } from "./tables/CloudAppEvents.js";
export type { CloudAppEvents } from "./tables/CloudAppEvents.js";
export { DeviceEventsTable, validateDeviceEvents, isDeviceEvents } from "./tables/DeviceEvents.js";
export type { DeviceEvents } from "./tables/DeviceEvents.js";
export { DeviceFileCertificateInfoTable, validateDeviceFileCertificateInfo, isDeviceFileCertificateInfo, } from "./tables/DeviceFileCertificateInfo.js";
export type { DeviceFileCertificateInfo } from "./tables/DeviceFileCertificateInfo.js";
export { DeviceFileEventsTable, validateDeviceFileEvents, isDeviceFileEvents } from "./tables/DeviceFileEvents.js";
export type { DeviceFileEvents } from "./tables/DeviceFileEvents.js";
export { DeviceImageLoadEventsTable, validateDeviceImageLoadEvents, isDeviceImageLoadEvents, } from "./tables/DeviceImageLoadEvents.js";
export type { DeviceImageLoadEvents } from "./tables/DeviceImageLoadEvents.js";
export { DeviceInfoTable, validateDeviceInfo, isDeviceInfo } from "./tables/DeviceInfo.js";
export type { DeviceInfo } from "./tables/DeviceInfo.js";
export { DeviceLogonEventsTable, validateDeviceLogonEvents, isDeviceLogonEvents } from "./tables/DeviceLogonEvents.js";
export type { DeviceLogonEvents } from "./tables/DeviceLogonEvents.js";
export { DeviceNetworkEventsTable, validateDeviceNetworkEvents, isDeviceNetworkEvents, } from "./tables/DeviceNetworkEvents.js";
export type { DeviceNetworkEvents } from "./tables/DeviceNetworkEvents.js";
export { DeviceNetworkInfoTable, validateDeviceNetworkInfo, isDeviceNetworkInfo } from "./tables/DeviceNetworkInfo.js";
export type { DeviceNetworkInfo } from "./tables/DeviceNetworkInfo.js";
export { DeviceProcessEventsTable, validateDeviceProcessEvents, isDeviceProcessEvents, } from "./tables/DeviceProcessEvents.js";
export type { DeviceProcessEvents } from "./tables/DeviceProcessEvents.js";
export { DeviceRegistryEventsTable, validateDeviceRegistryEvents, isDeviceRegistryEvents, } from "./tables/DeviceRegistryEvents.js";
export type { DeviceRegistryEvents } from "./tables/DeviceRegistryEvents.js";
export { DeviceTvmSecureConfigurationAssessmentTable, validateDeviceTvmSecureConfigurationAssessment, isDeviceTvmSecureConfigurationAssessment, } from "./tables/DeviceTvmSecureConfigurationAssessment.js";
export type { DeviceTvmSecureConfigurationAssessment } from "./tables/DeviceTvmSecureConfigurationAssessment.js";
export { KqlgenAllTypesTable, validateKqlgenAllTypes, isKqlgenAllTypes } from "./tables/KqlgenAllTypes.js";
export type { KqlgenAllTypes } from "./tables/KqlgenAllTypes.js";
export { KqlgenAwkwardNamesTable, validateKqlgenAwkwardNames, isKqlgenAwkwardNames, } from "./tables/KqlgenAwkwardNames.js";
export type { KqlgenAwkwardNames } from "./tables/KqlgenAwkwardNames.js";
export { KqlgenDataTypeOnlyTable, validateKqlgenDataTypeOnly, isKqlgenDataTypeOnly, } from "./tables/KqlgenDataTypeOnly.js";
export type { KqlgenDataTypeOnly } from "./tables/KqlgenDataTypeOnly.js";
export { KqlgenTypeAliasesTable, validateKqlgenTypeAliases, isKqlgenTypeAliases } from "./tables/KqlgenTypeAliases.js";
export type { KqlgenTypeAliases } from "./tables/KqlgenTypeAliases.js";
export { KqlBuildError, KqlResultError, KqlText, KqlValueError, boolLiteral, datetimeLiteral, decimalLiteral, dynamicLiteral, guidLiteral, ident, intLiteral, kql, literalWriters, longLiteral, obfuscatedStringLiteral, quoteIdentifier, quoteKqlString, realLiteral, stringLiteral, timespanLiteral, trustedKql, } from "./runtime/literals.js";
export { Query, agg, ago, fn, kqlTable, lit, now } from "./runtime/query.js";
export type { Agg, AnyExpr, BoolExpr, Columns, DynamicExpr, Expr, ExprOf, Field, Fields, KqlTable, KustoInputs, KustoTypesOf, KustoValues, LongMode, Operand, OrderedExpr, Predicate, ResultColumn, RowOf, ScalarExpr, StringExpr, TableQuery, } from "./runtime/query.js";
export { runQuery } from "./runtime/run-query.js";
export type { LogsQueryClientLike, QueryResult, QueryTimeInterval, RunQueryOptions } from "./runtime/run-query.js";
export { AlertEvidenceKql } from "./kql/AlertEvidence.js";
export { AlertInfoKql } from "./kql/AlertInfo.js";
export { CloudAppEventsKql } from "./kql/CloudAppEvents.js";
export { DeviceEventsKql } from "./kql/DeviceEvents.js";
export { DeviceFileCertificateInfoKql } from "./kql/DeviceFileCertificateInfo.js";
export { DeviceFileEventsKql } from "./kql/DeviceFileEvents.js";
export { DeviceImageLoadEventsKql } from "./kql/DeviceImageLoadEvents.js";
export { DeviceInfoKql } from "./kql/DeviceInfo.js";
export { DeviceLogonEventsKql } from "./kql/DeviceLogonEvents.js";
export { DeviceNetworkEventsKql } from "./kql/DeviceNetworkEvents.js";
export { DeviceNetworkInfoKql } from "./kql/DeviceNetworkInfo.js";
export { DeviceProcessEventsKql } from "./kql/DeviceProcessEvents.js";
export { DeviceRegistryEventsKql } from "./kql/DeviceRegistryEvents.js";
export { DeviceTvmSecureConfigurationAssessmentKql } from "./kql/DeviceTvmSecureConfigurationAssessment.js";
export { KqlgenAllTypesKql } from "./kql/KqlgenAllTypes.js";
export { KqlgenAwkwardNamesKql } from "./kql/KqlgenAwkwardNames.js";
export { KqlgenDataTypeOnlyKql } from "./kql/KqlgenDataTypeOnly.js";
export { KqlgenTypeAliasesKql } from "./kql/KqlgenTypeAliases.js";
export * from "./stream.js";
import { AlertEvidenceTable } from "./tables/AlertEvidence.js";
import { AlertInfoTable } from "./tables/AlertInfo.js";
import { CloudAppEventsTable } from "./tables/CloudAppEvents.js";
import { DeviceEventsTable } from "./tables/DeviceEvents.js";
import { DeviceFileCertificateInfoTable } from "./tables/DeviceFileCertificateInfo.js";
import { DeviceFileEventsTable } from "./tables/DeviceFileEvents.js";
import { DeviceImageLoadEventsTable } from "./tables/DeviceImageLoadEvents.js";
import { DeviceInfoTable } from "./tables/DeviceInfo.js";
import { DeviceLogonEventsTable } from "./tables/DeviceLogonEvents.js";
import { DeviceNetworkEventsTable } from "./tables/DeviceNetworkEvents.js";
import { DeviceNetworkInfoTable } from "./tables/DeviceNetworkInfo.js";
import { DeviceProcessEventsTable } from "./tables/DeviceProcessEvents.js";
import { DeviceRegistryEventsTable } from "./tables/DeviceRegistryEvents.js";
import { DeviceTvmSecureConfigurationAssessmentTable } from "./tables/DeviceTvmSecureConfigurationAssessment.js";
import { KqlgenAllTypesTable } from "./tables/KqlgenAllTypes.js";
import { KqlgenAwkwardNamesTable } from "./tables/KqlgenAwkwardNames.js";
import { KqlgenDataTypeOnlyTable } from "./tables/KqlgenDataTypeOnly.js";
import { KqlgenTypeAliasesTable } from "./tables/KqlgenTypeAliases.js";
/** Every table of the package, sorted by name. */
export declare const tables: readonly [
    typeof AlertEvidenceTable,
    typeof AlertInfoTable,
    typeof CloudAppEventsTable,
    typeof DeviceEventsTable,
    typeof DeviceFileCertificateInfoTable,
    typeof DeviceFileEventsTable,
    typeof DeviceImageLoadEventsTable,
    typeof DeviceInfoTable,
    typeof DeviceLogonEventsTable,
    typeof DeviceNetworkEventsTable,
    typeof DeviceNetworkInfoTable,
    typeof DeviceProcessEventsTable,
    typeof DeviceRegistryEventsTable,
    typeof DeviceTvmSecureConfigurationAssessmentTable,
    typeof KqlgenAllTypesTable,
    typeof KqlgenAwkwardNamesTable,
    typeof KqlgenDataTypeOnlyTable,
    typeof KqlgenTypeAliasesTable
];
