/**
 * Issue 13, scale of generate: the emitters write most modules in prettier's
 * layout themselves (src/emitters/layout.ts) instead of running prettier on
 * thousands of files. Whatever they mark as formatted must be exactly what
 * prettier prints, for every shape of table: short and long names, every
 * Kusto type, bigint longs, format checks, unknown columns as errors, tables
 * of one column and of hundreds. Timings are for bench/generate-scale.bench.mjs.
 */
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { emitPackageParts } from "../../src/emitters/index.js";
import { resolveOptions, type Config } from "../../src/config/config.js";
import { KUSTO_TYPES } from "../../src/model/kusto-types.js";
import type { SchemaSet, Table } from "../../src/model/schema.js";
import { PRETTIER_OPTIONS } from "../../src/output/format.js";
import { mulberry32 } from "../helpers/prng.js";

function parserFor(path: string): string {
  return path.endsWith(".ts") ? "babel-ts" : path.endsWith(".json") ? "json" : "markdown";
}

const rnd = mulberry32(2013);
const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;

function table(name: string, columns: number, nameLength = 12): Table {
  return {
    name,
    ...(rnd() < 0.5 ? { platform: "log-analytics" as const } : {}),
    columns: Array.from({ length: columns }, (_, i) => ({
      name: `C${i}${"x".repeat(Math.floor(rnd() * nameLength))}`,
      type: i === 0 ? "long" : pick(KUSTO_TYPES),
      ordinal: i,
    })),
  };
}

/** Tables whose names run from 1 to 90 characters, with 1 to 150 columns, some with very long column names; and two wide ones. */
function tables(): Table[] {
  const list: Table[] = [];
  for (let len = 1; len <= 90; len += 3) {
    const name = `T${"abcdefghij".repeat(10).slice(0, len - 1)}`;
    list.push(table(name, 1 + Math.floor(rnd() * (len < 30 ? 150 : 8)), len % 2 ? 12 : 110));
  }
  // Wide tables: their checks continue in a chain of functions (250 columns each).
  list.push(table("WideEvents", 260), table(`Wide${"x".repeat(80)}`, 620, 110));
  return list;
}

async function assertPreformattedIsPrettier(config: Config): Promise<number> {
  const schema: SchemaSet = { tables: tables().sort((a, b) => (a.name < b.name ? -1 : 1)) };
  const { files, preformatted } = await emitPackageParts(schema, resolveOptions(config, schema));
  for (const path of preformatted) {
    const text = files.get(path)!;
    expect(await prettier.format(text, { ...PRETTIER_OPTIONS, parser: parserFor(path) }), path).toBe(text);
  }
  // Modules no layout here covers are still whole: prettier parses them, and nothing is missing.
  for (const [path, text] of files) {
    if (preformatted.has(path) || !path.endsWith(".ts") || path.includes("/runtime/")) continue;
    await prettier.format(text, { ...PRETTIER_OPTIONS, parser: "babel-ts" });
    if (path.startsWith("src/tables/")) expect(text, path).toContain("const columns = checkedColumns(");
  }
  const stream = files.get("src/stream.ts")!;
  for (const t of schema.tables) expect(stream).toContain(`"AdvancedHunting-${t.name}"`);
  return preformatted.size;
}

describe("modules emitted in prettier's layout", () => {
  it.each([
    ["default mapping", {}],
    ["bigint longs, format checks, unknown columns as errors", { mapping: { long: "bigint", formats: true, unknownColumns: "error" } }],
    ["string longs", { mapping: { long: "string" } }],
  ] as [string, Config][])("%s: every module marked formatted is exactly what prettier prints", async (_title, config) => {
    const count = await assertPreformattedIsPrettier(config);
    // Most of the package takes the fast path (else generate is slow again).
    expect(count).toBeGreaterThan(45);
  }, 300_000);

  it("a typical large workspace (Log Analytics-like names, 20-80 columns) is formatted without prettier", async () => {
    const many: Table[] = Array.from({ length: 60 }, (_, t) => table(`Workspace${String(t).padStart(4, "0")}Events_CL`.replace("_CL", t % 2 ? "_CL" : ""), 20 + (t % 60)));
    const schema: SchemaSet = { tables: many.sort((a, b) => (a.name < b.name ? -1 : 1)) };
    const { files, preformatted } = await emitPackageParts(schema, resolveOptions({}, schema));
    const modules = [...files.keys()].filter((p) => p.startsWith("src/tables/") || p.startsWith("src/kql/") || p.startsWith("schemas/"));
    expect(modules.filter((p) => !preformatted.has(p))).toEqual([]);
    expect(preformatted.has("src/stream.ts") && preformatted.has("src/index.ts")).toBe(true);
  });
});
