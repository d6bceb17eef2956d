// Runtime of a kqlgen-generated package: the typed KQL query builder (the row type follows the query).
// Every name and value it writes goes through the escaper and literal writers of literals.ts.

import {
  KqlBuildError,
  KqlText,
  TRUSTED,
  TWO_63,
  cannot,
  boolLiteral,
  datetimeLiteral,
  decimalLiteral,
  describe,
  dynamicLiteral,
  guidLiteral,
  intLiteral,
  literalWriters,
  longLiteral,
  obfuscatedStringLiteral,
  quoteIdentifier,
  quoteKqlString,
  realLiteral,
  stringLiteral,
  timespanLiteral,
} from "./literals.js";
import type { KustoType } from "./validation.js";

// ---------------------------------------------------------------------------------------------
// Types: Kusto types and their TypeScript values

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
export type Computed<K extends KustoType> = K extends "string"
  ? string
  : K extends "dynamic"
    ? unknown
    : KustoValues[K] | null;

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
export type ExprOf<K extends KustoType, T> = K extends "string"
  ? StringExpr<T>
  : K extends "bool"
    ? BoolExpr<T>
    : K extends "dynamic"
      ? DynamicExpr<T>
      : K extends OrderedType
        ? OrderedExpr<K, T>
        : ScalarExpr<K, T>;

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
export type Fields = { readonly [name: string]: Field };

type Simplify<T> = { [P in keyof T]: T[P] } & {};

/** The row type of a query's result. */
export type Row<F extends Fields> = Simplify<{ -readonly [N in keyof F]: F[N]["ts"] }>;
/** The row type of a query: `RowOf<typeof q>`. */
export type RowOf<Q> = Q extends Query<infer F> ? Row<F> : Record<string, unknown>;
/** Column name → Kusto type of a query's result: `KustoTypesOf<typeof q>`. */
export type KustoTypesOf<Q> = Q extends Query<infer F> ? Simplify<{ -readonly [N in keyof F]: F[N]["kusto"] }> : never;

/** Typed references to a query's columns, by name. */
export type Columns<F extends Fields> = { readonly [N in keyof F]: ExprOf<F[N]["kusto"], F[N]["ts"]> };
export type ColumnName<F extends Fields> = keyof F & string;
/** Columns Kusto can sort, group and distinct by: all but dynamic ones. */
export type SortableName<F extends Fields> = { [N in keyof F]: F[N]["kusto"] extends "dynamic" ? never : N }[keyof F] &
  string;
/** An expression Kusto can group by: any type but dynamic. */
export type Groupable = AnyExpr<Exclude<KustoType, "dynamic">>;

type FieldsOf<R> = Simplify<{
  [N in keyof R]: R[N] extends Expr<infer K extends KustoType, infer T> ? Field<K, T> : never;
}>;
type AggFields<A> = { [N in keyof A]: A[N] extends Agg<infer K extends KustoType, infer T> ? Field<K, T> : never };
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

// ---------------------------------------------------------------------------------------------
// Expressions (one class behind the typed interfaces)

/** Binding strength of an expression's outermost operator: operands that bind less are parenthesized. */
const Prec = { Or: 1, And: 2, Compare: 3, Atom: 9 } as const;

type Kind = KustoType;
const NUMERIC: ReadonlySet<Kind> = new Set(["int", "long", "real", "decimal"]);
const ORDERED: ReadonlySet<Kind> = new Set([...NUMERIC, "datetime", "timespan"]);

class ExprNode extends KqlText {
  constructor(
    readonly kusto: Kind,
    text: string,
    readonly prec: number,
  ) {
    super(text, TRUSTED);
  }

  /** This expression as an operand that must bind at least as strongly as `prec`. */
  operand(prec: number): string {
    return this.prec >= prec ? this.kql : `(${this.kql})`;
  }

  private need(what: string, kinds: ReadonlySet<Kind> | readonly Kind[]): void {
    const ok = Array.isArray(kinds) ? kinds.includes(this.kusto) : (kinds as ReadonlySet<Kind>).has(this.kusto);
    if (!ok) throw new KqlBuildError(`${what} does not apply to ${this.kql}, of type ${this.kusto}`);
  }

  private compare(op: string, value: unknown): ExprNode {
    if (this.kusto === "dynamic")
      throw new KqlBuildError(
        `${op} does not apply to ${this.kql}, of type dynamic: convert it first (e.g. fn.tostring)`,
      );
    return bool(
      `${this.operand(Prec.Compare + 1)} ${op} ${operand(this.kusto, value, Prec.Compare + 1)}`,
      Prec.Compare,
    );
  }
  private ordered(op: string, value: unknown): ExprNode {
    this.need(`'${op}'`, ORDERED);
    return this.compare(op, value);
  }
  private textOp(op: string, value: unknown, kinds: readonly Kind[] = ["string"]): ExprNode {
    this.need(`'${op}'`, kinds);
    return bool(`${this.operand(Prec.Compare + 1)} ${op} ${operand("string", value, Prec.Compare + 1)}`, Prec.Compare);
  }
  private list(op: string, kind: Kind, values: unknown): ExprNode {
    if (!Array.isArray(values)) throw new KqlBuildError(`'${op}' takes an array of values, got ${describe(values)}`);
    const items = values.length === 0 ? ["dynamic([])"] : values.map((v) => operand(kind, v, 0));
    return bool(`${this.operand(Prec.Compare + 1)} ${op} (${items.join(", ")})`, Prec.Compare);
  }

  eq(value: unknown) {
    return value === null ? this.isNull() : this.compare("==", value);
  }
  ne(value: unknown) {
    return value === null ? this.isNotNull() : this.compare("!=", value);
  }
  in(values: unknown) {
    if (this.kusto === "dynamic") this.need("'in'", []);
    return this.list("in", this.kusto, values);
  }
  notIn(values: unknown) {
    if (this.kusto === "dynamic") this.need("'!in'", []);
    return this.list("!in", this.kusto, values);
  }
  isNull() {
    return call("bool", "isnull", [this.kql]);
  }
  isNotNull() {
    return call("bool", "isnotnull", [this.kql]);
  }
  isEmpty() {
    return call("bool", "isempty", [this.kql]);
  }
  isNotEmpty() {
    return call("bool", "isnotempty", [this.kql]);
  }
  gt(value: unknown) {
    return this.ordered(">", value);
  }
  ge(value: unknown) {
    return this.ordered(">=", value);
  }
  lt(value: unknown) {
    return this.ordered("<", value);
  }
  le(value: unknown) {
    return this.ordered("<=", value);
  }
  between(low: unknown, high: unknown) {
    this.need("'between'", ORDERED);
    return bool(
      `${this.operand(Prec.Compare + 1)} between (${operand(this.kusto, low, 0)} .. ${operand(this.kusto, high, 0)})`,
      Prec.Compare,
    );
  }
  notBetween(low: unknown, high: unknown) {
    this.need("'!between'", ORDERED);
    return bool(
      `${this.operand(Prec.Compare + 1)} !between (${operand(this.kusto, low, 0)} .. ${operand(this.kusto, high, 0)})`,
      Prec.Compare,
    );
  }
  eqCi(value: unknown) {
    return this.textOp("=~", value);
  }
  neCi(value: unknown) {
    return this.textOp("!~", value);
  }
  inCi(values: unknown) {
    this.need("'in~'", ["string"]);
    return this.list("in~", "string", values);
  }
  notInCi(values: unknown) {
    this.need("'!in~'", ["string"]);
    return this.list("!in~", "string", values);
  }
  has(term: unknown) {
    return this.textOp("has", term, ["string", "dynamic"]);
  }
  notHas(term: unknown) {
    return this.textOp("!has", term, ["string", "dynamic"]);
  }
  hasCs(term: unknown) {
    return this.textOp("has_cs", term);
  }
  notHasCs(term: unknown) {
    return this.textOp("!has_cs", term);
  }
  hasPrefix(term: unknown) {
    return this.textOp("hasprefix", term);
  }
  hasSuffix(term: unknown) {
    return this.textOp("hassuffix", term);
  }
  hasAny(terms: unknown) {
    this.need("'has_any'", ["string", "dynamic"]);
    return this.list("has_any", "string", terms);
  }
  hasAll(terms: unknown) {
    this.need("'has_all'", ["string", "dynamic"]);
    return this.list("has_all", "string", terms);
  }
  contains(text: unknown) {
    return this.textOp("contains", text, ["string", "dynamic"]);
  }
  notContains(text: unknown) {
    return this.textOp("!contains", text, ["string", "dynamic"]);
  }
  containsCs(text: unknown) {
    return this.textOp("contains_cs", text);
  }
  notContainsCs(text: unknown) {
    return this.textOp("!contains_cs", text);
  }
  startsWith(text: unknown) {
    return this.textOp("startswith", text);
  }
  notStartsWith(text: unknown) {
    return this.textOp("!startswith", text);
  }
  startsWithCs(text: unknown) {
    return this.textOp("startswith_cs", text);
  }
  endsWith(text: unknown) {
    return this.textOp("endswith", text);
  }
  notEndsWith(text: unknown) {
    return this.textOp("!endswith", text);
  }
  endsWithCs(text: unknown) {
    return this.textOp("endswith_cs", text);
  }
  matchesRegex(pattern: unknown) {
    this.need("'matches regex'", ["string"]);
    return bool(`${this.operand(Prec.Compare + 1)} matches regex ${stringLiteral(pattern as string)}`, Prec.Compare);
  }
  and(...others: unknown[]) {
    return logical("and", Prec.And, [this, ...others]);
  }
  or(...others: unknown[]) {
    return logical("or", Prec.Or, [this, ...others]);
  }
  not() {
    this.need("not()", ["bool"]);
    return call("bool", "not", [this.kql]);
  }
  get(key: unknown) {
    this.need("get()", ["dynamic"]);
    let index: string;
    if (typeof key === "string") index = quoteKqlString(key);
    else if (typeof key === "number" && Number.isSafeInteger(key)) index = String(key);
    else throw new KqlBuildError(`get() takes a member name or an integer index, got ${describe(key)}`);
    return new ExprNode("dynamic", `${this.operand(Prec.Atom)}[${index}]`, Prec.Atom);
  }
}

function bool(text: string, prec: number): ExprNode {
  return new ExprNode("bool", text, prec);
}

function call(kind: Kind, name: string, args: readonly string[]): ExprNode {
  return new ExprNode(kind, `${name}(${args.join(", ")})`, Prec.Atom);
}

function logical(op: "and" | "or", prec: number, items: readonly unknown[]): ExprNode {
  const parts = items.map((p) => {
    if (!(p instanceof ExprNode) || p.kusto !== "bool")
      throw new KqlBuildError(`'${op}' combines bool expressions, got ${describe(p)}`);
    return p.operand(prec);
  });
  return bool(parts.join(` ${op} `), prec);
}

function isExpr(value: unknown): value is ExprNode {
  return value instanceof ExprNode;
}

/** An expression argument of the given types, as text. */
function arg(what: string, value: unknown, kinds?: ReadonlySet<Kind> | readonly Kind[]): ExprNode {
  if (!isExpr(value))
    throw new KqlBuildError(`${what} takes an expression (a column, fn.*, lit.*), got ${describe(value)}`);
  if (kinds) {
    const ok = Array.isArray(kinds) ? kinds.includes(value.kusto) : (kinds as ReadonlySet<Kind>).has(value.kusto);
    if (!ok) throw new KqlBuildError(`${what} does not take ${value.kql}, of type ${value.kusto}`);
  }
  return value;
}

/** A value compared with a `kind` expression, as KQL text: an expression, or a literal of the right type. */
function operand(kind: Kind, value: unknown, prec: number): string {
  if (isExpr(value)) {
    const same = value.kusto === kind || (NUMERIC.has(kind) && NUMERIC.has(value.kusto));
    if (!same) throw new KqlBuildError(`cannot compare a ${kind} with ${value.kql}, of type ${value.kusto}`);
    return value.operand(prec);
  }
  if (value instanceof KqlText)
    throw new KqlBuildError(`cannot use ${value.kql} as a value here: use an expression (column, fn.*, lit.*)`);
  switch (kind) {
    case "int":
    case "long":
    case "real":
      if (typeof value === "bigint") return longLiteral(value);
      if (typeof value === "number" && Number.isInteger(value) && Math.abs(value) < TWO_63) return longLiteral(value);
      if (typeof value === "number" || (typeof value === "string" && kind === "real"))
        return realLiteral(value as number);
      throw cannot(
        value,
        `a value compared with a ${kind}`,
        kind === "real" ? 'a number or "NaN", "Infinity", "-Infinity"' : "a number or bigint",
      );
    default:
      return literalWriters[kind](value as never);
  }
}

/**
 * An argument that must have exactly the given type (Kusto would otherwise promote the result,
 * e.g. coalesce(int, long) is a long): an expression of that type, or a value written by that
 * type's literal writer (null gives the typed null).
 */
function sameType(what: string, kind: Kind, value: unknown): string {
  if (isExpr(value)) {
    if (value.kusto !== kind)
      throw new KqlBuildError(`${what}: ${value.kql}, of type ${value.kusto}, is not a ${kind} like the first value`);
    return value.kql;
  }
  if (value instanceof KqlText)
    throw new KqlBuildError(
      `${what}: cannot use ${value.kql} as a value here: use an expression (column, fn.*, lit.*)`,
    );
  return literalWriters[kind](value as never);
}

// ---------------------------------------------------------------------------------------------
// Literal expressions and functions

type TimespanInput = KustoInputs["timespan"];

/** Typed literal expressions, for `extend`, function arguments and the `kql` template. */
export const lit = {
  string: (value: string): StringExpr<string> => new ExprNode("string", stringLiteral(value), Prec.Atom) as never,
  /** An obfuscated string, `h"..."`: hidden in Kusto's logs. For secrets. */
  secret: (value: string): StringExpr<string> =>
    new ExprNode("string", obfuscatedStringLiteral(value), Prec.Atom) as never,
  bool: <V extends boolean | null>(value: V): BoolExpr<V extends null ? null : boolean> =>
    new ExprNode("bool", boolLiteral(value), Prec.Atom) as never,
  int: <V extends number | null>(value: V): OrderedExpr<"int", V extends null ? null : number> =>
    new ExprNode("int", intLiteral(value), Prec.Atom) as never,
  long: <V extends number | bigint | null>(value: V): OrderedExpr<"long", V extends null ? null : number> =>
    new ExprNode("long", longLiteral(value), Prec.Atom) as never,
  real: <V extends KustoInputs["real"] | null>(
    value: V,
  ): OrderedExpr<"real", V extends null ? null : KustoValues["real"]> =>
    new ExprNode("real", realLiteral(value), Prec.Atom) as never,
  decimal: <V extends KustoInputs["decimal"] | null>(
    value: V,
  ): OrderedExpr<"decimal", V extends null ? null : string> =>
    new ExprNode("decimal", decimalLiteral(value), Prec.Atom) as never,
  datetime: <V extends KustoInputs["datetime"] | null>(
    value: V,
  ): OrderedExpr<"datetime", V extends null ? null : string> =>
    new ExprNode("datetime", datetimeLiteral(value), Prec.Atom) as never,
  timespan: <V extends TimespanInput | null>(value: V): OrderedExpr<"timespan", V extends null ? null : string> =>
    new ExprNode("timespan", timespanLiteral(value), Prec.Atom) as never,
  guid: <V extends string | null>(value: V): ScalarExpr<"guid", V extends null ? null : string> =>
    new ExprNode("guid", guidLiteral(value), Prec.Atom) as never,
  dynamic: (value: unknown): DynamicExpr => new ExprNode("dynamic", dynamicLiteral(value), Prec.Atom) as never,
};

/** `ago(span)`: now minus a timespan. */
export function ago(span: TimespanInput): OrderedExpr<"datetime", string> {
  return call("datetime", "ago", [timespanLiteral(span)]) as never;
}

/** `now()`, or `now(offset)`. */
export function now(offset?: TimespanInput): OrderedExpr<"datetime", string> {
  return call("datetime", "now", offset === undefined ? [] : [timespanLiteral(offset)]) as never;
}

type BinType<K> = K extends "int" | "long" ? "long" : K;
type Convert<K extends KustoType> = (value: AnyExpr) => ExprOf<K, Computed<K>>;
const convert =
  <K extends KustoType>(kind: K, name: string): Convert<K> =>
  (value) =>
    call(kind, name, [arg(`${name}()`, value).kql]) as never;
type OnDatetime = (value: AnyExpr<"datetime">) => OrderedExpr<"datetime", string | null>;
const onDatetime =
  (name: string): OnDatetime =>
  (value: AnyExpr<"datetime">): OrderedExpr<"datetime", string | null> =>
    call("datetime", name, [arg(`${name}()`, value, ["datetime"]).kql]) as never;
const textValue = (what: string, value: unknown): string =>
  isExpr(value) ? arg(what, value, ["string"]).kql : stringLiteral(value as string);

/** Scalar functions, typed: `fn.bin(c.Timestamp, "1h")`, `fn.tolower(c.FileName)`. */
export const fn = {
  ago: ago as typeof ago,
  now: now as typeof now,
  /**
   * `bin(x, size)`: x rounded down to a multiple of size. Integers (int, long) take an integer size and
   * give a long; reals and decimals take a number; datetimes and timespans take a timespan.
   */
  bin<K extends OrderedType, T>(
    value: Expr<K, T>,
    size: K extends "datetime" | "timespan" ? TimespanInput : number,
  ): ExprOf<BinType<K>, Computed<BinType<K>>> {
    const x = arg("bin()", value, ORDERED);
    let sizeText: string;
    let kind: Kind = x.kusto;
    if (x.kusto === "datetime" || x.kusto === "timespan") sizeText = timespanLiteral(size as TimespanInput);
    else if (x.kusto === "decimal") sizeText = decimalLiteral(size as number);
    else if (x.kusto === "real") sizeText = realLiteral(size as number);
    else {
      if (typeof size !== "number" || !Number.isSafeInteger(size))
        throw cannot(size, "the size of bin() on an integer", "an integer");
      sizeText = longLiteral(size);
      kind = "long";
    }
    return call(kind, "bin", [x.kql, sizeText]) as never;
  },
  startofday: onDatetime("startofday") as OnDatetime,
  startofweek: onDatetime("startofweek") as OnDatetime,
  startofmonth: onDatetime("startofmonth") as OnDatetime,
  startofyear: onDatetime("startofyear") as OnDatetime,
  endofday: onDatetime("endofday") as OnDatetime,
  /** `format_datetime(x, "yyyy-MM-dd HH:mm")`. */
  format_datetime: (value: AnyExpr<"datetime">, format: string): StringExpr =>
    call("string", "format_datetime", [
      arg("format_datetime()", value, ["datetime"]).kql,
      stringLiteral(format),
    ]) as never,
  tolower: (value: TextOperand): StringExpr => call("string", "tolower", [textValue("tolower()", value)]) as never,
  toupper: (value: TextOperand): StringExpr => call("string", "toupper", [textValue("toupper()", value)]) as never,
  strlen: (value: TextOperand): OrderedExpr<"long", number | null> =>
    call("long", "strlen", [textValue("strlen()", value)]) as never,
  /** `substring(text, start[, length])`. */
  substring(value: TextOperand, start: number, length?: number): StringExpr {
    const args = [textValue("substring()", value), longLiteral(start)];
    if (length !== undefined) args.push(longLiteral(length));
    return call("string", "substring", args) as never;
  },
  /** `strcat(...)`: strings are literals, expressions of any type are converted by Kusto. */
  strcat: (...parts: readonly (string | AnyExpr)[]): StringExpr => {
    if (parts.length === 0) throw new KqlBuildError("strcat() takes at least one argument");
    return call(
      "string",
      "strcat",
      parts.map((p) => (isExpr(p) ? p.kql : stringLiteral(p as string))),
    ) as never;
  },
  replace_string: (value: TextOperand, lookup: TextOperand, rewrite: TextOperand): StringExpr =>
    call("string", "replace_string", [
      textValue("replace_string()", value),
      textValue("replace_string()", lookup),
      textValue("replace_string()", rewrite),
    ]) as never,
  /** `extract(regex, group, text)`. */
  extract: (regex: string, group: number, value: TextOperand): StringExpr =>
    call("string", "extract", [stringLiteral(regex), longLiteral(group), textValue("extract()", value)]) as never,
  split: (value: TextOperand, delimiter: string): DynamicExpr<string[] | null> =>
    call("dynamic", "split", [textValue("split()", value), stringLiteral(delimiter)]) as never,
  array_length: (value: AnyExpr<"dynamic">): OrderedExpr<"long", number | null> =>
    call("long", "array_length", [arg("array_length()", value, ["dynamic"]).kql]) as never,
  tostring: convert("string", "tostring") as Convert<"string">,
  tobool: convert("bool", "tobool") as Convert<"bool">,
  toint: convert("int", "toint") as Convert<"int">,
  tolong: convert("long", "tolong") as Convert<"long">,
  toreal: convert("real", "toreal") as Convert<"real">,
  todecimal: convert("decimal", "todecimal") as Convert<"decimal">,
  todatetime: convert("datetime", "todatetime") as Convert<"datetime">,
  totimespan: convert("timespan", "totimespan") as Convert<"timespan">,
  toguid: convert("guid", "toguid") as Convert<"guid">,
  parse_json: (value: TextOperand): DynamicExpr =>
    call("dynamic", "parse_json", [textValue("parse_json()", value)]) as never,
  /** `iff(condition, then, else)`: then and else of one type (a value is written as a literal of then's type). */
  iff<K extends KustoType>(condition: Predicate, then: AnyExpr<K>, otherwise: SameType<K>): ExprOf<K, Computed<K>> {
    const t = arg("iff()", then);
    return call(t.kusto, "iff", [
      arg("iff()", condition, ["bool"]).kql,
      t.kql,
      sameType("iff()", t.kusto, otherwise),
    ]) as never;
  },
  /** `coalesce(a, b, ...)`: the first value that is not null; all of a's type (values are written as literals of it). */
  coalesce<K extends KustoType>(first: AnyExpr<K>, ...rest: SameType<K>[]): ExprOf<K, Computed<K>> {
    const f = arg("coalesce()", first);
    if (rest.length === 0) throw new KqlBuildError("coalesce() takes at least two arguments");
    return call(f.kusto, "coalesce", [f.kql, ...rest.map((r) => sameType("coalesce()", f.kusto, r))]) as never;
  },
  isnull: (value: AnyExpr): BoolExpr<boolean> => call("bool", "isnull", [arg("isnull()", value).kql]) as never,
  isnotnull: (value: AnyExpr): BoolExpr<boolean> => call("bool", "isnotnull", [arg("isnotnull()", value).kql]) as never,
  isempty: (value: AnyExpr): BoolExpr<boolean> => call("bool", "isempty", [arg("isempty()", value).kql]) as never,
  isnotempty: (value: AnyExpr): BoolExpr<boolean> =>
    call("bool", "isnotempty", [arg("isnotempty()", value).kql]) as never,
  not: (value: Predicate): BoolExpr => call("bool", "not", [arg("not()", value, ["bool"]).kql]) as never,
  and: (...predicates: [Predicate, ...Predicate[]]): BoolExpr => logical("and", Prec.And, predicates) as never,
  or: (...predicates: [Predicate, ...Predicate[]]): BoolExpr => logical("or", Prec.Or, predicates) as never,
};
export type Functions = typeof fn;

// ---------------------------------------------------------------------------------------------
// Aggregations

class AggNode extends KqlText {
  constructor(
    readonly aggregate: Kind,
    text: string,
  ) {
    super(text, TRUSTED);
  }
}

function aggregate(kind: Kind, name: string, args: readonly string[]): AggNode {
  return new AggNode(kind, `${name}(${args.join(", ")})`);
}

type SumType<K> = K extends "int" | "long" ? "long" : K;
type AvgType<K> = K extends "int" | "long" | "real" ? "real" : K;
/** Elements of make_set/make_list as JSON gives them (a long is a number, a datetime a string). */
type Element<K extends KustoType> = KustoValues[K];
const SUMMABLE: readonly Kind[] = ["int", "long", "real", "decimal", "timespan"];
const AVERAGEABLE: readonly Kind[] = [...SUMMABLE, "datetime"];
const ORDERABLE: readonly Kind[] = [...ORDERED, "string", "bool"];
const sumType = (k: Kind): Kind => (k === "int" ? "long" : k);
const avgType = (k: Kind): Kind => (k === "int" || k === "long" ? "real" : k);
const maxSize = (n: number | undefined) => (n === undefined ? [] : [longLiteral(n)]);

/** Aggregation functions, for `summarize`: `agg.count()`, `agg.dcount(c.DeviceId)`. */
export const agg = {
  count: (): Agg<"long", number> => aggregate("long", "count", []) as never,
  countif: (predicate: Predicate): Agg<"long", number> =>
    aggregate("long", "countif", [arg("countif()", predicate, ["bool"]).kql]) as never,
  /** Estimated number of distinct values. */
  dcount: (value: AnyExpr): Agg<"long", number> => aggregate("long", "dcount", [arg("dcount()", value).kql]) as never,
  dcountif: (value: AnyExpr, predicate: Predicate): Agg<"long", number> =>
    aggregate("long", "dcountif", [arg("dcountif()", value).kql, arg("dcountif()", predicate, ["bool"]).kql]) as never,
  sum: <K extends NumericType | "timespan">(value: AnyExpr<K>): Agg<SumType<K>, Computed<SumType<K>>> => {
    const x = arg("sum()", value, SUMMABLE);
    return aggregate(sumType(x.kusto), "sum", [x.kql]) as never;
  },
  sumif: <K extends NumericType | "timespan">(
    value: AnyExpr<K>,
    predicate: Predicate,
  ): Agg<SumType<K>, Computed<SumType<K>>> => {
    const x = arg("sumif()", value, SUMMABLE);
    return aggregate(sumType(x.kusto), "sumif", [x.kql, arg("sumif()", predicate, ["bool"]).kql]) as never;
  },
  avg: <K extends NumericType | "timespan" | "datetime">(value: AnyExpr<K>): Agg<AvgType<K>, Computed<AvgType<K>>> => {
    const x = arg("avg()", value, AVERAGEABLE);
    return aggregate(avgType(x.kusto), "avg", [x.kql]) as never;
  },
  avgif: <K extends NumericType | "timespan" | "datetime">(
    value: AnyExpr<K>,
    predicate: Predicate,
  ): Agg<AvgType<K>, Computed<AvgType<K>>> => {
    const x = arg("avgif()", value, AVERAGEABLE);
    return aggregate(avgType(x.kusto), "avgif", [x.kql, arg("avgif()", predicate, ["bool"]).kql]) as never;
  },
  min: <K extends OrderableType>(value: AnyExpr<K>): Agg<K, Computed<K>> => {
    const x = arg("min()", value, ORDERABLE);
    return aggregate(x.kusto, "min", [x.kql]) as never;
  },
  max: <K extends OrderableType>(value: AnyExpr<K>): Agg<K, Computed<K>> => {
    const x = arg("max()", value, ORDERABLE);
    return aggregate(x.kusto, "max", [x.kql]) as never;
  },
  /** Standard deviation (real). */
  stdev: (value: AnyExpr<NumericType>): Agg<"real", KustoValues["real"] | null> =>
    aggregate("real", "stdev", [arg("stdev()", value, NUMERIC).kql]) as never,
  variance: (value: AnyExpr<NumericType>): Agg<"real", KustoValues["real"] | null> =>
    aggregate("real", "variance", [arg("variance()", value, NUMERIC).kql]) as never,
  /** Any one value of the group. */
  take_any: <K extends KustoType, T>(value: Expr<K, T>): Agg<K, T> => {
    const x = arg("take_any()", value);
    return aggregate(x.kusto, "take_any", [x.kql]) as never;
  },
  /** The distinct values (nulls left out), as a dynamic array; at most maxSize of them. */
  make_set: <K extends KustoType>(value: AnyExpr<K>, maxSize_?: number): Agg<"dynamic", Element<K>[]> =>
    aggregate("dynamic", "make_set", [arg("make_set()", value).kql, ...maxSize(maxSize_)]) as never,
  /** Every value (nulls left out), as a dynamic array; at most maxSize of them. */
  make_list: <K extends KustoType>(value: AnyExpr<K>, maxSize_?: number): Agg<"dynamic", Element<K>[]> =>
    aggregate("dynamic", "make_list", [arg("make_list()", value).kql, ...maxSize(maxSize_)]) as never,
};
export type Aggregations = typeof agg;

// ---------------------------------------------------------------------------------------------
// The query builder

/** Operators of `where(column, op, value)` by column type. */
type EqualityOp = "==" | "!=" | "in" | "!in";
type OrderedOp = "<" | "<=" | ">" | ">=" | "between" | "!between";
type StringOp =
  | "=~"
  | "!~"
  | "in~"
  | "!in~"
  | "has"
  | "!has"
  | "has_cs"
  | "!has_cs"
  | "hasprefix"
  | "hassuffix"
  | "has_any"
  | "has_all"
  | "contains"
  | "!contains"
  | "contains_cs"
  | "!contains_cs"
  | "startswith"
  | "!startswith"
  | "startswith_cs"
  | "endswith"
  | "!endswith"
  | "endswith_cs"
  | "matches regex";
type DynamicOp = "has" | "!has" | "contains" | "!contains" | "has_any" | "has_all";
export type OperatorOf<K extends KustoType> = K extends "string"
  ? EqualityOp | StringOp
  : K extends "dynamic"
    ? DynamicOp
    : K extends OrderedType
      ? EqualityOp | OrderedOp
      : EqualityOp;
type ListOp = "in" | "!in" | "in~" | "!in~" | "has_any" | "has_all";
/** The value of `where(column, op, value)`. */
export type OperandOf<K extends KustoType, O> = O extends ListOp
  ? readonly (K extends "dynamic" ? TextOperand : Operand<K>)[]
  : O extends "between" | "!between"
    ? readonly [Operand<K>, Operand<K>]
    : O extends "==" | "!="
      ? Operand<K> | null
      : O extends "matches regex"
        ? string
        : O extends StringOp | DynamicOp
          ? TextOperand
          : Operand<K>;

const WHERE_METHODS: Readonly<Record<string, string>> = {
  "==": "eq",
  "!=": "ne",
  in: "in",
  "!in": "notIn",
  "<": "lt",
  "<=": "le",
  ">": "gt",
  ">=": "ge",
  between: "between",
  "!between": "notBetween",
  "=~": "eqCi",
  "!~": "neCi",
  "in~": "inCi",
  "!in~": "notInCi",
  has: "has",
  "!has": "notHas",
  has_cs: "hasCs",
  "!has_cs": "notHasCs",
  hasprefix: "hasPrefix",
  hassuffix: "hasSuffix",
  has_any: "hasAny",
  has_all: "hasAll",
  contains: "contains",
  "!contains": "notContains",
  contains_cs: "containsCs",
  "!contains_cs": "notContainsCs",
  startswith: "startsWith",
  "!startswith": "notStartsWith",
  startswith_cs: "startsWithCs",
  endswith: "endsWith",
  "!endswith": "notEndsWith",
  endswith_cs: "endsWithCs",
  "matches regex": "matchesRegex",
};

/** A sort key: a column (descending, as in KQL), or [column, direction] or [column, direction, nulls]. */
export type OrderKey<F extends Fields> =
  | SortableName<F>
  | readonly [SortableName<F>, "asc" | "desc"]
  | readonly [SortableName<F>, "asc" | "desc", "nulls first" | "nulls last"];

/**
 * A KQL query whose result has the columns F (name → Kusto type and row value type). Every step
 * returns a new query; `kql` (or `String(query)`) is its text, `columns` its result columns.
 */
export class Query<F extends Fields = Fields> extends KqlText {
  /** @internal Type only. */
  declare protected readonly fieldTypes: F;
  /** The result's columns, in order, with their Kusto types. */
  readonly columns: readonly ResultColumn[];

  /** @internal Queries start from a table (see the generated `<Table>Kql`). */
  constructor(text: string, columns: readonly ResultColumn[], token: typeof TRUSTED) {
    super(text, token);
    this.columns = columns;
  }

  private step(text: string, columns: readonly ResultColumn[] = this.columns): Query<any> {
    return new Query(`${this.kql}\n| ${text}`, columns, TRUSTED);
  }

  private column(name: unknown, what: string): ResultColumn {
    const found = typeof name === "string" ? this.columns.find((c) => c.name === name) : undefined;
    if (!found) {
      const hint =
        what === "order by" && (name === "asc" || name === "desc") ? 'give a direction as [column, "asc"]; ' : "";
      throw new KqlBuildError(
        `${what}: no column ${describe(name)} in the query's result (${hint}columns: ${this.columns.map((c) => c.name).join(", ")})`,
      );
    }
    return found;
  }

  /** Typed references to the columns of this query's result. */
  get col(): Columns<F> {
    const refs: Record<string, ExprNode> = Object.create(null);
    for (const c of this.columns) refs[c.name] = new ExprNode(c.type, quoteIdentifier(c.name), Prec.Atom);
    return refs as never;
  }

  /**
   * `where`: keeps the rows for which a predicate holds, given as a function of the columns
   * (`q.where(c => c.Timestamp.gt(ago("1h")).and(c.FileName.eqCi("cmd.exe")))`) or as
   * column, operator and value (`q.where("FileName", "=~", "cmd.exe")`).
   */
  where(predicate: (c: Columns<F>, f: Functions) => Predicate): Query<F>;
  where<N extends ColumnName<F>, O extends OperatorOf<F[N]["kusto"]>>(
    column: N,
    op: O,
    value: OperandOf<F[N]["kusto"], O>,
  ): Query<F>;
  where(first: unknown, op?: unknown, value?: unknown): Query<F> {
    let predicate: unknown;
    if (typeof first === "function") {
      predicate = (first as (c: Columns<F>, f: Functions) => unknown)(this.col, fn);
    } else {
      const column = this.column(first, "where");
      const method = typeof op === "string" ? WHERE_METHODS[op] : undefined;
      if (method === undefined) throw new KqlBuildError(`where: unknown operator ${describe(op)}`);
      const ref = new ExprNode(column.type, quoteIdentifier(column.name), Prec.Atom) as unknown as Record<
        string,
        (...args: unknown[]) => unknown
      >;
      if (op === "between" || op === "!between") {
        if (!Array.isArray(value) || value.length !== 2)
          throw new KqlBuildError(`where: '${op}' takes [low, high], got ${describe(value)}`);
        predicate = ref[method]!(value[0], value[1]);
      } else predicate = ref[method]!(value);
    }
    if (!isExpr(predicate) || predicate.kusto !== "bool")
      throw new KqlBuildError(`where takes a bool expression, got ${describe(predicate)}`);
    return this.step(`where ${predicate.kql}`);
  }

  /** `project`: only the named columns, in this order; or computed columns `c => ({ Name: expr })`. */
  project<N extends ColumnName<F>>(...columns: [N, ...N[]]): Query<Simplify<Pick<F, N>>>;
  project<R extends Record<string, AnyExpr>>(build: (c: Columns<F>, f: Functions) => R): Query<FieldsOf<R>>;
  project(...args: unknown[]): Query<any> {
    if (typeof args[0] === "function") {
      const { text, columns } = this.assignments(
        "project",
        (args[0] as (c: Columns<F>, f: Functions) => unknown)(this.col, fn),
      );
      return this.step(`project ${text}`, columns);
    }
    const columns = this.pick("project", args);
    return this.step(`project ${columns.map((c) => quoteIdentifier(c.name)).join(", ")}`, columns);
  }

  /** `project-away`: every column but the named ones. */
  projectAway<N extends ColumnName<F>>(...columns: [N, ...N[]]): Query<Simplify<Omit<F, N>>> {
    const away = new Set(this.pick("projectAway", columns).map((c) => c.name));
    return this.step(
      `project-away ${[...away].map(quoteIdentifier).join(", ")}`,
      this.columns.filter((c) => !away.has(c.name)),
    );
  }

  /** `project-rename New = Old, ...`: columns renamed in place. */
  projectRename<R extends Record<string, ColumnName<F>>>(
    renames: R,
  ): Query<Merge<Omit<F, R[keyof R]>, { [N in keyof R]: F[R[N]] }>> {
    const entries = Object.entries(renames);
    if (entries.length === 0) throw new KqlBuildError("projectRename: no columns to rename");
    const renamed = new Map<string, string>();
    for (const [to, from] of entries) {
      this.column(from, "projectRename");
      if (renamed.has(from)) throw new KqlBuildError(`projectRename: column ${JSON.stringify(from)} is renamed twice`);
      renamed.set(from, to);
    }
    const columns = this.columns.map((c) => (renamed.has(c.name) ? { ...c, name: renamed.get(c.name)! } : c));
    this.unique(
      "projectRename",
      columns.map((c) => c.name),
    );
    return this.step(
      `project-rename ${entries.map(([to, from]) => `${quoteIdentifier(to)} = ${quoteIdentifier(from)}`).join(", ")}`,
      columns,
    );
  }

  /** `extend`: adds computed columns (a column of the same name is replaced, in place). */
  extend<R extends Record<string, AnyExpr>>(build: (c: Columns<F>, f: Functions) => R): Query<Merge<F, FieldsOf<R>>> {
    const { text, columns } = this.assignments("extend", build(this.col, fn));
    const added = new Map(columns.map((c) => [c.name, c]));
    const result = this.columns.map((c) => added.get(c.name) ?? c);
    for (const c of columns) if (!this.columns.some((old) => old.name === c.name)) result.push(c);
    return this.step(`extend ${text}`, result);
  }

  /**
   * `summarize aggregations by keys`: `q.summarize((c, a) => ({ Count: a.count() }), ["DeviceName"])`,
   * or keys computed: `q.summarize((c, a) => ({ Count: a.count() }), (c, f) => ({ Day: f.bin(c.Timestamp, "1d") }))`.
   * The result has the keys, then the aggregations.
   */
  summarize<A extends Record<string, AnyAgg>, B extends SortableName<F> = never>(
    aggregations: (c: Columns<F>, a: Aggregations) => A,
    by?: readonly B[],
  ): Query<Simplify<Pick<F, B> & AggFields<A>>>;
  summarize<A extends Record<string, AnyAgg>, R extends Record<string, Groupable>>(
    aggregations: (c: Columns<F>, a: Aggregations) => A,
    by: (c: Columns<F>, f: Functions) => R,
  ): Query<Simplify<FieldsOf<R> & AggFields<A>>>;
  summarize(aggregations: (c: Columns<F>, a: Aggregations) => unknown, by?: unknown): Query<any> {
    const aggs = aggregations(this.col, agg);
    if (typeof aggs !== "object" || aggs === null)
      throw new KqlBuildError("summarize: the aggregations function must return an object of agg.*()");
    const aggColumns: ResultColumn[] = [];
    const aggTexts: string[] = [];
    for (const [name, a] of Object.entries(aggs)) {
      if (!(a instanceof AggNode))
        throw new KqlBuildError(
          `summarize: ${JSON.stringify(name)} is not an aggregation (agg.*()), got ${describe(a)}`,
        );
      aggColumns.push({ name, type: a.aggregate });
      aggTexts.push(`${quoteIdentifier(name)} = ${a.kql}`);
    }
    let keys: { text: string; columns: ResultColumn[] } = { text: "", columns: [] };
    if (typeof by === "function")
      keys = this.assignments("summarize by", (by as (c: Columns<F>, f: Functions) => unknown)(this.col, fn));
    else if (by !== undefined) {
      const columns = this.pick("summarize by", by as unknown[], true);
      keys = { text: columns.map((c) => quoteIdentifier(c.name)).join(", "), columns };
    }
    keys.columns.forEach((c) => this.sortable(c, "summarize by"));
    if (aggColumns.length === 0 && keys.columns.length === 0)
      throw new KqlBuildError("summarize: no aggregations and no keys");
    const columns = [...keys.columns, ...aggColumns];
    this.unique(
      "summarize",
      columns.map((c) => c.name),
    );
    const text = [aggTexts.join(", "), keys.columns.length ? `by ${keys.text}` : ""].filter(Boolean).join(" ");
    return this.step(`summarize ${text}`, columns);
  }

  /** `order by`: each key a column (descending, Kusto's default) or [column, "asc" | "desc", nulls?]. */
  orderBy(...keys: [OrderKey<F>, ...OrderKey<F>[]]): Query<F> {
    if (keys.length === 0) throw new KqlBuildError("orderBy: no columns");
    return this.step(`order by ${keys.map((k) => this.sortKey(k)).join(", ")}`);
  }

  /** `take n`: at most n rows (any n rows: add orderBy or use top for the first ones). */
  take(count: number): Query<F> {
    return this.step(`take ${this.rowCount(count, "take")}`);
  }

  /** `limit n`: the same as take. */
  limit(count: number): Query<F> {
    return this.step(`limit ${this.rowCount(count, "limit")}`);
  }

  /** `top n by column [asc|desc]`: the first n rows by one column (descending unless asked). */
  top(
    count: number,
    column: SortableName<F>,
    direction: "asc" | "desc" = "desc",
    nulls?: "nulls first" | "nulls last",
  ): Query<F> {
    return this.step(
      `top ${this.rowCount(count, "top")} by ${this.sortKey([column, direction, ...(nulls ? [nulls] : [])] as never)}`,
    );
  }

  /** `distinct`: the distinct combinations of the named columns. */
  distinct<N extends SortableName<F>>(...columns: [N, ...N[]]): Query<Simplify<Pick<F, N>>> {
    const picked = this.pick("distinct", columns);
    picked.forEach((c) => this.sortable(c, "distinct"));
    return this.step(`distinct ${picked.map((c) => quoteIdentifier(c.name)).join(", ")}`, picked);
  }

  /** `count`: one row with the number of rows, in column Count. */
  count(): Query<{ Count: Field<"long", number> }> {
    return this.step("count", [{ name: "Count", type: "long" }]);
  }

  private rowCount(value: unknown, what: string): number {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
      throw cannot(value, `the row count of ${what}`, "a whole number from 0");
    return value;
  }

  private sortKey(key: unknown): string {
    const [name, direction = "desc", nulls] = (Array.isArray(key) ? key : [key]) as unknown[];
    const column = this.sortable(this.column(name, "order by"), "order by");
    if (direction !== "asc" && direction !== "desc")
      throw new KqlBuildError(`order by: direction must be "asc" or "desc", got ${describe(direction)}`);
    if (nulls !== undefined && nulls !== "nulls first" && nulls !== "nulls last") {
      throw new KqlBuildError(`order by: nulls must be "nulls first" or "nulls last", got ${describe(nulls)}`);
    }
    return [quoteIdentifier(column.name), direction, nulls].filter(Boolean).join(" ");
  }

  private sortable(column: ResultColumn, what: string): ResultColumn {
    if (column.type === "dynamic") {
      throw new KqlBuildError(
        `${what}: column ${JSON.stringify(column.name)} is dynamic, which Kusto cannot sort, group or distinct by: convert it first (fn.tostring)`,
      );
    }
    return column;
  }

  private pick(what: string, names: readonly unknown[], allowEmpty = false): ResultColumn[] {
    if (names.length === 0 && !allowEmpty) throw new KqlBuildError(`${what}: no columns`);
    const columns = names.map((n) => this.column(n, what));
    this.unique(
      what,
      columns.map((c) => c.name),
    );
    return columns;
  }

  private unique(what: string, names: readonly string[]): void {
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) throw new KqlBuildError(`${what}: column ${JSON.stringify(n)} appears twice`);
      seen.add(n);
    }
  }

  /** `Name = expr, ...` from an object of expressions (`Name` alone when expr is that column). */
  private assignments(what: string, built: unknown): { text: string; columns: ResultColumn[] } {
    if (typeof built !== "object" || built === null)
      throw new KqlBuildError(`${what}: the function must return an object of expressions`);
    const entries = Object.entries(built);
    if (entries.length === 0) throw new KqlBuildError(`${what}: no columns`);
    const columns: ResultColumn[] = [];
    const texts: string[] = [];
    for (const [name, value] of entries) {
      if (!isExpr(value))
        throw new KqlBuildError(
          `${what}: ${JSON.stringify(name)} is not an expression (a column, fn.*, lit.*), got ${describe(value)}`,
        );
      const quoted = quoteIdentifier(name);
      const source = value.kql === quoted ? this.columns.find((c) => c.name === name) : undefined;
      columns.push(source ?? { name, type: value.kusto });
      texts.push(source ? quoted : `${quoted} = ${value.kql}`);
    }
    return { text: texts.join(", "), columns };
  }
}

/** A table as a query source, with typed references to its columns. */
export interface KqlTable<F extends Fields> extends Query<F> {
  /** The table's name. */
  readonly name: string;
}

/** The type `kqlTable` gives a table of row type R whose columns have the Kusto types C (what generated `<Table>Kql` constants are declared as). */
export type TableQuery<R extends object, C extends { readonly [N in keyof R]-?: KustoType }> = KqlTable<{
  [N in keyof R & keyof C & string]: Field<C[N], R[N]>;
}>;

/**
 * A table for the builder (what generated `<Table>Kql` constants are made of):
 * `kqlTable<DeviceInfo>()("DeviceInfo", { Timestamp: "datetime", ... }, { ReportId: "bigint" })`.
 * Every column of Row must be listed with its Kusto type; `longs` names long columns read as
 * strings or bigints (kqlgen.config.json `mapping.long`).
 */
export function kqlTable<R extends object>() {
  return <const C extends { readonly [N in keyof R]-?: KustoType }>(
    name: string,
    columns: C,
    longs: { readonly [N in keyof R]?: LongMode } = {},
  ): KqlTable<{ [N in keyof R & keyof C & string]: Field<C[N], R[N]> }> => {
    const result: ResultColumn[] = Object.entries(columns as Record<string, KustoType>).map(([column, type]) => {
      const long = Object.hasOwn(longs, column) ? (longs as Record<string, LongMode | undefined>)[column] : undefined;
      return long && long !== "number" ? { name: column, type, long } : { name: column, type };
    });
    const table = new Query(quoteIdentifier(name), result, TRUSTED) as Query & { name: string };
    Object.defineProperty(table, "name", { value: name, enumerable: true });
    return table as never;
  };
}
