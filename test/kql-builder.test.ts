/**
 * The typed query builder of the generated package, proved with Kusto's own
 * analyzer: a corpus generated from the fixture schemas (every builder step,
 * every operator and function for every column type, every column name of
 * every table) is compiled as TypeScript against the generated package, run,
 * and every query it builds must analyze with zero diagnostics, with result
 * columns and Kusto types equal to the builder's — and, checked by tsc, equal
 * to the TypeScript row type. Also: the KQL text of typical queries, the
 * builder's errors for misuse from JavaScript, and runQuery with a fake
 * LogsQueryClient returning what @azure/monitor-query-logs returns.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { KustoType } from "../src/model/kusto-types.js";
import type { SchemaSet } from "../src/model/schema.js";
import { buildPackage } from "../src/pipeline.js";
import { readSchemaDir } from "../src/sources/index.js";
import { compile, ALL_SCHEMAS, freshDir, REPO_CONFIG, runTsc, writeConfig, writeFiles, type GeneratedModule } from "./helpers/generated.js";
import { analyze, globalsFor, type KustoGlobals } from "./helpers/kusto.js";

const str = (s: string) => JSON.stringify(s);

/** Values of each type, as TypeScript source: one value, a list, a [low, high] range. */
const VALUES: Record<KustoType, { one: string; list: string; range?: string }> = {
  string: { one: `"x\\"y'z\\\\"`, list: `["a", "b\\nc"]` },
  bool: { one: "true", list: "[true, false]" },
  int: { one: "5", list: "[1, 2.5]", range: "[1, 10]" },
  long: { one: "5n", list: "[5, -5n]", range: "[-5, 10n]" },
  real: { one: "1.5", list: '[1, "NaN"]', range: "[0, 1.5]" },
  decimal: { one: '"1.5"', list: '["1.5", 2n, 3]', range: '["-1.5", 2]' },
  datetime: { one: '"2024-05-01T12:00:00.1234567Z"', list: '["2024-05-01", new Date(0)]', range: '[ago("7d"), now()]' },
  timespan: { one: '"1h"', list: '["1h", 5000, "-00:00:01"]', range: '["00:00:01", "1d"]' },
  guid: { one: '"0f8fad5b-d9cb-469f-a165-70867728950e"', list: '["0F8FAD5B-D9CB-469F-A165-70867728950E"]' },
  dynamic: { one: '"x"', list: '["a", "b"]' },
};

const EQUALITY = ["==", "!=", "in", "!in"];
const ORDERED_OPS = ["<", "<=", ">", ">=", "between", "!between"];
const STRING_OPS = [
  "=~", "!~", "in~", "!in~", "has", "!has", "has_cs", "!has_cs", "hasprefix", "hassuffix", "has_any", "has_all", "contains", "!contains",
  "contains_cs", "!contains_cs", "startswith", "!startswith", "startswith_cs", "endswith", "!endswith", "endswith_cs", "matches regex",
];
const DYNAMIC_OPS = ["has", "!has", "contains", "!contains", "has_any", "has_all"];
const NUMERIC: KustoType[] = ["int", "long", "real", "decimal"];
const ORDERED: KustoType[] = [...NUMERIC, "datetime", "timespan"];

function operators(type: KustoType): string[] {
  if (type === "dynamic") return DYNAMIC_OPS;
  if (type === "string") return [...EQUALITY, ...STRING_OPS];
  return ORDERED.includes(type) ? [...EQUALITY, ...ORDERED_OPS] : EQUALITY;
}

function operand(type: KustoType, op: string): string {
  const v = VALUES[type];
  if (["in", "!in", "in~", "!in~", "has_any", "has_all"].includes(op)) return type === "dynamic" || op.includes("~") || op.startsWith("has") ? '["a", "b"]' : v.list;
  if (op === "between" || op === "!between") return v.range!;
  if (op === "matches regex") return '"^a.*\\\\d"';
  if (STRING_OPS.includes(op) || DYNAMIC_OPS.includes(op)) return '"x"';
  return v.one;
}

/** Predicates on column `c[n]` of a type, as TypeScript source. */
function predicates(type: KustoType, n: string): string[] {
  const col = `c[${str(n)}]`;
  const v = VALUES[type];
  if (type === "dynamic") {
    return [
      `${col}.get("a").get(0).isNull()`, `${col}.has("x")`, `${col}.notHas("x")`, `${col}.contains("x")`, `${col}.notContains("x")`,
      `${col}.hasAny(["a", "b"])`, `${col}.hasAll(["a"])`, `${col}.isEmpty()`, `${col}.isNotEmpty()`, `${col}.isNotNull()`,
      `f.tostring(${col}.get("k")).has("x")`, `f.array_length(${col}).gt(0)`,
    ];
  }
  const out = [`${col}.eq(${v.one})`, `${col}.ne(null)`, `${col}.eq(null)`, `${col}.in(${v.list})`, `${col}.notIn(${v.list})`, `${col}.isNull()`, `${col}.isNotNull()`, `${col}.eq(${col})`];
  if (ORDERED.includes(type)) {
    const [lo, hi] = v.range!.slice(1, -1).split(/, (?![^(]*\))/);
    out.push(`${col}.gt(${v.one})`, `${col}.ge(${col})`, `${col}.lt(${v.one})`, `${col}.le(${v.one})`, `${col}.between(${lo}, ${hi})`, `${col}.notBetween(${lo}, ${hi})`);
  }
  if (NUMERIC.includes(type)) out.push(`${col}.gt(lit.long(5)).or(${col}.lt(lit.real(-1.5)))`, `${col}.ge(lit.int(1))`, `${col}.le(lit.decimal("2.5"))`);
  if (type === "string") {
    for (const m of ["eqCi", "neCi", "has", "notHas", "hasCs", "notHasCs", "hasPrefix", "hasSuffix", "contains", "notContains", "containsCs", "notContainsCs", "startsWith", "notStartsWith", "startsWithCs", "endsWith", "notEndsWith", "endsWithCs"]) {
      out.push(`${col}.${m}("x")`);
    }
    out.push(`${col}.inCi(["a"])`, `${col}.notInCi(["a", "B"])`, `${col}.hasAny(["a", "b"])`, `${col}.hasAll(["a"])`, `${col}.matchesRegex("[a-z]+")`);
    out.push(`${col}.isEmpty()`, `${col}.isNotEmpty()`, `f.tolower(${col}).eq("x")`, `${col}.eqCi(f.toupper(${col}))`, `f.strlen(${col}).gt(3)`);
  }
  if (type === "bool") out.push(col, `${col}.and(${col}.not())`, `${col}.or(f.not(${col}))`, `f.and(${col}, ${col}.eq(false))`, `f.or(${col}, ${col}.ne(true))`);
  return out;
}

/** Computed columns from column `c[n]` of a type, as TypeScript source. */
function functions(type: KustoType, n: string, others: { string?: string; datetime?: string }): string[] {
  const col = `c[${str(n)}]`;
  const out = [`f.tostring(${col})`, `f.isnull(${col})`, `f.isnotnull(${col})`, `f.isempty(${col})`, `f.isnotempty(${col})`];
  const s = others.string ? `c[${str(others.string)}]` : `lit.string("s")`;
  switch (type) {
    case "string":
      out.push(
        `f.tolower(${col})`, `f.toupper(${col})`, `f.strlen(${col})`, `f.substring(${col}, 1, 2)`, `f.substring(${col}, 1)`, `f.strcat(${col}, "-", ${s}, c[${str(n)}].isEmpty())`,
        `f.replace_string(${col}, "a", ${s})`, `f.extract("a(b)", 1, ${col})`, `f.split(${col}, ",")`, `f.parse_json(${col})`, `f.toint(${col})`, `f.tolong(${col})`,
        `f.toreal(${col})`, `f.todecimal(${col})`, `f.todatetime(${col})`, `f.totimespan(${col})`, `f.toguid(${col})`, `f.tobool(${col})`,
        `f.iff(${col}.has("x"), ${col}, "y")`, `f.coalesce(${col}, "z")`, `f.tolower("literal")`,
      );
      break;
    case "datetime":
      out.push(
        `f.bin(${col}, "1h")`, `f.bin(${col}, 86400000)`, `f.startofday(${col})`, `f.startofweek(${col})`, `f.startofmonth(${col})`, `f.startofyear(${col})`, `f.endofday(${col})`,
        `f.format_datetime(${col}, "yyyy-MM-dd HH:mm")`, `f.coalesce(${col}, ago("1d"), "2024-01-01")`, `f.iff(${col}.gt(ago("1h")), ${col}, now())`, `f.todatetime(${col})`,
      );
      break;
    case "int":
    case "long":
      out.push(`f.bin(${col}, 5)`, `f.tolong(${col})`, `f.toint(${col})`, `f.toreal(${col})`, `f.todecimal(${col})`, `f.coalesce(${col}, null, 0)`, `f.iff(${col}.gt(1), ${col}, lit.${type}(null))`, `f.iff(${col}.gt(1), ${col}, null)`);
      break;
    case "real":
      out.push(`f.bin(${col}, 0.5)`, `f.toreal(${col})`, `f.tolong(${col})`, `f.coalesce(${col}, "NaN")`);
      break;
    case "decimal":
      out.push(`f.bin(${col}, 2)`, `f.todecimal(${col})`, `f.coalesce(${col}, "1.5")`);
      break;
    case "timespan":
      out.push(`f.bin(${col}, "1h")`, `f.totimespan(${col})`, `f.coalesce(${col}, 60000)`);
      break;
    case "guid":
      out.push(`f.toguid(f.tostring(${col}))`, `f.coalesce(${col}, "0f8fad5b-d9cb-469f-a165-70867728950e")`);
      break;
    case "bool":
      out.push(`f.not(${col})`, `f.iff(${col}, lit.string("a"), "b")`, `f.tobool(${col})`, `f.coalesce(${col}, false)`);
      break;
    case "dynamic":
      out.push(`${col}.get("a")`, `${col}.get(0)`, `${col}.get("a").get("b c")`, `f.array_length(${col})`, `f.tostring(${col}.get("k"))`);
      break;
  }
  return out;
}

/** Aggregations of column `c[n]` of a type, as TypeScript source. */
function aggregations(type: KustoType, n: string, bool: string | undefined): string[] {
  const col = `c[${str(n)}]`;
  const pred = bool ? `c[${str(bool)}]` : `${col}.isNotNull()`;
  const out = [`a.dcount(${col})`, `a.dcountif(${col}, ${pred})`, `a.take_any(${col})`, `a.make_set(${col})`, `a.make_list(${col}, 10)`];
  if (["int", "long", "real", "decimal", "timespan"].includes(type)) out.push(`a.sum(${col})`, `a.sumif(${col}, ${pred})`, `a.avg(${col})`, `a.avgif(${col}, ${pred})`);
  if (type === "datetime") out.push(`a.avg(${col})`, `a.avgif(${col}, ${pred})`);
  if ([...ORDERED, "string", "bool"].includes(type)) out.push(`a.min(${col})`, `a.max(${col})`);
  if (NUMERIC.includes(type)) out.push(`a.stdev(${col})`, `a.variance(${col})`);
  return out;
}

interface Entry {
  readonly label: string;
  readonly code: string;
}

/** The corpus: TypeScript source of queries over every table of a schema set. */
function corpus(schema: SchemaSet): Entry[] {
  const entries: Entry[] = [];
  const add = (label: string, code: string) => entries.push({ label, code });
  for (const table of schema.tables) {
    const T = `${table.name}Kql`;
    const cols = table.columns;
    const names = cols.map((c) => c.name);
    const sortable = cols.filter((c) => c.type !== "dynamic").map((c) => c.name);
    const firstOf = (type: KustoType) => cols.find((c) => c.type === type)?.name;
    const everything = table.name.startsWith("Kqlgen");
    // where, for every column: every operator and predicate for edge-case tables and for the first column of each type.
    for (const c of cols) {
      const full = everything || firstOf(c.type) === c.name;
      const ops = full ? operators(c.type) : [operators(c.type)[0]!];
      const wheres = ops.map((op) => `.where(${str(c.name)}, ${str(op)}, ${operand(c.type, op)})`);
      if (full && c.type !== "dynamic" && c.type !== "string") wheres.push(`.where(${str(c.name)}, "==", null)`, `.where(${str(c.name)}, "!=", null)`);
      const preds = full ? predicates(c.type, c.name) : [predicates(c.type, c.name)[c.type === "dynamic" ? 9 : 6]!];
      wheres.push(`.where((c, f) => ${preds.length > 1 ? `f.and(${preds.join(", ")})` : preds[0]})`);
      if (full && preds.length > 1) wheres.push(`.where((c, f) => ${preds[0]}.or(${preds[1]}).and(${preds[2]}))`);
      add(`${table.name}: where on ${c.name} (${c.type})`, `${T}${wheres.join("")}`);
    }
    add(`${table.name}: project every column, reversed`, `${T}.project(${[...names].reverse().map(str).join(", ")})`);
    add(`${table.name}: project-away`, `${T}.projectAway(${names.slice(0, Math.ceil(names.length / 2)).map(str).join(", ")})`);
    if (names.length >= 2) add(`${table.name}: project-rename`, `${T}.projectRename({ Renamed0: ${str(names[0]!)}, ["Renamed one"]: ${str(names[1]!)} })`);
    add(`${table.name}: project computed`, `${T}.project((c, f) => ({ ${str(names[0]!)}: c[${str(names[0]!)}], Computed: f.tostring(c[${str(names[names.length - 1]!)}]) }))`);
    const others = { string: firstOf("string"), datetime: firstOf("datetime") };
    const computed = cols.flatMap((c) => functions(c.type, c.name, others));
    add(`${table.name}: extend with every function`, `${T}.extend((c, f) => ({ ${computed.map((e, i) => `E_${i}: ${e}`).join(", ")} }))`);
    add(`${table.name}: extend replacing a column`, `${T}.extend((c, f) => ({ ${str(names[0]!)}: f.strlen(f.tostring(c[${str(names[0]!)}])) }))`);
    const bool = firstOf("bool");
    const aggs = cols.flatMap((c) => aggregations(c.type, c.name, bool));
    const by = sortable.slice(0, 2).map(str).join(", ");
    add(`${table.name}: summarize every aggregation`, `${T}.summarize((c, a) => ({ N: a.count(), NIf: a.countif(c[${str(names[0]!)}].isNotNull()), ${aggs.map((e, i) => `A_${i}: ${e}`).join(", ")} }), [${by}])`);
    if (others.datetime && others.string) {
      add(
        `${table.name}: summarize by computed keys, then further steps`,
        `${T}.where(${str(others.datetime)}, ">", ago("7d")).summarize((c, a) => ({ N: a.count(), Devices: a.make_set(c[${str(others.string)}]) }), (c, f) => ({ Bucket: f.bin(c[${str(others.datetime)}], "1h"), Key: f.tolower(c[${str(others.string)}]), ${str(others.string)}: c[${str(others.string)}] })).where("N", ">", 5).extend((c, f) => ({ Size: f.array_length(c.Devices) })).orderBy(["N", "asc"], "Bucket").project("Bucket", "N", "Size")`,
      );
    }
    add(
      `${table.name}: order by every column, take, limit`,
      `${T}.orderBy(${sortable.map((n, i) => (i % 3 === 0 ? str(n) : i % 3 === 1 ? `[${str(n)}, "asc"]` : `[${str(n)}, "desc", "nulls first"]`)).join(", ")}).take(5).limit(3)`,
    );
    add(`${table.name}: top`, `${T}.top(10, ${str(sortable[0]!)}, "asc", "nulls last")`);
    add(`${table.name}: distinct`, `${T}.distinct(${sortable.slice(0, 3).map(str).join(", ")})`);
    add(`${table.name}: summarize by names only`, `${T}.summarize(() => ({}), [${sortable.slice(-2).map(str).join(", ")}])`);
    add(`${table.name}: count`, `${T}.count().where("Count", ">", 0)`);
  }
  const first = schema.tables[0]!;
  add(
    "literal and time expressions",
    `${first.name}Kql.extend((c, f) => ({ L1: lit.string("a\\"b"), L2: lit.bool(true), L3: lit.int(5), L4: lit.long(-5n), L5: lit.real(-1.5), L6: lit.decimal("1.5"), L7: lit.datetime(new Date(0)), L8: lit.timespan("-00:00:01.5"), L9: lit.guid("0f8fad5b-d9cb-469f-a165-70867728950e"), L10: lit.dynamic({ a: [1, 2.5, "x", null] }), L11: lit.secret("p@ss"), L12: ago("1h"), L13: now(), L14: now("-1h"), L15: lit.long(null), L16: lit.real("NaN"), L17: lit.bool(null), L18: f.now(), L19: lit.timespan(null), L20: lit.datetime(null), L21: lit.guid(null), L22: lit.decimal(null), L23: lit.int(null), L24: lit.real(null) }))`,
  );
  return entries;
}

function corpusSource(schema: SchemaSet, entries: readonly Entry[]): string {
  return [
    `import { ago, now, lit, ${schema.tables.map((t) => `${t.name}Kql`).join(", ")} } from "./index.js";`,
    ...entries.map((e, i) => `/** ${e.label} */\nexport const q${i} = ${e.code};`),
    "",
  ].join("\n");
}

/** TypeScript assertions: each query's Kusto types equal Kusto's, and its row type fits them. */
function typeAssertions(results: readonly (readonly { name: string; type: string }[])[]): string {
  return [
    'import type * as C from "./corpus.js";',
    'import type { KustoTypesOf, RowOf } from "./index.js";',
    "type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
    "type Expect<T extends true> = T;",
    "/** Row values each Kusto type may have (long in any configured representation; dynamic anything). */",
    "interface Allowed { string: string; bool: boolean | null; int: number | null; long: number | string | bigint | null; real: number | \"NaN\" | \"Infinity\" | \"-Infinity\" | null; decimal: string | null; datetime: string | null; timespan: string | null; guid: string | null; dynamic: unknown }",
    "type Fits<R, K> = { [N in keyof R]: N extends keyof K ? K[N] extends keyof Allowed ? [R[N]] extends [never] ? false : [R[N]] extends [Allowed[K[N]]] ? true : false : false : false }[keyof R];",
    ...results.map(
      (columns, i) =>
        `type K${i} = { ${columns.map((c) => `${str(c.name)}: ${str(c.type)}`).join("; ")} };\n` +
        `export type T${i} = [Expect<Equal<KustoTypesOf<typeof C.q${i}>, K${i}>>, Expect<Equal<keyof RowOf<typeof C.q${i}>, keyof K${i}>>, Expect<Equal<Fits<RowOf<typeof C.q${i}>, K${i}>, true>>];`,
    ),
    "",
  ].join("\n");
}

describe("the builder's corpus over the fixture tables, analyzed by Kusto", () => {
  let schema: SchemaSet;
  let globals: KustoGlobals;
  let dir: string;
  let entries: Entry[];
  let queries: { kql: string; columns: { name: string; type: string }[] }[];
  let analyses: Awaited<ReturnType<typeof analyze>>[];

  beforeAll(async () => {
    schema = await readSchemaDir(ALL_SCHEMAS);
    globals = await globalsFor(schema);
    const { files } = await buildPackage({ schemas: ALL_SCHEMAS, config: REPO_CONFIG });
    dir = freshDir("kql-corpus");
    writeFiles(dir, files);
    entries = corpus(schema);
    writeFileSync(join(dir, "src/corpus.ts"), corpusSource(schema, entries));
    await compile(dir);
    const module = (await import(pathToFileURL(join(dir, "dist/corpus.js")).href)) as GeneratedModule;
    queries = entries.map((_, i) => module[`q${i}`]);
    analyses = [];
    for (const q of queries) analyses.push(await analyze(q.kql, globals));
  }, 300_000); // a shared, loaded machine: compiling the corpus and analyzing every query takes minutes there

  it("covers every table, column, column type and builder step", () => {
    expect(entries.length).toBeGreaterThan(800);
    const text = queries.map((q) => q.kql).join("\n");
    for (const step of ["where", "project", "project-away", "project-rename", "extend", "summarize", "order by", "take", "limit", "top", "distinct", "count", "ago(", "between", "now("]) {
      expect(text).toContain(`${step}`);
    }
    for (const t of schema.tables) for (const c of t.columns) expect(entries.some((e) => e.label === `${t.name}: where on ${c.name} (${c.type})`)).toBe(true);
  });

  it("every query analyzes with zero diagnostics", () => {
    const problems = analyses.flatMap((a, i) =>
      a.diagnostics.map((d) => `${entries[i]!.label}: ${d.code} ${d.message} at ${JSON.stringify(queries[i]!.kql.slice(d.start, d.start + Math.max(d.length, 20)))}`),
    );
    expect(problems).toEqual([]);
  });

  it("every query's result columns and types, in order, are those the builder reports", () => {
    const mismatches = analyses.flatMap((a, i) => {
      const builder = queries[i]!.columns.map((c) => `${c.name}:${c.type}`);
      const kusto = (a.columns ?? []).map((c) => `${c.name}:${c.type}`);
      if (JSON.stringify(builder) === JSON.stringify(kusto)) return [];
      const at = builder.findIndex((b, j) => b !== kusto[j]);
      return [{ query: entries[i]!.label, at, builder: builder.slice(at, at + 3), kusto: kusto.slice(at, at + 3) }];
    });
    expect(mismatches).toEqual([]);
  });

  it("every query's TypeScript row type has exactly Kusto's result columns, with Kusto's types (checked by tsc)", async () => {
    writeFileSync(join(dir, "src/corpus-types.ts"), typeAssertions(analyses.map((a) => a.columns ?? [])));
    const result = await runTsc(["-p", join(dir, "tsconfig.json"), "--noEmit"]);
    expect(result.output.split("\n").slice(0, 10).join("\n")).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);
});

/** A generated package for the fixtures (repo config), compiled and imported once. */
let generated: Promise<GeneratedModule> | undefined;
async function fixturesPackage(config = REPO_CONFIG): Promise<GeneratedModule> {
  const build = async () => {
    const { files } = await buildPackage({ schemas: ALL_SCHEMAS, config });
    const dir = freshDir("kql-builder");
    writeFiles(dir, files);
    await compile(dir);
    return (await import(pathToFileURL(join(dir, "dist/index.js")).href)) as GeneratedModule;
  };
  if (config !== REPO_CONFIG) return build();
  return (generated ??= build());
}

describe("the KQL the builder writes", () => {
  let g: GeneratedModule;
  beforeAll(async () => {
    g = await fixturesPackage();
  }, 60_000);

  it("writes a hunting query as a person would, one step per line", () => {
    const { DeviceProcessEventsKql: P, ago } = g;
    const q = P.where("Timestamp", ">", ago("1h"))
      .where((c: any) => c.FileName.eqCi("powershell.exe").and(c.ProcessCommandLine.hasAny(["-enc", "-EncodedCommand"])))
      .summarize((c: any, a: any) => ({ Runs: a.count(), Devices: a.dcount(c.DeviceId) }), ["AccountName"])
      .orderBy("Runs")
      .take(20);
    expect(q.kql).toBe(
      [
        "DeviceProcessEvents",
        "| where Timestamp > ago(1h)",
        '| where FileName =~ "powershell.exe" and ProcessCommandLine has_any ("-enc", "-EncodedCommand")',
        "| summarize Runs = count(), Devices = dcount(DeviceId) by AccountName",
        "| order by Runs desc",
        "| take 20",
      ].join("\n"),
    );
    expect(q.columns).toEqual([
      { name: "AccountName", type: "string" },
      { name: "Runs", type: "long" },
      { name: "Devices", type: "long" },
    ]);
    expect(String(q)).toBe(q.kql);
  });

  it("brackets awkward names and escapes every value, so user input cannot change the query", () => {
    const { KqlgenAwkwardNamesKql: A } = g;
    const evil = 'x" or 1==1 | project-away * //\n| take 100000';
    const q = A.where("Device Name", "==", evil).where("where", "has", "a'b").project("quote'and\"double", "1stColumn", "where");
    expect(q.kql).toBe(
      [
        "KqlgenAwkwardNames",
        '| where ["Device Name"] == "x\\" or 1==1 | project-away * //\\n| take 100000"',
        '| where ["where"] has "a\'b"',
        '| project ["quote\'and\\"double"], ["1stColumn"], ["where"]',
      ].join("\n"),
    );
    expect(A.col["back\\slash"].kql).toBe('["back\\\\slash"]');
    expect(A.col.LogonId.kql).toBe("LogonId");
    expect(A.name).toBe("KqlgenAwkwardNames");
  });

  it("parenthesizes only where precedence needs it", () => {
    const { DeviceInfoKql: D } = g;
    const q = D.where((c: any) => c.OSPlatform.eq("a").or(c.OSPlatform.eq("b")).and(c.IsAzureADJoined.or(c.DeviceName.has("x").and(c.DeviceName.has("y")))));
    expect(q.kql.split("\n")[1]).toBe('| where (OSPlatform == "a" or OSPlatform == "b") and (IsAzureADJoined or DeviceName has "x" and DeviceName has "y")');
    expect(D.where((c: any) => c.IsAzureADJoined.eq(c.IsAzureADJoined.not())).kql.split("\n")[1]).toBe("| where IsAzureADJoined == not(IsAzureADJoined)");
    expect(D.where((c: any) => c.IsAzureADJoined.eq(c.DeviceName.has("x"))).kql.split("\n")[1]).toBe('| where IsAzureADJoined == (DeviceName has "x")');
  });

  it("writes nulls, empty lists and ranges", () => {
    const { DeviceInfoKql: D, ago, now } = g;
    expect(D.where("Timestamp", "==", null).kql.split("\n")[1]).toBe("| where isnull(Timestamp)");
    expect(D.where("OSBuild", "!=", null).kql.split("\n")[1]).toBe("| where isnotnull(OSBuild)");
    expect(D.where("DeviceName", "in", []).kql.split("\n")[1]).toBe("| where DeviceName in (dynamic([]))");
    expect(D.where("Timestamp", "between", [ago("7d"), now()]).kql.split("\n")[1]).toBe("| where Timestamp between (ago(7d) .. now())");
    expect(D.where("OSBuild", "between", [1, 2n ** 62n]).kql.split("\n")[1]).toBe("| where OSBuild between (1 .. 4611686018427387904)");
  });

  it("reports misuse from JavaScript with errors naming the column, operator or value", () => {
    const { DeviceInfoKql: D, KqlBuildError, KqlValueError } = g;
    const build = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
      return "no error";
    };
    expect(build(() => D.where("Timestmp", "==", "x"))).toMatch(/^KqlBuildError: where: no column string "Timestmp" in the query's result \(columns: Timestamp, DeviceId, DeviceName, /);
    expect(build(() => D.where("DeviceName", ">", "x"))).toBe("KqlBuildError: '>' does not apply to DeviceName, of type string");
    expect(build(() => D.where("DeviceName", "like", "x"))).toBe('KqlBuildError: where: unknown operator string "like"');
    expect(build(() => D.where("Timestamp", ">", "yesterday"))).toBe(
      'KqlValueError: cannot write string "yesterday" as a KQL datetime literal: expected a valid Date, or a UTC date-time such as 2024-05-01T12:00:00.1234567Z or a date such as 2024-05-01 (years 0001-9999), or null',
    );
    expect(build(() => D.where((c: any) => c.DeviceName.eq(c.Timestamp)))).toBe("KqlBuildError: cannot compare a string with Timestamp, of type datetime");
    expect(build(() => D.where((c: any) => c.DeviceName))).toBe("KqlBuildError: where takes a bool expression, got object");
    expect(build(() => D.project("DeviceName", "DeviceName"))).toBe('KqlBuildError: project: column "DeviceName" appears twice');
    expect(build(() => D.project())).toBe("KqlBuildError: project: no columns");
    expect(build(() => D.take(-1))).toBe("KqlValueError: cannot write number -1 as the row count of take: expected a whole number from 0");
    expect(build(() => D.orderBy(["DeviceName", "up"]))).toBe('KqlBuildError: order by: direction must be "asc" or "desc", got string "up"');
    expect(build(() => D.orderBy("DeviceName", "asc"))).toMatch(/^KqlBuildError: order by: no column string "asc" in the query's result \(give a direction as \[column, "asc"\]; columns: Timestamp, /);
    expect(build(() => g.CloudAppEventsKql.orderBy("RawEventData"))).toBe(
      'KqlBuildError: order by: column "RawEventData" is dynamic, which Kusto cannot sort, group or distinct by: convert it first (fn.tostring)',
    );
    expect(build(() => D.summarize((c: any) => ({ N: c.DeviceName })))).toBe('KqlBuildError: summarize: "N" is not an aggregation (agg.*()), got object');
    expect(build(() => D.extend((c: any, f: any) => ({ N: f.bin(c.OSBuild, 2.5) })))).toBe("KqlValueError: cannot write number 2.5 as the size of bin() on an integer: expected an integer");
    expect(build(() => D.extend((c: any) => ({ X: c.DeviceName.get("a") })))).toBe("KqlBuildError: get() does not apply to DeviceName, of type string");
    expect(KqlBuildError).toBeTypeOf("function");
    expect(KqlValueError).toBeTypeOf("function");
  });
});

/** A LogsQueryClient double: records calls, answers what @azure/monitor-query-logs 1.0.0 answers. */
function fakeClient(result: unknown) {
  const calls: unknown[][] = [];
  return {
    calls,
    async queryWorkspace(...args: unknown[]) {
      calls.push(args);
      return result;
    },
  };
}

/** What the SDK does to a table of the query API: datetimes become Dates, dynamic strings are JSON-parsed. */
function sdkTable(columns: [string, string][], rows: unknown[][]) {
  return {
    name: "PrimaryResult",
    columnDescriptors: columns.map(([name, type]) => ({ name, type })),
    rows: rows.map((row) =>
      row.map((v, i) => {
        const type = columns[i]![1];
        if (type === "datetime" && typeof v === "string") return new Date(v);
        if (type === "dynamic" && typeof v === "string") {
          try {
            return JSON.parse(v);
          } catch {
            return v;
          }
        }
        return v;
      }),
    ),
  };
}

describe("runQuery with a LogsQueryClient", () => {
  let g: GeneratedModule;
  beforeAll(async () => {
    g = await fixturesPackage();
  }, 60_000);

  const columns: [string, string][] = [
    ["Timestamp", "datetime"],
    ["AccountId", "string"],
    ["ApplicationId", "int"],
    ["IsAdminOperation", "bool"],
    ["RawEventData", "dynamic"],
  ];
  const names = columns.map(([n]) => n);

  it("sends the query and returns rows in the package's representation", async () => {
    const { CloudAppEventsKql: C, runQuery } = g;
    const q = C.where("AccountId", "==", "a1").project(...names);
    const client = fakeClient({
      status: "Success",
      tables: [
        sdkTable(columns, [
          ["2024-05-01T12:00:00.1234567Z", "a1", 11161, true, '{"a":[1,"x"],"b":null}'],
          [null, "a1", null, null, null],
        ]),
      ],
      statistics: { query: { executionTime: 0.1 } },
    });
    const result = await runQuery(client, "ws-1", q, { timespan: { duration: "P1D" }, serverTimeoutInSeconds: 30 });
    // The SDK gets the query text, the time range and its own options only.
    expect(client.calls).toEqual([["ws-1", q.kql, { duration: "P1D" }, { serverTimeoutInSeconds: 30 }]]);
    expect(result.rows).toEqual([
      // The SDK's Date keeps milliseconds only: the rest of the 100-ns digits are lost before runQuery sees them.
      { Timestamp: "2024-05-01T12:00:00.123Z", AccountId: "a1", ApplicationId: 11161, IsAdminOperation: true, RawEventData: { a: [1, "x"], b: null } },
      { Timestamp: null, AccountId: "a1", ApplicationId: null, IsAdminOperation: null, RawEventData: null },
    ]);
    expect(g.isKustoDatetime(result.rows[0].Timestamp)).toBe(true);
    expect(result.roundedLongs).toBe(0);
    expect(result.columns).toEqual(columns.map(([name, type]) => ({ name, type })));
    expect(result.partialError).toBeUndefined();
    expect(result.statistics).toEqual({ query: { executionTime: 0.1 } });
  });

  it("counts long values past 2^53: the SDK hands them over already rounded", async () => {
    const { DeviceInfoKql: D, runQuery } = g;
    const q = D.project("DeviceId", "OSBuild");
    const table = sdkTable([["DeviceId", "string"], ["OSBuild", "long"]], [["d1", 9007199254740993], ["d2", 22631]]);
    const result = await runQuery(fakeClient({ status: "Success", tables: [table] }), "ws", q, { timespan: { duration: "P1D" } });
    expect(result.rows).toEqual([{ DeviceId: "d1", OSBuild: 9007199254740992 }, { DeviceId: "d2", OSBuild: 22631 }]);
    expect(result.roundedLongs).toBe(1);
  });

  it("fails on partial results unless allowPartial, naming the service's error", async () => {
    const { CloudAppEventsKql: C, runQuery, KqlResultError } = g;
    const q = C.project(...names);
    const partial = {
      status: "PartialFailure",
      partialTables: [sdkTable(columns, [["2024-05-01T00:00:00Z", "a2", 1, false, "[]"]])],
      partialError: { code: "PartialError", message: "Query result set has exceeded the internal record count limit" },
    };
    const error = await runQuery(fakeClient(partial), "ws", q, { timespan: { duration: "PT1H" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KqlResultError);
    expect((error as Error).message).toBe(
      "the query returned partial results (PartialError: Query result set has exceeded the internal record count limit); pass allowPartial: true to accept them",
    );
    expect((error as { code: string }).code).toBe("PartialError");
    const client = fakeClient(partial);
    const result = await runQuery(client, "ws", q, { timespan: { duration: "PT1H" }, allowPartial: true });
    expect(client.calls[0]![3]).toEqual({});
    expect(result.rows).toEqual([{ Timestamp: "2024-05-01T00:00:00.000Z", AccountId: "a2", ApplicationId: 1, IsAdminOperation: false, RawEventData: [] }]);
    expect(result.partialError).toEqual({ code: "PartialError", message: "Query result set has exceeded the internal record count limit" });
  });

  it("fails when the result's columns drifted from the query's, unless strictColumns is false", async () => {
    const { DeviceInfoKql: D, runQuery } = g;
    const q = D.project("DeviceId", "OSBuild", "AdditionalFields");
    // The same table in Log Analytics: AdditionalFields is dynamic there, string in the portal schema.
    const drifted = { status: "Success", tables: [sdkTable([["DeviceId", "string"], ["AdditionalFields", "dynamic"]], [["d3", '{"k":1}']])] };
    await expect(runQuery(fakeClient(drifted), "ws", q, { timespan: { duration: "P1D" } })).rejects.toThrow(
      'the result\'s columns do not match the query\'s: column "OSBuild" is missing; column "AdditionalFields" is dynamic, expected string. ' +
        "The table's schema has drifted from the one this package was generated from: regenerate it, or pass strictColumns: false",
    );
    const result = await runQuery(fakeClient(drifted), "ws", q, { timespan: { duration: "P1D" }, strictColumns: false });
    expect(result.rows).toEqual([{ DeviceId: "d3", AdditionalFields: { k: 1 } }]);
  });

  it("converts long columns configured as bigint or string, and keeps reals' NaN and Infinity", async () => {
    const config = writeConfig({ columns: { "DeviceInfo.OSBuild": { long: "bigint" }, "DeviceEvents.FileSize": { long: "string" } } }, "kql-longs");
    const big = await fixturesPackage(config);
    const q = big.DeviceInfoKql.project("OSBuild");
    const result = await big.runQuery(fakeClient({ status: "Success", tables: [sdkTable([["OSBuild", "long"]], [[22631], [null]])] }), "ws", q, { timespan: { duration: "P1D" } });
    expect(result.rows).toEqual([{ OSBuild: 22631n }, { OSBuild: null }]);
    const files = big.DeviceEventsKql.project("FileSize");
    const strings = await big.runQuery(fakeClient({ status: "Success", tables: [sdkTable([["FileSize", "long"]], [[12], [2 ** 60]])] }), "ws", files, { timespan: { duration: "P1D" } });
    expect(strings.rows).toEqual([{ FileSize: "12" }, { FileSize: "1152921504606846976" }]);
    expect(strings.roundedLongs).toBe(1);
    const reals = big.DeviceTvmSecureConfigurationAssessmentKql.summarize((c: any, a: any) => ({ Avg: a.avg(c.ConfigurationImpact) }));
    const r = await big.runQuery(fakeClient({ status: "Success", tables: [sdkTable([["Avg", "real"]], [["NaN"], ["-Infinity"], [1.5]])] }), "ws", reals, { timespan: { duration: "P1D" } });
    expect(r.rows).toEqual([{ Avg: "NaN" }, { Avg: "-Infinity" }, { Avg: 1.5 }]);
  }, 60_000);

  it("runs hand-written kql`...` queries, converting by the result's column types", async () => {
    const { kql, runQuery, trustedKql } = g;
    const table = sdkTable(
      [["When", "datetime"], ["Bag", "dynamic"], ["__proto__", "string"], ["Flag", "bool"], ["Amount", "decimal"]],
      [["2024-01-02T03:04:05Z", "[1,2]", "own", 1, "1.50"]],
    );
    const result = await runQuery(fakeClient({ status: "Success", tables: [table] }), "ws", kql`T | take ${1}`, { timespan: { duration: "P1D" } });
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0];
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row)).toEqual(["When", "Bag", "__proto__", "Flag", "Amount"]);
    expect(row.When).toBe("2024-01-02T03:04:05.000Z");
    expect(row.Bag).toEqual([1, 2]);
    expect(Object.getOwnPropertyDescriptor(row, "__proto__")!.value).toBe("own");
    expect(row.Flag).toBe(true);
    expect(row.Amount).toBe("1.50");
    const empty = await runQuery(fakeClient({ status: "Success", tables: [] }), "ws", trustedKql("T | take 0"), { timespan: { duration: "P1D" } });
    expect(empty.rows).toEqual([]);
  });

  it("refuses plain strings and a missing timespan", async () => {
    const { runQuery, DeviceInfoKql } = g;
    await expect(runQuery(fakeClient({}), "ws", "DeviceInfo | take 1", { timespan: { duration: "P1D" } })).rejects.toThrow(
      'runQuery takes a builder query or kql`...` text, got string "DeviceInfo | take 1" (for trusted text, use trustedKql(text))',
    );
    await expect(runQuery(fakeClient({}), "ws", DeviceInfoKql, {})).rejects.toThrow('runQuery needs options.timespan, e.g. { timespan: { duration: "P1D" } }');
    await expect(runQuery(fakeClient({ status: "Failure" }), "ws", DeviceInfoKql, { timespan: { duration: "P1D" } })).rejects.toThrow('the query failed (status "Failure")');
  });
});

