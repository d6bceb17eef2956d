import type { StreamParseResult, StreamTable } from "./runtime/stream.js";
import type { AlertEvidence } from "./tables/AlertEvidence.js";
import type { AlertInfo } from "./tables/AlertInfo.js";
import type { CloudAppEvents } from "./tables/CloudAppEvents.js";
import type { DeviceEvents } from "./tables/DeviceEvents.js";
import type { DeviceFileCertificateInfo } from "./tables/DeviceFileCertificateInfo.js";
import type { DeviceFileEvents } from "./tables/DeviceFileEvents.js";
import type { DeviceImageLoadEvents } from "./tables/DeviceImageLoadEvents.js";
import type { DeviceInfo } from "./tables/DeviceInfo.js";
import type { DeviceLogonEvents } from "./tables/DeviceLogonEvents.js";
import type { DeviceNetworkEvents } from "./tables/DeviceNetworkEvents.js";
import type { DeviceNetworkInfo } from "./tables/DeviceNetworkInfo.js";
import type { DeviceProcessEvents } from "./tables/DeviceProcessEvents.js";
import type { DeviceRegistryEvents } from "./tables/DeviceRegistryEvents.js";
import type { DeviceTvmSecureConfigurationAssessment } from "./tables/DeviceTvmSecureConfigurationAssessment.js";
import type { KqlgenAllTypes } from "./tables/KqlgenAllTypes.js";
import type { KqlgenAwkwardNames } from "./tables/KqlgenAwkwardNames.js";
import type { KqlgenDataTypeOnly } from "./tables/KqlgenDataTypeOnly.js";
import type { KqlgenTypeAliases } from "./tables/KqlgenTypeAliases.js";
/** The properties of a streamed AlertEvidence event: a row, plus the MachineGroup the stream adds. */
export type AlertEvidenceEvent = AlertEvidence & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-AlertEvidence. */
export interface AlertEvidenceRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-AlertEvidence";
    properties: AlertEvidenceEvent;
}
/** The properties of a streamed AlertInfo event: a row, plus the MachineGroup the stream adds. */
export type AlertInfoEvent = AlertInfo & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-AlertInfo. */
export interface AlertInfoRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-AlertInfo";
    properties: AlertInfoEvent;
}
/** The properties of a streamed CloudAppEvents event: a row, plus the MachineGroup the stream adds. */
export type CloudAppEventsEvent = CloudAppEvents & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-CloudAppEvents. */
export interface CloudAppEventsRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-CloudAppEvents";
    properties: CloudAppEventsEvent;
}
/** The properties of a streamed DeviceEvents event: a row, plus the MachineGroup the stream adds. */
export type DeviceEventsEvent = DeviceEvents & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-DeviceEvents. */
export interface DeviceEventsRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-DeviceEvents";
    properties: DeviceEventsEvent;
}
/** The properties of a streamed DeviceFileCertificateInfo event: a row, plus the MachineGroup the stream adds. */
export type DeviceFileCertificateInfoEvent = DeviceFileCertificateInfo & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-DeviceFileCertificateInfo. */
export interface DeviceFileCertificateInfoRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-DeviceFileCertificateInfo";
    properties: DeviceFileCertificateInfoEvent;
}
/** The properties of a streamed DeviceFileEvents event: a row, plus the MachineGroup the stream adds. */
export type DeviceFileEventsEvent = DeviceFileEvents & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-DeviceFileEvents. */
export interface DeviceFileEventsRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-DeviceFileEvents";
    properties: DeviceFileEventsEvent;
}
/** The properties of a streamed DeviceImageLoadEvents event: a row, plus the MachineGroup the stream adds. */
export type DeviceImageLoadEventsEvent = DeviceImageLoadEvents & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-DeviceImageLoadEvents. */
export interface DeviceImageLoadEventsRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-DeviceImageLoadEvents";
    properties: DeviceImageLoadEventsEvent;
}
/** The properties of a streamed DeviceInfo event: a row. */
export type DeviceInfoEvent = DeviceInfo;
/** A streamed record of category AdvancedHunting-DeviceInfo. */
export interface DeviceInfoRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-DeviceInfo";
    properties: DeviceInfoEvent;
}
/** The properties of a streamed DeviceLogonEvents event: a row, plus the MachineGroup the stream adds. */
export type DeviceLogonEventsEvent = DeviceLogonEvents & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-DeviceLogonEvents. */
export interface DeviceLogonEventsRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-DeviceLogonEvents";
    properties: DeviceLogonEventsEvent;
}
/** The properties of a streamed DeviceNetworkEvents event: a row, plus the MachineGroup the stream adds. */
export type DeviceNetworkEventsEvent = DeviceNetworkEvents & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-DeviceNetworkEvents. */
export interface DeviceNetworkEventsRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-DeviceNetworkEvents";
    properties: DeviceNetworkEventsEvent;
}
/** The properties of a streamed DeviceNetworkInfo event: a row, plus the MachineGroup the stream adds. */
export type DeviceNetworkInfoEvent = DeviceNetworkInfo & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-DeviceNetworkInfo. */
export interface DeviceNetworkInfoRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-DeviceNetworkInfo";
    properties: DeviceNetworkInfoEvent;
}
/** The properties of a streamed DeviceProcessEvents event: a row, plus the MachineGroup the stream adds. */
export type DeviceProcessEventsEvent = DeviceProcessEvents & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-DeviceProcessEvents. */
export interface DeviceProcessEventsRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-DeviceProcessEvents";
    properties: DeviceProcessEventsEvent;
}
/** The properties of a streamed DeviceRegistryEvents event: a row, plus the MachineGroup the stream adds. */
export type DeviceRegistryEventsEvent = DeviceRegistryEvents & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-DeviceRegistryEvents. */
export interface DeviceRegistryEventsRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-DeviceRegistryEvents";
    properties: DeviceRegistryEventsEvent;
}
/** The properties of a streamed DeviceTvmSecureConfigurationAssessment event: a row, plus the MachineGroup the stream adds. */
export type DeviceTvmSecureConfigurationAssessmentEvent = DeviceTvmSecureConfigurationAssessment & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-DeviceTvmSecureConfigurationAssessment. */
export interface DeviceTvmSecureConfigurationAssessmentRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-DeviceTvmSecureConfigurationAssessment";
    properties: DeviceTvmSecureConfigurationAssessmentEvent;
}
/** The properties of a streamed KqlgenAllTypes event: a row, plus the MachineGroup the stream adds. */
export type KqlgenAllTypesEvent = KqlgenAllTypes & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-KqlgenAllTypes. */
export interface KqlgenAllTypesRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-KqlgenAllTypes";
    properties: KqlgenAllTypesEvent;
}
/** The properties of a streamed KqlgenAwkwardNames event: a row, plus the MachineGroup the stream adds. */
export type KqlgenAwkwardNamesEvent = KqlgenAwkwardNames & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-KqlgenAwkwardNames. */
export interface KqlgenAwkwardNamesRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-KqlgenAwkwardNames";
    properties: KqlgenAwkwardNamesEvent;
}
/** The properties of a streamed KqlgenDataTypeOnly event: a row, plus the MachineGroup the stream adds. */
export type KqlgenDataTypeOnlyEvent = KqlgenDataTypeOnly & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-KqlgenDataTypeOnly. */
export interface KqlgenDataTypeOnlyRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-KqlgenDataTypeOnly";
    properties: KqlgenDataTypeOnlyEvent;
}
/** The properties of a streamed KqlgenTypeAliases event: a row, plus the MachineGroup the stream adds. */
export type KqlgenTypeAliasesEvent = KqlgenTypeAliases & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-KqlgenTypeAliases. */
export interface KqlgenTypeAliasesRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-KqlgenTypeAliases";
    properties: KqlgenTypeAliasesEvent;
}
/** Any streamed record this package knows, discriminated by `category`. */
export type StreamRecord = AlertEvidenceRecord | AlertInfoRecord | CloudAppEventsRecord | DeviceEventsRecord | DeviceFileCertificateInfoRecord | DeviceFileEventsRecord | DeviceImageLoadEventsRecord | DeviceInfoRecord | DeviceLogonEventsRecord | DeviceNetworkEventsRecord | DeviceNetworkInfoRecord | DeviceProcessEventsRecord | DeviceRegistryEventsRecord | DeviceTvmSecureConfigurationAssessmentRecord | KqlgenAllTypesRecord | KqlgenAwkwardNamesRecord | KqlgenDataTypeOnlyRecord | KqlgenTypeAliasesRecord;
export type Category = StreamRecord["category"];
/** The tables the stream parser knows, by category (for tools built on the runtime, such as `kqlgen validate`). */
export declare const streamTables: ReadonlyMap<string, StreamTable>;
/**
 * Parses and validates one Event Hubs message body `{"records":[...]}` (text, bytes, or already parsed).
 * Returns the valid records typed by category, per-record errors, unknown categories and unknown columns.
 */
export declare function parseEventHubsMessage(body: string | Uint8Array | object): StreamParseResult<StreamRecord>;
/** Parses and validates a Storage blob of JSON lines (one record per line); errors carry the line number. */
export declare function parseStorageBlob(text: string | Uint8Array): StreamParseResult<StreamRecord>;
