import { type FirstInvalid, type KnownColumns, type ValidationError } from "./validation.js";
/** `category` is the table name behind this prefix. */
export declare const CATEGORY_PREFIX = "AdvancedHunting-";
/** The column the streaming API adds to every event's properties. */
export declare const DECORATION = "MachineGroup";
/** An error in one record, located by record index (Event Hubs) or line (Storage). */
export interface RecordError extends ValidationError {
    /** 0-based index of the record in the message's `records` array. */
    readonly record?: number;
    /** 1-based line of the blob. */
    readonly line?: number;
    /** The record's category, when it has a known one. */
    readonly category?: string;
}
export interface UnknownCategory {
    readonly category: string;
    /** How many records carried it. */
    readonly count: number;
}
export interface UnknownColumn {
    readonly table: string;
    readonly column: string;
    /** How many records carried it. */
    readonly count: number;
}
export interface StreamParseResult<R> {
    /** The valid records of known categories, in input order. */
    readonly records: R[];
    /** Per-record errors; a bad record never hides the good ones. */
    readonly errors: RecordError[];
    /** Records of categories this package does not know (skipped, not errors). */
    readonly unknownCategories: UnknownCategory[];
    /** Columns records carried that their table does not know (drift; not errors). */
    readonly unknownColumns: UnknownColumn[];
}
export type RowCheck = (row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined) => ValidationError[] | undefined;
export interface StreamTable {
    readonly table: string;
    /** The table's straight-line check (fast path: is the row valid?). */
    readonly firstInvalid: FirstInvalid;
    /** The table's error collector (slow path, for invalid rows). */
    readonly check: RowCheck;
    /** The table's columns, plus MachineGroup. */
    readonly known: KnownColumns;
    /** The table has no MachineGroup column of its own: the stream adds one. */
    readonly decorated: boolean;
    /** Unknown columns are errors (config `unknownColumns: "error"`). */
    readonly rejectUnknown: boolean;
    /** Check the envelope's `time` format too (config `mapping.formats`). */
    readonly formats: boolean;
    /** Long columns read as bigint: converted once a record is valid. */
    readonly bigint: readonly string[];
}
export declare function streamTable(table: string, firstInvalid: FirstInvalid, check: RowCheck, columns: readonly {
    readonly name: string;
}[], options?: {
    readonly rejectUnknown?: boolean;
    readonly formats?: boolean;
    readonly bigint?: readonly string[];
}): StreamTable;
/** Receives what `checkStreamRecord` finds in one record. */
export interface RecordSink {
    /**
     * A record of a category the package knows: its table, its errors (undefined
     * when valid) and the columns it carries that the table does not know (drift).
     */
    knownRecord(rec: Record<string, unknown>, table: StreamTable, errors: ValidationError[] | undefined, unknown: readonly string[]): void;
    /** A record of a category no table of the package has (skipped, not an error). */
    unknownCategory(category: string): void;
    /** A value that is not a streamed record at all: not an object, or without a category. */
    notARecord(errors: ValidationError[]): void;
}
/**
 * Checks one streamed record `{time, tenantId, category, properties}` against
 * its table, with error paths starting at `base` (a function, so valid records
 * build no strings), and tells `sink` what it found. The Event Hubs and Storage
 * parsers below are built on it, one record at a time, and so is `kqlgen validate`.
 */
export declare function checkStreamRecord(rec: unknown, base: string | (() => string), tables: ReadonlyMap<string, StreamTable>, sink: RecordSink): void;
/**
 * Parses and validates one Event Hubs message body `{"records":[...]}`, given
 * as text, bytes or an already-parsed object.
 */
export declare function parseEventHubsBody(body: string | Uint8Array | object, tables: ReadonlyMap<string, StreamTable>): StreamParseResult<unknown>;
/** Parses and validates a Storage blob: one JSON record per line (blank lines are skipped). */
export declare function parseStorageBlobText(blob: string | Uint8Array, tables: ReadonlyMap<string, StreamTable>): StreamParseResult<unknown>;
