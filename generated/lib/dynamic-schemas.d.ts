type SchemaValidator = ((data: unknown) => boolean) & {
    errors?: {
        instancePath: string;
        message?: string;
        data?: unknown;
    }[] | null;
};
export declare const validate_CloudAppEvents_ActivityObjects: SchemaValidator;
export declare const validate_CloudAppEvents_IPTags: SchemaValidator;
export {};
