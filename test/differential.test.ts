/**
 * Differential test: the generated validators (`validate<T>`, `is<T>`) and Ajv
 * on the generated JSON Schema (schemas/<T>.schema.json) must agree on
 * validity, for thousands of random records of every fixture table — valid
 * ones (every Kusto type's values, nulls, edge values) and mutated ones (wrong
 * type, missing column, out-of-range numbers, bad format strings, arrays and
 * objects, unknown extra columns). Every validator error must point at a
 * mutated column, and every mutated column must have an error.
 *
 * Ajv runs as a user would run it on the shipped schemas: draft 2020-12,
 * `strict: false`, no formats plugin (`format` is an annotation; the schemas
 * carry `pattern`s).
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { ALL_SCHEMAS, REPO_CONFIG, buildGenerated, writeConfig, type GeneratedColumn, type GeneratedTable } from "./helpers/generated.js";
import { readFileSync } from "node:fs";
import { mulberry32 } from "./helpers/prng.js";

const RECORDS_PER_TABLE = 130; // valid ones; as many mutated ones again

const rng = mulberry32;

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const digits = (r: Random, n: number) => Array.from({ length: n }, () => int(r, 0, 9)).join("");
const hex = (r: Random, n: number) => Array.from({ length: n }, () => pick(r, [..."0123456789abcdefABCDEF"])).join("");

interface Mode {
  readonly long: "number" | "string" | "bigint";
  readonly formats: boolean;
  readonly unknownColumns: "report" | "error";
  /** User JSON Schemas of dynamic columns, keyed `Table.Column`. */
  readonly schemas: Readonly<Record<string, Record<string, unknown>>>;
}

/** A value valid for a (simple) user JSON Schema: type, properties, required, items, enum. */
function fromSchema(r: Random, schema: Record<string, unknown>, depth = 0): unknown {
  if (Array.isArray(schema.enum)) return pick(r, schema.enum);
  switch (schema.type) {
    case "string":
      return pick(r, ["", "x", "Contoso", "名前", "a/b~c"]);
    case "integer":
      return int(r, 0, 1000);
    case "number":
      return r() * 100;
    case "boolean":
      return r() < 0.5;
    case "array":
      return Array.from({ length: int(r, 0, 3) }, () => fromSchema(r, (schema.items ?? {}) as Record<string, unknown>, depth + 1));
    case "object": {
      const out: Record<string, unknown> = {};
      const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
      const required = (schema.required ?? []) as string[];
      for (const [k, s] of Object.entries(props)) if (required.includes(k) || r() < 0.5) out[k] = fromSchema(r, s, depth + 1);
      return out;
    }
    default:
      return depth > 2 ? 1 : { any: [1, "two", null] };
  }
}

/** A value that breaks a (simple) user JSON Schema, and whether the error is inside the value (an inner path). */
function breakSchema(r: Random, schema: Record<string, unknown>): { value: unknown; inner: boolean } {
  if (schema.type === "array" && r() < 0.6) {
    const items = (schema.items ?? {}) as Record<string, unknown>;
    const bad = items.type === "string" ? 5 : "not an item";
    return { value: [fromSchema(r, items), bad], inner: true };
  }
  return { value: pick(r, schema.type === "string" ? [5, true, [], {}] : [5, "text", true]), inner: false };
}

function datetime(r: Random): string {
  const fraction = int(r, 0, 7);
  const date = `${pad(int(r, 0, 9999), 4)}-${pad(int(r, 1, 12), 2)}-${pad(int(r, 1, 31), 2)}`;
  const time = `${pad(int(r, 0, 23), 2)}:${pad(int(r, 0, 59), 2)}:${pad(int(r, 0, 59), 2)}`;
  return `${date}T${time}${fraction ? "." + digits(r, fraction) : ""}Z`;
}

function timespan(r: Random): string {
  const sign = r() < 0.2 ? "-" : "";
  const days = r() < 0.5 ? `${int(r, 0, 99999999)}.` : "";
  const fraction = int(r, 0, 7);
  return `${sign}${days}${pad(int(r, 0, 23), 2)}:${pad(int(r, 0, 59), 2)}:${pad(int(r, 0, 59), 2)}${fraction ? "." + digits(r, fraction) : ""}`;
}

const LONG_EDGES = [0, 1, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, 2 ** 62, -(2 ** 63), 1e18];
const LONG_STRINGS = ["0", "-1", "42", "9007199254740993", "9223372036854775807", "-9223372036854775808", "0000000000000000001"];

/** A random valid non-null value of a column. */
function validValue(r: Random, type: string, mode: Mode, userSchema: Record<string, unknown> | undefined): unknown {
  switch (type) {
    case "string":
      return pick(r, ["", "x", "DeviceName-01", "null", "0", "名前", "quote\"back\\slash", "\u{1F600}", "line\nbreak", "x".repeat(70)]);
    case "bool":
      return r() < 0.5;
    case "int":
      return r() < 0.4 ? pick(r, [0, 1, -1, 2147483647, -2147483648]) : int(r, -2147483648, 2147483647);
    case "long": {
      const number = r() < 0.5 ? pick(r, LONG_EDGES) : int(r, -1e15, 1e15);
      if (mode.long === "number") return number;
      if (mode.long === "string") return r() < 0.5 ? pick(r, LONG_STRINGS) : String(number);
      return r() < 0.5 ? number : pick(r, LONG_STRINGS);
    }
    case "real":
      return pick(r, [0, -0, 1.5, -2.25, 1e308, -1e-308, 5e-324, 42, "NaN", "Infinity", "-Infinity", r() * 1e6]);
    case "decimal":
      return pick(r, ["0", "-1", "1.5", "-0.0001", "123456789012345678901234567890.12345", digits(r, int(r, 1, 20)) + "." + digits(r, int(r, 1, 10))]);
    case "datetime":
      return datetime(r);
    case "timespan":
      return timespan(r);
    case "guid":
      return `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}`;
    case "dynamic":
      return userSchema ? fromSchema(r, userSchema) : pick(r, [1, "text", true, [], [1, "a", null], {}, { a: { b: [1, 2] } }, 1.5]);
  }
  throw new Error(`no generator for ${type}`);
}

/** Values that are invalid for a non-dynamic column of the type (null is added when the column is not nullable). */
function invalidValues(type: string, mode: Mode): unknown[] {
  const shapes = [[], [1], {}, { a: 1 }];
  const formatted = (bad: string[]) => (mode.formats ? bad : []);
  switch (type) {
    case "string":
      return [5, true, 1.5, ...shapes];
    case "bool":
      return ["true", 0, 1, "false", ...shapes];
    case "int":
      return [1.5, 2147483648, -2147483649, "5", true, 1e10, ...shapes];
    case "long":
      if (mode.long === "number") return [1.5, "5", true, 1e300, 2 ** 64, -(2 ** 64), ...shapes];
      if (mode.long === "string") return [5, 1.5, "1.5", "abc", "", "12345678901234567890", "+5", " 5", true, ...shapes];
      return [1.5, "1.5", "abc", "", "12345678901234567890", "+5", true, 2 ** 64, ...shapes];
    case "real":
      return ["1.5", "nan", "inf", "Infinity ", true, ...shapes];
    case "decimal":
      return [1.5, 7, ...formatted(["1e5", "+1", "1.", ".5", "abc", "", "1,5"]), ...shapes];
    case "datetime":
      return [1714564800, ...formatted(["2024-05-01", "2024-05-01T12:00:00.12345678Z", "2024-05-01 12:00:00Z", "2024-05-01T12:00:00+01:00", "yesterday", "2024-05-01T24:00:00Z"]), ...shapes];
    case "timespan":
      return [5, ...formatted(["1:00:00", "00:60:00", "24:00:00", "1.2.3", "P1D", "123456789.00:00:00"]), ...shapes];
    case "guid":
      return [5, ...formatted(["{0f8fad5b-d9cb-469f-a165-70867728950e}", "not-a-guid", "0f8fad5bd9cb469fa16570867728950e", "0f8fad5b-d9cb-469f-a165-70867728950g"]), ...shapes];
  }
  return [];
}

function pointer(name: string): string {
  return "/" + name.replace(/~/g, "~0").replace(/\//g, "~1");
}

interface Sample {
  readonly record: Record<string, unknown>;
  /** Columns (incl. unknown extra ones) the record breaks. Empty: the record is valid. */
  readonly broken: ReadonlySet<string>;
  /** Extra columns the table does not know. */
  readonly extra: readonly string[];
}

const EXTRA_NAMES = ["NewColumn", "a/b~c", "MachineGroup", "Field With Space", "x"];

function makeSample(r: Random, table: GeneratedTable, mode: Mode, mutate: boolean): Sample {
  const record: Record<string, unknown> = {};
  const schemaOf = (c: GeneratedColumn) => (c.type === "dynamic" ? mode.schemas[`${table.name}.${c.name}`] : undefined);
  for (const c of table.columns) record[c.name] = c.nullable && r() < 0.15 ? null : validValue(r, c.type, mode, schemaOf(c));
  const broken = new Set<string>();
  const extra: string[] = [];
  const known = new Set(table.columns.map((c) => c.name));
  const addExtra = () => {
    const candidates = [...EXTRA_NAMES, table.columns[0]!.name.toLowerCase()].filter((n) => !known.has(n) && !(n in record));
    if (candidates.length === 0) return;
    const name = pick(r, candidates);
    record[name] = pick(r, [1, "x", null, { a: 1 }]);
    extra.push(name);
    if (mode.unknownColumns === "error") broken.add(name);
  };
  if (!mutate) {
    if (mode.unknownColumns === "report" && r() < 0.3) addExtra();
    return { record, broken, extra };
  }
  const count = int(r, 1, 3);
  for (let k = 0; k < count; k++) {
    if (mode.unknownColumns === "error" && r() < 0.15) {
      addExtra();
      continue;
    }
    const c = pick(r, table.columns);
    if (broken.has(c.name)) continue;
    const userSchema = schemaOf(c);
    const candidates: unknown[] = [...invalidValues(c.type, mode)];
    if (!c.nullable) candidates.push(null);
    if (userSchema) candidates.push(breakSchema(r, userSchema).value);
    if (r() < 0.2 || candidates.length === 0) delete record[c.name];
    else record[c.name] = structuredClone(pick(r, candidates));
    broken.add(c.name);
  }
  if (broken.size === 0) {
    // Every draw hit an already-broken column or found no candidate: break one column by removing it.
    const c = table.columns[0]!;
    delete record[c.name];
    broken.add(c.name);
  }
  return { record, broken, extra };
}

const CONFIGS: Record<string, { config: () => string; mode: Mode }> = {
  "default (no format checks)": {
    config: () => writeConfig({}, "diff-default"),
    mode: { long: "number", formats: false, unknownColumns: "report", schemas: {} },
  },
  'formats true, unknownColumns "error"': {
    config: () => writeConfig({ mapping: { formats: true, unknownColumns: "error" } }, "diff-unknown-error"),
    mode: { long: "number", formats: true, unknownColumns: "error", schemas: {} },
  },
  'formats true, long "bigint"': {
    config: () => writeConfig({ mapping: { formats: true, long: "bigint" } }, "diff-bigint"),
    mode: { long: "bigint", formats: true, unknownColumns: "report", schemas: {} },
  },
  "kqlgen.config.json (nullable:false, dynamic schemas)": {
    config: () => REPO_CONFIG,
    mode: (() => {
      const repo = JSON.parse(readFileSync(REPO_CONFIG, "utf8")) as {
        mapping?: { formats?: boolean };
        columns: Record<string, { schema?: Record<string, unknown> }>;
      };
      const schemas = Object.fromEntries(Object.entries(repo.columns).flatMap(([k, v]) => (v.schema ? [[k, v.schema]] : [])));
      return { long: "number", formats: repo.mapping?.formats ?? false, unknownColumns: "report", schemas } as Mode;
    })(),
  },
};

describe.each(Object.keys(CONFIGS))("generated validators agree with Ajv: %s", (name) => {
  const { config, mode } = CONFIGS[name]!;

  it("on thousands of random valid and mutated records of every table", async () => {
    const pkg = await buildGenerated(ALL_SCHEMAS, config());
    const tables = pkg.module.tables as readonly GeneratedTable[];
    expect(tables.length).toBe(18);
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const random = rng(0x6b716c67 + name.length);
    let checked = 0;
    let invalidSeen = 0;
    const problems: string[] = [];
    for (const table of tables) {
      const schema = JSON.parse(pkg.files.get(`schemas/${table.name}.schema.json`)!);
      const ajvValidate = ajv.compile(schema);
      const validate = pkg.module[`validate${table.name}`] as (v: unknown) => {
        ok: boolean;
        value?: Record<string, unknown>;
        errors?: { path: string; column?: string }[];
        unknownColumns: readonly string[];
      };
      const is = pkg.module[`is${table.name}`] as (v: unknown) => boolean;
      for (let i = 0; i < 2 * RECORDS_PER_TABLE && problems.length < 3; i++) {
        const { record, broken, extra } = makeSample(random, table, mode, i >= RECORDS_PER_TABLE);
        const json = JSON.stringify(record);
        const ajvOk = ajvValidate(record);
        const where = `${table.name}`;
        const rec = `\n    record: ${json}`;
        // bigint validation converts values in place: validate copies.
        let result: ReturnType<typeof validate>;
        let guard: boolean;
        try {
          result = validate(structuredClone(record));
          // is<Table> checks a typed row as it is (never converting): with long "bigint", the typed row is validate's value.
          guard = is(mode.long === "bigint" && result.ok ? result.value : structuredClone(record));
        } catch (e) {
          problems.push(`${where}: the generated validator threw ${String(e)} (Ajv says ${ajvOk ? "valid" : "invalid"})${rec}`);
          continue;
        }
        checked++;
        const intended = broken.size === 0;
        if (result.ok !== ajvOk) {
          problems.push(`${where}: validate${table.name} says ${result.ok ? "valid" : `invalid ${JSON.stringify(result.errors)}`}, Ajv says ${ajvOk ? "valid" : `invalid ${JSON.stringify(ajvValidate.errors)}`}${rec}`);
          continue;
        }
        if (guard !== ajvOk) problems.push(`${where}: is${table.name} says ${guard}, Ajv and validate${table.name} say ${ajvOk}${rec}`);
        if (ajvOk !== intended) {
          problems.push(`${where}: both say ${ajvOk ? "valid" : "invalid"}, but the record was made ${intended ? "valid" : `invalid (broken: ${[...broken].join(", ")})`}${rec}`);
          continue;
        }
        if (result.ok) {
          const unknown = [...result.unknownColumns].sort();
          if (JSON.stringify(unknown) !== JSON.stringify([...extra].sort())) {
            problems.push(`${where}: unknownColumns ${JSON.stringify(unknown)}, expected ${JSON.stringify(extra)}${rec}`);
          }
          if (mode.long === "bigint") {
            for (const c of table.columns) {
              const v = result.value![c.name];
              if (c.type === "long" && v !== null && typeof v !== "bigint") problems.push(`${where}: ${c.name} is ${typeof v}, expected bigint${rec}`);
            }
          }
          continue;
        }
        invalidSeen++;
        const pointers = [...broken].map(pointer);
        for (const e of result.errors!) {
          if (!pointers.some((p) => e.path === p || e.path.startsWith(p + "/"))) {
            problems.push(`${where}: error ${JSON.stringify(e)} does not point at a mutated column (${[...broken].join(", ")})${rec}`);
          }
        }
        for (const column of broken) {
          if (!result.errors!.some((e) => e.column === column)) problems.push(`${where}: no error for mutated column ${column}: ${JSON.stringify(result.errors)}${rec}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBe(tables.length * 2 * RECORDS_PER_TABLE);
    expect(invalidSeen).toBe(tables.length * RECORDS_PER_TABLE);
  });
});

/**
 * The streamed-record shape: the stream parser (parseEventHubsMessage on the
 * record's text) and validate<T>Event against Ajv on schemas/<T>.record.schema.json
 * (and its properties), on random records with a third of the values null
 * (strings too), absent columns, MachineGroup absent, null or a string, the
 * envelope extras — and mutated ones (wrong types, bad envelope, absent
 * columns where the config makes them errors).
 */
interface StreamMode extends Mode {
  readonly missingColumns: "report" | "error";
  /** `Table.Column` keys configured nullable: false (present and not null in the stream too). */
  readonly required: readonly string[];
}

const TENANT = "4d3c2b1a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";

interface StreamSample {
  readonly record: Record<string, unknown>;
  /** JSON Pointers (from the record) of what the mutation broke; empty: valid. */
  readonly broken: ReadonlySet<string>;
  /** Absent optional columns (drift). */
  readonly absent: readonly string[];
}

function makeStreamSample(r: Random, table: GeneratedTable, mode: StreamMode, mutate: boolean): StreamSample {
  const properties: Record<string, unknown> = {};
  const schemaOf = (c: GeneratedColumn) => (c.type === "dynamic" ? mode.schemas[`${table.name}.${c.name}`] : undefined);
  const required = (c: GeneratedColumn) => mode.required.includes(`${table.name}.${c.name}`);
  const optional = (c: GeneratedColumn) => !required(c) && c.name !== "MachineGroup";
  const absent: string[] = [];
  // On the stream a long is a number or a decimal string in string mode as in bigint mode.
  const streamLong = mode.long === "string" ? ({ ...mode, long: "bigint" } as Mode) : mode;
  for (const c of table.columns) {
    if (optional(c) && mode.missingColumns === "report" && r() < 0.1) {
      absent.push(c.name);
      continue;
    }
    properties[c.name] = !required(c) && r() < 1 / 3 ? null : validValue(r, c.type, streamLong, schemaOf(c));
  }
  const group = r();
  if (group < 0.6) properties.MachineGroup = group < 0.3 ? null : "Servers";
  else if (table.columns.some((c) => c.name === "MachineGroup")) delete properties.MachineGroup;
  const record: Record<string, unknown> = { time: datetime(r), tenantId: TENANT, category: `AdvancedHunting-${table.name}`, properties };
  if (r() < 0.5) Object.assign(record, { operationName: "Publish", Tenant: "DefaultTenant", _TimeReceivedBySvc: datetime(r) });
  const broken = new Set<string>();
  if (!mutate) return { record, broken, absent };
  const what = r();
  if (what < 0.1) {
    record.tenantId = pick(r, ["tenant-test", 5, null]);
    broken.add("/tenantId");
  } else if (what < 0.15) {
    record[pick(r, ["operationName", "Tenant", "_TimeReceivedBySvc"])] = pick(r, [5, null, true]);
    broken.add("/operationName");
  } else if (what < 0.2) {
    properties.MachineGroup = pick(r, [5, true, {}]);
    broken.add("/properties/MachineGroup");
  } else {
    const count = int(r, 1, 3);
    for (let k = 0; k < count; k++) {
      const c = pick(r, table.columns);
      const userSchema = schemaOf(c);
      const candidates: unknown[] = invalidValues(c.type, streamLong);
      if (required(c)) candidates.push(null);
      if (userSchema) candidates.push(breakSchema(r, userSchema).value);
      const canDelete = required(c) || (mode.missingColumns === "error" && c.name !== "MachineGroup");
      if (canDelete && (r() < 0.3 || candidates.length === 0)) delete properties[c.name];
      else if (candidates.length > 0) properties[c.name] = structuredClone(pick(r, candidates));
      else continue;
      broken.add(`/properties/${pointer(c.name).slice(1)}`);
    }
    if (broken.size === 0) {
      record.time = 5;
      broken.add("/time");
    }
  }
  // The extras share one pointer family: any of them may be the one reported.
  return { record, broken, absent };
}

const STREAM_CONFIGS: Record<string, { config: () => string; mode: StreamMode }> = {
  "default (no format checks)": {
    config: () => writeConfig({}, "diff-stream-default"),
    mode: { long: "number", formats: false, unknownColumns: "report", missingColumns: "report", required: [], schemas: {} },
  },
  'formats true, missingColumns "error", long "string"': {
    config: () => writeConfig({ mapping: { formats: true, missingColumns: "error", long: "string" } }, "diff-stream-missing-error"),
    mode: { long: "string", formats: true, unknownColumns: "report", missingColumns: "error", required: [], schemas: {} },
  },
  "kqlgen.config.json (nullable:false, dynamic schemas)": {
    config: () => REPO_CONFIG,
    mode: (() => {
      const repo = JSON.parse(readFileSync(REPO_CONFIG, "utf8")) as { columns: Record<string, { schema?: Record<string, unknown>; nullable?: boolean }> };
      const schemas = Object.fromEntries(Object.entries(repo.columns).flatMap(([k, v]) => (v.schema ? [[k, v.schema]] : [])));
      const required = Object.entries(repo.columns).flatMap(([k, v]) => (v.nullable === false ? [k] : []));
      return { long: "number", formats: false, unknownColumns: "report", missingColumns: "report", required, schemas } as StreamMode;
    })(),
  },
};

describe.each(Object.keys(STREAM_CONFIGS))("the stream parser and validate<T>Event agree with Ajv on the streamed-record schemas: %s", (name) => {
  const { config, mode } = STREAM_CONFIGS[name]!;

  it("on random records with null strings, absent columns, MachineGroup absent or null, and mutated ones", async () => {
    const pkg = await buildGenerated(ALL_SCHEMAS, config());
    const tables = pkg.module.tables as readonly GeneratedTable[];
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const random = rng(0x77697265 + name.length);
    const problems: string[] = [];
    let valid = 0;
    let invalid = 0;
    let nullStrings = 0;
    let absentSeen = 0;
    for (const table of tables) {
      const schema = JSON.parse(pkg.files.get(`schemas/${table.name}.record.schema.json`)!);
      const ajvRecord = ajv.compile(schema);
      const ajvEvent = ajv.compile({ $schema: schema.$schema, ...schema.properties.properties });
      const validateEvent = pkg.module[`validate${table.name}Event`] as (v: unknown) => { ok: boolean; errors?: { path: string }[]; missingColumns: readonly string[] };
      for (let i = 0; i < 2 * RECORDS_PER_TABLE && problems.length < 3; i++) {
        const { record, broken, absent } = makeStreamSample(random, table, mode, i >= RECORDS_PER_TABLE);
        const json = JSON.stringify(record);
        const rec = `\n    record: ${json}`;
        nullStrings += table.columns.filter((c) => c.type === "string" && (record.properties as Record<string, unknown>)[c.name] === null).length;
        absentSeen += absent.length;
        const ajvOk = ajvRecord(record);
        const parsed = pkg.module.parseEventHubsMessage(`{"records":[${json}]}`) as { records: unknown[]; errors: { path: string }[]; missingColumns: { column: string }[] };
        const parserOk = parsed.errors.length === 0 && parsed.records.length === 1;
        const intended = broken.size === 0;
        if (parserOk !== ajvOk || ajvOk !== intended) {
          problems.push(`${table.name}: parser ${parserOk ? "valid" : `invalid ${JSON.stringify(parsed.errors)}`}, Ajv ${ajvOk ? "valid" : `invalid ${JSON.stringify(ajvRecord.errors)}`}, made ${intended ? "valid" : [...broken].join(", ")}${rec}`);
          continue;
        }
        const propsOk = ajvEvent(record.properties);
        const event = validateEvent(structuredClone(record.properties));
        if (event.ok !== propsOk) problems.push(`${table.name}: validate${table.name}Event says ${event.ok}, Ajv on the properties says ${propsOk}${rec}`);
        if (ajvOk) {
          valid++;
          if (JSON.stringify(parsed.missingColumns.map((m) => m.column).sort()) !== JSON.stringify([...absent].sort())) {
            problems.push(`${table.name}: missingColumns ${JSON.stringify(parsed.missingColumns)}, expected ${JSON.stringify(absent)}${rec}`);
          }
          if (JSON.stringify([...event.missingColumns].sort()) !== JSON.stringify([...absent].sort())) problems.push(`${table.name}: validate${table.name}Event missingColumns ${JSON.stringify(event.missingColumns)}${rec}`);
          continue;
        }
        invalid++;
        const envelopeExtras = ["/operationName", "/Tenant", "/_TimeReceivedBySvc"];
        for (const e of parsed.errors) {
          const at = e.path.replace(/^\/records\/0/, "");
          const ok = [...broken].some((p) => at === p || at.startsWith(p + "/") || (p === "/operationName" && envelopeExtras.includes(at)));
          if (!ok) problems.push(`${table.name}: error ${JSON.stringify(e)} does not point at what was broken (${[...broken].join(", ")})${rec}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(valid).toBe(tables.length * RECORDS_PER_TABLE);
    expect(invalid).toBe(tables.length * RECORDS_PER_TABLE);
    expect(nullStrings).toBeGreaterThan(1000);
    if (mode.missingColumns === "report") expect(absentSeen).toBeGreaterThan(500);
  });
});
