import type { RowValidator, ValidationError } from "../runtime/validation.js";
/** A row of the Kusto table CloudAppEvents (defender-advanced-hunting), as JSON. */
export interface CloudAppEvents {
    /** Kusto type `datetime`, may be null; column 0. */
    Timestamp: string | null;
    /** Kusto type `string`; column 1. */
    ActionType: string;
    /** Kusto type `string`; column 2. */
    Application: string;
    /** Kusto type `int`, may be null; column 3. */
    ApplicationId: number | null;
    /** Kusto type `int`, may be null; column 4. */
    AppInstanceId: number | null;
    /** Kusto type `string`; column 5. */
    AccountObjectId: string;
    /** Kusto type `string`; column 6. */
    AccountId: string;
    /** Kusto type `string`; column 7. */
    AccountDisplayName: string;
    /** Kusto type `bool`, may be null; column 8. */
    IsAdminOperation: boolean | null;
    /** Kusto type `string`; column 9. */
    DeviceType: string;
    /** Kusto type `string`; column 10. */
    OSPlatform: string;
    /** Kusto type `string`; column 11. */
    IPAddress: string;
    /** Kusto type `bool`, may be null; column 12. */
    IsAnonymousProxy: boolean | null;
    /** Kusto type `string`; column 13. */
    CountryCode: string;
    /** Kusto type `string`; column 14. */
    City: string;
    /** Kusto type `string`; column 15. */
    Isp: string;
    /** Kusto type `string`; column 16. */
    UserAgent: string;
    /** Kusto type `string`; column 17. */
    ActivityType: string;
    /** Kusto type `dynamic`, may be null; column 18. */
    ActivityObjects: {
        Type: string;
        Name: string;
        Id?: string;
        Role?: string;
    }[] | null;
    /** Kusto type `string`; column 19. */
    ObjectName: string;
    /** Kusto type `string`; column 20. */
    ObjectType: string;
    /** Kusto type `string`; column 21. */
    ObjectId: string;
    /** Kusto type `string`; column 22. */
    ReportId: string;
    /** Kusto type `string`; column 23. */
    AccountType: string;
    /** Kusto type `bool`, may be null; column 24. */
    IsExternalUser: boolean | null;
    /** Kusto type `bool`, may be null; column 25. */
    IsImpersonated: boolean | null;
    /** Kusto type `dynamic`, may be null; column 26. */
    IPTags: string[] | null;
    /** Kusto type `string`; column 27. */
    IPCategory: string;
    /** Kusto type `dynamic`, may be null; column 28. */
    UserAgentTags: unknown;
    /** Kusto type `dynamic`, may be null; column 29. */
    RawEventData: unknown;
    /** Kusto type `dynamic`, may be null; column 30. */
    AdditionalFields: unknown;
    /** Kusto type `dynamic`, may be null; column 31. */
    LastSeenForUser: unknown;
    /** Kusto type `dynamic`, may be null; column 32. */
    UncommonForUser: unknown;
    /** Kusto type `string`; column 33. */
    AuditSource: string;
    /** Kusto type `dynamic`, may be null; column 34. */
    SessionData: unknown;
    /** Kusto type `string`; column 35. */
    OAuthAppId: string;
}
/** The table CloudAppEvents: its columns in ordinal order, with their Kusto types. */
export declare const CloudAppEventsTable: {
    readonly name: "CloudAppEvents";
    readonly platform: "defender-advanced-hunting";
    readonly columns: readonly [{
        readonly name: "Timestamp";
        readonly type: "datetime";
        readonly ordinal: 0;
        readonly nullable: true;
    }, {
        readonly name: "ActionType";
        readonly type: "string";
        readonly ordinal: 1;
        readonly nullable: false;
    }, {
        readonly name: "Application";
        readonly type: "string";
        readonly ordinal: 2;
        readonly nullable: false;
    }, {
        readonly name: "ApplicationId";
        readonly type: "int";
        readonly ordinal: 3;
        readonly nullable: true;
    }, {
        readonly name: "AppInstanceId";
        readonly type: "int";
        readonly ordinal: 4;
        readonly nullable: true;
    }, {
        readonly name: "AccountObjectId";
        readonly type: "string";
        readonly ordinal: 5;
        readonly nullable: false;
    }, {
        readonly name: "AccountId";
        readonly type: "string";
        readonly ordinal: 6;
        readonly nullable: false;
    }, {
        readonly name: "AccountDisplayName";
        readonly type: "string";
        readonly ordinal: 7;
        readonly nullable: false;
    }, {
        readonly name: "IsAdminOperation";
        readonly type: "bool";
        readonly ordinal: 8;
        readonly nullable: true;
    }, {
        readonly name: "DeviceType";
        readonly type: "string";
        readonly ordinal: 9;
        readonly nullable: false;
    }, {
        readonly name: "OSPlatform";
        readonly type: "string";
        readonly ordinal: 10;
        readonly nullable: false;
    }, {
        readonly name: "IPAddress";
        readonly type: "string";
        readonly ordinal: 11;
        readonly nullable: false;
    }, {
        readonly name: "IsAnonymousProxy";
        readonly type: "bool";
        readonly ordinal: 12;
        readonly nullable: true;
    }, {
        readonly name: "CountryCode";
        readonly type: "string";
        readonly ordinal: 13;
        readonly nullable: false;
    }, {
        readonly name: "City";
        readonly type: "string";
        readonly ordinal: 14;
        readonly nullable: false;
    }, {
        readonly name: "Isp";
        readonly type: "string";
        readonly ordinal: 15;
        readonly nullable: false;
    }, {
        readonly name: "UserAgent";
        readonly type: "string";
        readonly ordinal: 16;
        readonly nullable: false;
    }, {
        readonly name: "ActivityType";
        readonly type: "string";
        readonly ordinal: 17;
        readonly nullable: false;
    }, {
        readonly name: "ActivityObjects";
        readonly type: "dynamic";
        readonly ordinal: 18;
        readonly nullable: true;
    }, {
        readonly name: "ObjectName";
        readonly type: "string";
        readonly ordinal: 19;
        readonly nullable: false;
    }, {
        readonly name: "ObjectType";
        readonly type: "string";
        readonly ordinal: 20;
        readonly nullable: false;
    }, {
        readonly name: "ObjectId";
        readonly type: "string";
        readonly ordinal: 21;
        readonly nullable: false;
    }, {
        readonly name: "ReportId";
        readonly type: "string";
        readonly ordinal: 22;
        readonly nullable: false;
    }, {
        readonly name: "AccountType";
        readonly type: "string";
        readonly ordinal: 23;
        readonly nullable: false;
    }, {
        readonly name: "IsExternalUser";
        readonly type: "bool";
        readonly ordinal: 24;
        readonly nullable: true;
    }, {
        readonly name: "IsImpersonated";
        readonly type: "bool";
        readonly ordinal: 25;
        readonly nullable: true;
    }, {
        readonly name: "IPTags";
        readonly type: "dynamic";
        readonly ordinal: 26;
        readonly nullable: true;
    }, {
        readonly name: "IPCategory";
        readonly type: "string";
        readonly ordinal: 27;
        readonly nullable: false;
    }, {
        readonly name: "UserAgentTags";
        readonly type: "dynamic";
        readonly ordinal: 28;
        readonly nullable: true;
    }, {
        readonly name: "RawEventData";
        readonly type: "dynamic";
        readonly ordinal: 29;
        readonly nullable: true;
    }, {
        readonly name: "AdditionalFields";
        readonly type: "dynamic";
        readonly ordinal: 30;
        readonly nullable: true;
    }, {
        readonly name: "LastSeenForUser";
        readonly type: "dynamic";
        readonly ordinal: 31;
        readonly nullable: true;
    }, {
        readonly name: "UncommonForUser";
        readonly type: "dynamic";
        readonly ordinal: 32;
        readonly nullable: true;
    }, {
        readonly name: "AuditSource";
        readonly type: "string";
        readonly ordinal: 33;
        readonly nullable: false;
    }, {
        readonly name: "SessionData";
        readonly type: "dynamic";
        readonly ordinal: 34;
        readonly nullable: true;
    }, {
        readonly name: "OAuthAppId";
        readonly type: "string";
        readonly ordinal: 35;
        readonly nullable: false;
    }];
};
/**
 * The straight-line check of a CloudAppEvents row: the index of the first invalid column at or after `from`, or -1.
 * Earlier columns are checked again but not reported, so the validator resumes after an error at no cost to valid rows.
 */
export declare function firstInvalidCloudAppEvents(row: Record<string, unknown>, from: number): number;
/** Adds the errors of a CloudAppEvents row, with paths under `base`; undefined when the row is valid. Used by the stream parser. */
export declare function checkCloudAppEvents(row: Record<string, unknown>, base: string, errors: ValidationError[] | undefined, all?: boolean): ValidationError[] | undefined;
/**
 * Validates a CloudAppEvents row: the typed row, or every error (only the first with `{ allErrors: false }`)
 * with its JSON Pointer, expected Kusto type, what was found and a readable message. Also a Standard Schema (`~standard`). Columns the table does not know are accepted and listed in `unknownColumns`.
 */
export declare const validateCloudAppEvents: RowValidator<CloudAppEvents>;
/** Whether a value is a valid CloudAppEvents row (stops at the first invalid column). */
export declare function isCloudAppEvents(value: unknown): value is CloudAppEvents;
