type SchemaValidator = ((data: unknown) => boolean) & {
    errors?: {
        instancePath: string;
        message?: string;
        data?: unknown;
    }[] | null;
};
export declare const validate_GoldenEveryType_Tags: SchemaValidator;
export {};
