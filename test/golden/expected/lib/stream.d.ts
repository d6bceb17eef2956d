import type { StreamParseResult, StreamTable } from "./runtime/stream.js";
import type { GoldenAlert } from "./tables/GoldenAlert.js";
import type { GoldenEveryType } from "./tables/GoldenEveryType.js";
import type { GoldenOddNames } from "./tables/GoldenOddNames.js";
import type { GoldenProcess } from "./tables/GoldenProcess.js";
/** The properties of a streamed GoldenAlert event: a row, plus the MachineGroup the stream adds. */
export type GoldenAlertEvent = GoldenAlert & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-GoldenAlert. */
export interface GoldenAlertRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-GoldenAlert";
    properties: GoldenAlertEvent;
}
/** The properties of a streamed GoldenEveryType event: a row, plus the MachineGroup the stream adds. */
export type GoldenEveryTypeEvent = GoldenEveryType & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-GoldenEveryType. */
export interface GoldenEveryTypeRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-GoldenEveryType";
    properties: GoldenEveryTypeEvent;
}
/** The properties of a streamed GoldenOddNames event: a row, plus the MachineGroup the stream adds. */
export type GoldenOddNamesEvent = GoldenOddNames & {
    MachineGroup: string;
};
/** A streamed record of category AdvancedHunting-GoldenOddNames. */
export interface GoldenOddNamesRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-GoldenOddNames";
    properties: GoldenOddNamesEvent;
}
/** The properties of a streamed GoldenProcess event: a row. */
export type GoldenProcessEvent = GoldenProcess;
/** A streamed record of category AdvancedHunting-GoldenProcess. */
export interface GoldenProcessRecord {
    /** When Defender received the event (ISO 8601 UTC). */
    time: string;
    tenantId: string;
    category: "AdvancedHunting-GoldenProcess";
    properties: GoldenProcessEvent;
}
/** Any streamed record this package knows, discriminated by `category`. */
export type StreamRecord = GoldenAlertRecord | GoldenEveryTypeRecord | GoldenOddNamesRecord | GoldenProcessRecord;
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
