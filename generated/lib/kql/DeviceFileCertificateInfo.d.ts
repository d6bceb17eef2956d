import { type TableQuery } from "../runtime/query.js";
import type { DeviceFileCertificateInfo } from "../tables/DeviceFileCertificateInfo.js";
/** The Kusto type of each column of DeviceFileCertificateInfo. */
declare const columns: {
    readonly Timestamp: "datetime";
    readonly DeviceId: "string";
    readonly DeviceName: "string";
    readonly SHA1: "string";
    readonly IsSigned: "bool";
    readonly SignatureType: "string";
    readonly Signer: "string";
    readonly SignerHash: "string";
    readonly Issuer: "string";
    readonly IssuerHash: "string";
    readonly CertificateSerialNumber: "string";
    readonly CrlDistributionPointUrls: "string";
    readonly CertificateCreationTime: "datetime";
    readonly CertificateExpirationTime: "datetime";
    readonly CertificateCountersignatureTime: "datetime";
    readonly IsTrusted: "bool";
    readonly IsRootSignerMicrosoft: "bool";
    readonly ReportId: "long";
};
/**
 * The table DeviceFileCertificateInfo as the start of a typed KQL query: `DeviceFileCertificateInfoKql.where(...).project(...)`.
 * `DeviceFileCertificateInfoKql.col["Timestamp"]` is a typed column reference; the row type follows the query.
 */
export declare const DeviceFileCertificateInfoKql: TableQuery<DeviceFileCertificateInfo, typeof columns>;
export {};
