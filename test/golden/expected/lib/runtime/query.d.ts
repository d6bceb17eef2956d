import { KqlText, TRUSTED } from "./literals.js";
import type { KustoType } from "./validation.js";
/** The JSON value (not null) of each Kusto type, as rows carry it. */
export interface KustoValues {
    string: string;
    bool: boolean;
    int: number;
    long: number;
    real: number | "NaN" | "Infinity" | "-Infinity";
    decimal: string;
    datetime: string;
    timespan: string;
    guid: string;
    dynamic: unknown;
}
/** What a literal writer accepts for each Kusto type. */
export interface KustoInputs {
    string: string;
    bool: boolean;
    int: number;
    long: number | bigint;
    real: number | "NaN" | "Infinity" | "-Infinity";
    decimal: string | number | bigint;
    datetime: Date | string;
    timespan: string | number;
    guid: string;
    dynamic: unknown;
}
/** A computed column's row value: null is possible for every type but string. */
export type Computed<K extends KustoType> = K extends "string" ? string : K extends "dynamic" ? unknown : KustoValues[K] | null;
export type NumericType = "int" | "long" | "real" | "decimal";
export type OrderedType = NumericType | "datetime" | "timespan";
/** Types `min`/`max` accept. */
export type OrderableType = OrderedType | "string" | "bool";
/** Types compared with K: numbers with numbers, else the same type. */
export type ComparableType<K extends KustoType> = K extends NumericType ? NumericType : K;
declare const ROW: unique symbol;
/** A typed KQL expression: its Kusto type K and the TypeScript type T of its value in a row. */
export interface Expr<K extends KustoType = KustoType, T = unknown> extends KqlText {
    readonly kusto: K;
    /** @internal Type only: the row value's TypeScript type. */
    readonly [ROW]: T;
}
/** Any expression of one of the types K. */
export type AnyExpr<K extends KustoType = KustoType> = Expr<K, any>;
/** A boolean expression (a predicate). */
export type Predicate = AnyExpr<"bool">;
/** The right-hand side of a comparison with a K expression: a value or an expression. */
export type Operand<K extends KustoType> = KustoInputs[K] | AnyExpr<ComparableType<K>>;
/** A value or expression of exactly the type K (null: K's typed null, but for string). */
export type SameType<K extends KustoType> = KustoInputs[K] | AnyExpr<K> | (K extends "string" ? never : null);
/** Members every expression has. */
export interface ScalarExpr<K extends KustoType, T> extends Expr<K, T> {
    /** `x == v`; `isnull(x)` when v is null. */
    eq(value: Operand<K> | null): BoolExpr;
    /** `x != v`; `isnotnull(x)` when v is null. */
    ne(value: Operand<K> | null): BoolExpr;
    /** `x in (a, b, ...)`. */
    in(values: readonly Operand<K>[]): BoolExpr;
    /** `x !in (a, b, ...)`. */
    notIn(values: readonly Operand<K>[]): BoolExpr;
    isNull(): BoolExpr<boolean>;
    isNotNull(): BoolExpr<boolean>;
}
/** Numbers, datetimes and timespans: ordered comparisons and `between`. */
export interface OrderedExpr<K extends KustoType, T> extends ScalarExpr<K, T> {
    gt(value: Operand<K>): BoolExpr;
    ge(value: Operand<K>): BoolExpr;
    lt(value: Operand<K>): BoolExpr;
    le(value: Operand<K>): BoolExpr;
    /** `x between (low .. high)`, both ends included. */
    between(low: Operand<K>, high: Operand<K>): BoolExpr;
    notBetween(low: Operand<K>, high: Operand<K>): BoolExpr;
}
/** A string value or string expression (the right-hand side of string operators). */
export type TextOperand = string | AnyExpr<"string">;
export interface StringExpr<T = string> extends ScalarExpr<"string", T> {
    /** `=~`: equal, ignoring case. */
    eqCi(value: TextOperand): BoolExpr;
    /** `!~` */
    neCi(value: TextOperand): BoolExpr;
    /** `in~` */
    inCi(values: readonly TextOperand[]): BoolExpr;
    /** `!in~` */
    notInCi(values: readonly TextOperand[]): BoolExpr;
    has(term: TextOperand): BoolExpr;
    notHas(term: TextOperand): BoolExpr;
    hasCs(term: TextOperand): BoolExpr;
    notHasCs(term: TextOperand): BoolExpr;
    hasPrefix(term: TextOperand): BoolExpr;
    hasSuffix(term: TextOperand): BoolExpr;
    hasAny(terms: readonly TextOperand[]): BoolExpr;
    hasAll(terms: readonly TextOperand[]): BoolExpr;
    contains(text: TextOperand): BoolExpr;
    notContains(text: TextOperand): BoolExpr;
    containsCs(text: TextOperand): BoolExpr;
    notContainsCs(text: TextOperand): BoolExpr;
    startsWith(text: TextOperand): BoolExpr;
    notStartsWith(text: TextOperand): BoolExpr;
    startsWithCs(text: TextOperand): BoolExpr;
    endsWith(text: TextOperand): BoolExpr;
    notEndsWith(text: TextOperand): BoolExpr;
    endsWithCs(text: TextOperand): BoolExpr;
    /** `matches regex "..."` (the pattern is a string literal). */
    matchesRegex(pattern: string): BoolExpr;
    isEmpty(): BoolExpr<boolean>;
    isNotEmpty(): BoolExpr<boolean>;
}
export interface BoolExpr<T = boolean | null> extends ScalarExpr<"bool", T> {
    and(...others: Predicate[]): BoolExpr;
    or(...others: Predicate[]): BoolExpr;
    not(): BoolExpr;
}
export interface DynamicExpr<T = unknown> extends Expr<"dynamic", T> {
    /** `x["key"]` or `x[0]`: a member or element, dynamic. */
    get(key: string | number): DynamicExpr;
    has(term: TextOperand): BoolExpr;
    notHas(term: TextOperand): BoolExpr;
    contains(text: TextOperand): BoolExpr;
    notContains(text: TextOperand): BoolExpr;
    hasAny(terms: readonly TextOperand[]): BoolExpr;
    hasAll(terms: readonly TextOperand[]): BoolExpr;
    isNull(): BoolExpr<boolean>;
    isNotNull(): BoolExpr<boolean>;
    isEmpty(): BoolExpr<boolean>;
    isNotEmpty(): BoolExpr<boolean>;
}
/** The expression interface of a Kusto type. */
export type ExprOf<K extends KustoType, T> = K extends "string" ? StringExpr<T> : K extends "bool" ? BoolExpr<T> : K extends "dynamic" ? DynamicExpr<T> : K extends OrderedType ? OrderedExpr<K, T> : ScalarExpr<K, T>;
/** An aggregation, for `summarize` only: Kusto type K, row value T. */
export interface Agg<K extends KustoType = KustoType, T = unknown> extends KqlText {
    readonly aggregate: K;
    /** @internal Type only. */
    readonly [ROW]: T;
}
export type AnyAgg = Agg<KustoType, any>;
/** A column of a query's result: Kusto type and row value type (type level only). */
export interface Field<K extends KustoType = KustoType, T = unknown> {
    readonly kusto: K;
    readonly ts: T;
}
export type Fields = {
    readonly [name: string]: Field;
};
type Simplify<T> = {
    [P in keyof T]: T[P];
} & {};
/** The row type of a query's result. */
export type Row<F extends Fields> = Simplify<{
    -readonly [N in keyof F]: F[N]["ts"];
}>;
/** The row type of a query: `RowOf<typeof q>`. */
export type RowOf<Q> = Q extends Query<infer F> ? Row<F> : Record<string, unknown>;
/** Column name → Kusto type of a query's result: `KustoTypesOf<typeof q>`. */
export type KustoTypesOf<Q> = Q extends Query<infer F> ? Simplify<{
    -readonly [N in keyof F]: F[N]["kusto"];
}> : never;
/** Typed references to a query's columns, by name. */
export type Columns<F extends Fields> = {
    readonly [N in keyof F]: ExprOf<F[N]["kusto"], F[N]["ts"]>;
};
export type ColumnName<F extends Fields> = keyof F & string;
/** Columns Kusto can sort, group and distinct by: all but dynamic ones. */
export type SortableName<F extends Fields> = {
    [N in keyof F]: F[N]["kusto"] extends "dynamic" ? never : N;
}[keyof F] & string;
/** An expression Kusto can group by: any type but dynamic. */
export type Groupable = AnyExpr<Exclude<KustoType, "dynamic">>;
type FieldsOf<R> = Simplify<{
    [N in keyof R]: R[N] extends Expr<infer K extends KustoType, infer T> ? Field<K, T> : never;
}>;
type AggFields<A> = {
    [N in keyof A]: A[N] extends Agg<infer K extends KustoType, infer T> ? Field<K, T> : never;
};
type Merge<A, B> = Simplify<Omit<A, keyof B> & B>;
/** How a long column's values are represented in rows (kqlgen.config.json `mapping.long`). */
export type LongMode = "number" | "string" | "bigint";
/** A column of a query's result at run time. */
export interface ResultColumn {
    readonly name: string;
    readonly type: KustoType;
    /** For long columns of a table read as strings or bigints. */
    readonly long?: LongMode;
}
type TimespanInput = KustoInputs["timespan"];
/** Typed literal expressions, for `extend`, function arguments and the `kql` template. */
export declare const lit: {
    string: (value: string) => StringExpr<string>;
    /** An obfuscated string, `h"..."`: hidden in Kusto's logs. For secrets. */
    secret: (value: string) => StringExpr<string>;
    bool: <V extends boolean | null>(value: V) => BoolExpr<V extends null ? null : boolean>;
    int: <V extends number | null>(value: V) => OrderedExpr<"int", V extends null ? null : number>;
    long: <V extends number | bigint | null>(value: V) => OrderedExpr<"long", V extends null ? null : number>;
    real: <V extends KustoInputs["real"] | null>(value: V) => OrderedExpr<"real", V extends null ? null : KustoValues["real"]>;
    decimal: <V extends KustoInputs["decimal"] | null>(value: V) => OrderedExpr<"decimal", V extends null ? null : string>;
    datetime: <V extends KustoInputs["datetime"] | null>(value: V) => OrderedExpr<"datetime", V extends null ? null : string>;
    timespan: <V extends TimespanInput | null>(value: V) => OrderedExpr<"timespan", V extends null ? null : string>;
    guid: <V extends string | null>(value: V) => ScalarExpr<"guid", V extends null ? null : string>;
    dynamic: (value: unknown) => DynamicExpr;
};
/** `ago(span)`: now minus a timespan. */
export declare function ago(span: TimespanInput): OrderedExpr<"datetime", string>;
/** `now()`, or `now(offset)`. */
export declare function now(offset?: TimespanInput): OrderedExpr<"datetime", string>;
type BinType<K> = K extends "int" | "long" ? "long" : K;
type Convert<K extends KustoType> = (value: AnyExpr) => ExprOf<K, Computed<K>>;
type OnDatetime = (value: AnyExpr<"datetime">) => OrderedExpr<"datetime", string | null>;
/** Scalar functions, typed: `fn.bin(c.Timestamp, "1h")`, `fn.tolower(c.FileName)`. */
export declare const fn: {
    ago: typeof ago;
    now: typeof now;
    /**
     * `bin(x, size)`: x rounded down to a multiple of size. Integers (int, long) take an integer size and
     * give a long; reals and decimals take a number; datetimes and timespans take a timespan.
     */
    bin<K extends OrderedType, T>(value: Expr<K, T>, size: K extends "datetime" | "timespan" ? TimespanInput : number): ExprOf<BinType<K>, Computed<BinType<K>>>;
    startofday: OnDatetime;
    startofweek: OnDatetime;
    startofmonth: OnDatetime;
    startofyear: OnDatetime;
    endofday: OnDatetime;
    /** `format_datetime(x, "yyyy-MM-dd HH:mm")`. */
    format_datetime: (value: AnyExpr<"datetime">, format: string) => StringExpr;
    tolower: (value: TextOperand) => StringExpr;
    toupper: (value: TextOperand) => StringExpr;
    strlen: (value: TextOperand) => OrderedExpr<"long", number | null>;
    /** `substring(text, start[, length])`. */
    substring(value: TextOperand, start: number, length?: number): StringExpr;
    /** `strcat(...)`: strings are literals, expressions of any type are converted by Kusto. */
    strcat: (...parts: readonly (string | AnyExpr)[]) => StringExpr;
    replace_string: (value: TextOperand, lookup: TextOperand, rewrite: TextOperand) => StringExpr;
    /** `extract(regex, group, text)`. */
    extract: (regex: string, group: number, value: TextOperand) => StringExpr;
    split: (value: TextOperand, delimiter: string) => DynamicExpr<string[] | null>;
    array_length: (value: AnyExpr<"dynamic">) => OrderedExpr<"long", number | null>;
    tostring: Convert<"string">;
    tobool: Convert<"bool">;
    toint: Convert<"int">;
    tolong: Convert<"long">;
    toreal: Convert<"real">;
    todecimal: Convert<"decimal">;
    todatetime: Convert<"datetime">;
    totimespan: Convert<"timespan">;
    toguid: Convert<"guid">;
    parse_json: (value: TextOperand) => DynamicExpr;
    /** `iff(condition, then, else)`: then and else of one type (a value is written as a literal of then's type). */
    iff<K extends KustoType>(condition: Predicate, then: AnyExpr<K>, otherwise: SameType<K>): ExprOf<K, Computed<K>>;
    /** `coalesce(a, b, ...)`: the first value that is not null; all of a's type (values are written as literals of it). */
    coalesce<K extends KustoType>(first: AnyExpr<K>, ...rest: SameType<K>[]): ExprOf<K, Computed<K>>;
    isnull: (value: AnyExpr) => BoolExpr<boolean>;
    isnotnull: (value: AnyExpr) => BoolExpr<boolean>;
    isempty: (value: AnyExpr) => BoolExpr<boolean>;
    isnotempty: (value: AnyExpr) => BoolExpr<boolean>;
    not: (value: Predicate) => BoolExpr;
    and: (predicates_0: Predicate, ...predicates: Predicate[]) => BoolExpr;
    or: (predicates_0: Predicate, ...predicates: Predicate[]) => BoolExpr;
};
export type Functions = typeof fn;
type SumType<K> = K extends "int" | "long" ? "long" : K;
type AvgType<K> = K extends "int" | "long" | "real" ? "real" : K;
/** Elements of make_set/make_list as JSON gives them (a long is a number, a datetime a string). */
type Element<K extends KustoType> = KustoValues[K];
/** Aggregation functions, for `summarize`: `agg.count()`, `agg.dcount(c.DeviceId)`. */
export declare const agg: {
    count: () => Agg<"long", number>;
    countif: (predicate: Predicate) => Agg<"long", number>;
    /** Estimated number of distinct values. */
    dcount: (value: AnyExpr) => Agg<"long", number>;
    dcountif: (value: AnyExpr, predicate: Predicate) => Agg<"long", number>;
    sum: <K extends NumericType | "timespan">(value: AnyExpr<K>) => Agg<SumType<K>, Computed<SumType<K>>>;
    sumif: <K extends NumericType | "timespan">(value: AnyExpr<K>, predicate: Predicate) => Agg<SumType<K>, Computed<SumType<K>>>;
    avg: <K extends NumericType | "timespan" | "datetime">(value: AnyExpr<K>) => Agg<AvgType<K>, Computed<AvgType<K>>>;
    avgif: <K extends NumericType | "timespan" | "datetime">(value: AnyExpr<K>, predicate: Predicate) => Agg<AvgType<K>, Computed<AvgType<K>>>;
    min: <K extends OrderableType>(value: AnyExpr<K>) => Agg<K, Computed<K>>;
    max: <K extends OrderableType>(value: AnyExpr<K>) => Agg<K, Computed<K>>;
    /** Standard deviation (real). */
    stdev: (value: AnyExpr<NumericType>) => Agg<"real", KustoValues["real"] | null>;
    variance: (value: AnyExpr<NumericType>) => Agg<"real", KustoValues["real"] | null>;
    /** Any one value of the group. */
    take_any: <K extends KustoType, T>(value: Expr<K, T>) => Agg<K, T>;
    /** The distinct values (nulls left out), as a dynamic array; at most maxSize of them. */
    make_set: <K extends KustoType>(value: AnyExpr<K>, maxSize_?: number) => Agg<"dynamic", Element<K>[]>;
    /** Every value (nulls left out), as a dynamic array; at most maxSize of them. */
    make_list: <K extends KustoType>(value: AnyExpr<K>, maxSize_?: number) => Agg<"dynamic", Element<K>[]>;
};
export type Aggregations = typeof agg;
/** Operators of `where(column, op, value)` by column type. */
type EqualityOp = "==" | "!=" | "in" | "!in";
type OrderedOp = "<" | "<=" | ">" | ">=" | "between" | "!between";
type StringOp = "=~" | "!~" | "in~" | "!in~" | "has" | "!has" | "has_cs" | "!has_cs" | "hasprefix" | "hassuffix" | "has_any" | "has_all" | "contains" | "!contains" | "contains_cs" | "!contains_cs" | "startswith" | "!startswith" | "startswith_cs" | "endswith" | "!endswith" | "endswith_cs" | "matches regex";
type DynamicOp = "has" | "!has" | "contains" | "!contains" | "has_any" | "has_all";
export type OperatorOf<K extends KustoType> = K extends "string" ? EqualityOp | StringOp : K extends "dynamic" ? DynamicOp : K extends OrderedType ? EqualityOp | OrderedOp : EqualityOp;
type ListOp = "in" | "!in" | "in~" | "!in~" | "has_any" | "has_all";
/** The value of `where(column, op, value)`. */
export type OperandOf<K extends KustoType, O> = O extends ListOp ? readonly (K extends "dynamic" ? TextOperand : Operand<K>)[] : O extends "between" | "!between" ? readonly [Operand<K>, Operand<K>] : O extends "==" | "!=" ? Operand<K> | null : O extends "matches regex" ? string : O extends StringOp | DynamicOp ? TextOperand : Operand<K>;
/** A sort key: a column (descending, as in KQL), or [column, direction] or [column, direction, nulls]. */
export type OrderKey<F extends Fields> = SortableName<F> | readonly [SortableName<F>, "asc" | "desc"] | readonly [SortableName<F>, "asc" | "desc", "nulls first" | "nulls last"];
/**
 * A KQL query whose result has the columns F (name → Kusto type and row value type). Every step
 * returns a new query; `kql` (or `String(query)`) is its text, `columns` its result columns.
 */
export declare class Query<F extends Fields = Fields> extends KqlText {
    /** @internal Type only. */
    protected readonly fieldTypes: F;
    /** The result's columns, in order, with their Kusto types. */
    readonly columns: readonly ResultColumn[];
    /** @internal Queries start from a table (see the generated `<Table>Kql`). */
    constructor(text: string, columns: readonly ResultColumn[], token: typeof TRUSTED);
    private step;
    private column;
    /** Typed references to the columns of this query's result. */
    get col(): Columns<F>;
    /**
     * `where`: keeps the rows for which a predicate holds, given as a function of the columns
     * (`q.where(c => c.Timestamp.gt(ago("1h")).and(c.FileName.eqCi("cmd.exe")))`) or as
     * column, operator and value (`q.where("FileName", "=~", "cmd.exe")`).
     */
    where(predicate: (c: Columns<F>, f: Functions) => Predicate): Query<F>;
    where<N extends ColumnName<F>, O extends OperatorOf<F[N]["kusto"]>>(column: N, op: O, value: OperandOf<F[N]["kusto"], O>): Query<F>;
    /** `project`: only the named columns, in this order; or computed columns `c => ({ Name: expr })`. */
    project<N extends ColumnName<F>>(...columns: [N, ...N[]]): Query<Simplify<Pick<F, N>>>;
    project<R extends Record<string, AnyExpr>>(build: (c: Columns<F>, f: Functions) => R): Query<FieldsOf<R>>;
    /** `project-away`: every column but the named ones. */
    projectAway<N extends ColumnName<F>>(...columns: [N, ...N[]]): Query<Simplify<Omit<F, N>>>;
    /** `project-rename New = Old, ...`: columns renamed in place. */
    projectRename<R extends Record<string, ColumnName<F>>>(renames: R): Query<Merge<Omit<F, R[keyof R]>, {
        [N in keyof R]: F[R[N]];
    }>>;
    /** `extend`: adds computed columns (a column of the same name is replaced, in place). */
    extend<R extends Record<string, AnyExpr>>(build: (c: Columns<F>, f: Functions) => R): Query<Merge<F, FieldsOf<R>>>;
    /**
     * `summarize aggregations by keys`: `q.summarize((c, a) => ({ Count: a.count() }), ["DeviceName"])`,
     * or keys computed: `q.summarize((c, a) => ({ Count: a.count() }), (c, f) => ({ Day: f.bin(c.Timestamp, "1d") }))`.
     * The result has the keys, then the aggregations.
     */
    summarize<A extends Record<string, AnyAgg>, B extends SortableName<F> = never>(aggregations: (c: Columns<F>, a: Aggregations) => A, by?: readonly B[]): Query<Simplify<Pick<F, B> & AggFields<A>>>;
    summarize<A extends Record<string, AnyAgg>, R extends Record<string, Groupable>>(aggregations: (c: Columns<F>, a: Aggregations) => A, by: (c: Columns<F>, f: Functions) => R): Query<Simplify<FieldsOf<R> & AggFields<A>>>;
    /** `order by`: each key a column (descending, Kusto's default) or [column, "asc" | "desc", nulls?]. */
    orderBy(...keys: [OrderKey<F>, ...OrderKey<F>[]]): Query<F>;
    /** `take n`: at most n rows (any n rows: add orderBy or use top for the first ones). */
    take(count: number): Query<F>;
    /** `limit n`: the same as take. */
    limit(count: number): Query<F>;
    /** `top n by column [asc|desc]`: the first n rows by one column (descending unless asked). */
    top(count: number, column: SortableName<F>, direction?: "asc" | "desc", nulls?: "nulls first" | "nulls last"): Query<F>;
    /** `distinct`: the distinct combinations of the named columns. */
    distinct<N extends SortableName<F>>(...columns: [N, ...N[]]): Query<Simplify<Pick<F, N>>>;
    /** `count`: one row with the number of rows, in column Count. */
    count(): Query<{
        Count: Field<"long", number>;
    }>;
    private rowCount;
    private sortKey;
    private sortable;
    private pick;
    private unique;
    /** `Name = expr, ...` from an object of expressions (`Name` alone when expr is that column). */
    private assignments;
}
/** A table as a query source, with typed references to its columns. */
export interface KqlTable<F extends Fields> extends Query<F> {
    /** The table's name. */
    readonly name: string;
}
/** The type `kqlTable` gives a table of row type R whose columns have the Kusto types C (what generated `<Table>Kql` constants are declared as). */
export type TableQuery<R extends object, C extends {
    readonly [N in keyof R]-?: KustoType;
}> = KqlTable<{
    [N in keyof R & keyof C & string]: Field<C[N], R[N]>;
}>;
/**
 * A table for the builder (what generated `<Table>Kql` constants are made of):
 * `kqlTable<DeviceInfo>()("DeviceInfo", { Timestamp: "datetime", ... }, { ReportId: "bigint" })`.
 * Every column of Row must be listed with its Kusto type; `longs` names long columns read as
 * strings or bigints (kqlgen.config.json `mapping.long`).
 */
export declare function kqlTable<R extends object>(): <const C extends { readonly [N in keyof R]-?: KustoType; }>(name: string, columns: C, longs?: { readonly [N in keyof R]?: LongMode; }) => KqlTable<{ [N in keyof R & keyof C & string]: Field<C[N], R[N]>; }>;
export {};
