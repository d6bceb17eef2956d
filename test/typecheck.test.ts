/**
 * The generated package compiles under `tsc --strict` (module NodeNext) — the
 * committed one and variants under other mapping choices — runs under plain
 * `node` once compiled, and its types do what a consumer expects: correct uses
 * compile, misuses are errors on the line that misuses.
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_SCHEMAS, REPO, REPO_CONFIG, buildGenerated, runTsc, writeConfig, type Generated } from "./helpers/generated.js";

const PACKAGE = "@kqlgen/defender-hunting-tables";

/** Type-level equality (exact, not mutual assignability). */
const TYPE_HELPERS = `
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
export function assertType<T extends true>(): T | undefined { return undefined; }
`;

interface Diagnostic {
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

/**
 * Type-checks one consumer file that lives inside the compiled package's folder
 * and imports the package by its own name (package self-reference: the same
 * `exports` → `dist/index.d.ts` a user's project resolves).
 */
async function checkConsumer(pkg: Generated, name: string, source: string): Promise<Diagnostic[]> {
  const dir = join(pkg.dir, "consumers", name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "consumer.ts"), source);
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["ES2022"],
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ["consumer.ts"],
    }),
  );
  const { output } = await runTsc(["-p", join(dir, "tsconfig.json")]);
  const diagnostics: Diagnostic[] = [];
  for (const m of output.matchAll(/^(.*?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)) {
    diagnostics.push({ line: Number(m[2]), code: m[3]!, message: `${m[1]}: ${m[4]}` });
  }
  if (diagnostics.length === 0 && /error/i.test(output)) throw new Error(`tsc failed without line diagnostics:\n${output}`);
  return diagnostics;
}

/** Lines of `source` marked `// error TSxxxx` (or `TSxxxx|TSyyyy`: either code), with the codes each may report. */
function expectedErrors(source: string): { line: number; codes: string[] }[] {
  return source.split("\n").flatMap((text, i) => {
    const m = /\/\/ error (TS\d+(?:\|TS\d+)*)/.exec(text);
    return m ? [{ line: i + 1, codes: m[1]!.split("|") }] : [];
  });
}

/** Runs `node` (no vitest, no loader) on a script that imports the compiled package and uses it. */
function runUnderNode(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = join(dir, "run-under-node.mjs");
  writeFileSync(
    script,
    [
      'const m = await import("./dist/index.js");',
      "const names = m.tables.map((t) => t.name);",
      "const rows = m.tables.map((t) => m[`validate${t.name}`]({}).ok);",
      'const stream = m.parseEventHubsMessage(JSON.stringify({ records: [{ category: "AdvancedHunting-Nope" }] }));',
      "console.log(JSON.stringify({ names, rows, unknownCategories: stream.unknownCategories }));",
    ].join("\n"),
  );
  return new Promise((done) => {
    execFile(process.execPath, [script], { cwd: dir }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const VARIANTS: Record<string, object> = {
  "long string": { mapping: { long: "string" } },
  "long bigint": { mapping: { long: "bigint" } },
  "unknownColumns error": { mapping: { unknownColumns: "error" } },
  "formats true": { mapping: { formats: true } },
  "nullable:false overrides": {
    columns: {
      "KqlgenAllTypes.BoolCol": { nullable: false },
      "KqlgenAllTypes.IntCol": { nullable: false },
      "KqlgenAllTypes.LongCol": { nullable: false },
      "KqlgenAllTypes.RealCol": { nullable: false },
      "KqlgenAllTypes.DecimalCol": { nullable: false },
      "KqlgenAllTypes.DatetimeCol": { nullable: false },
      "KqlgenAllTypes.TimespanCol": { nullable: false },
      "KqlgenAllTypes.GuidCol": { nullable: false },
      "KqlgenAllTypes.DynamicCol": { nullable: false },
      "KqlgenAwkwardNames.slash/and~tilde": { nullable: false },
      "DeviceEvents.ReportId": { nullable: false, long: "bigint" },
    },
  },
  "dynamic schemas": {
    columns: {
      "KqlgenAllTypes.DynamicCol": {
        schema: {
          type: "object",
          properties: {
            name: { type: "string" },
            level: { enum: ["low", "high"] },
            tags: { type: "array", items: { type: "string" } },
          },
          required: ["name", "level"],
          additionalProperties: false,
        },
      },
      "KqlgenAwkwardNames.default": { nullable: false, schema: { type: "array", items: { type: "integer", minimum: 0 } } },
      "CloudAppEvents.RawEventData": { schema: { type: "object" } },
    },
  },
};

/** Per variant, a consumer asserting what the variant changes. */
const VARIANT_CONSUMERS: Record<string, string> = {
  "long string": `
import type { DeviceProcessEvents } from "kqlgen-tables";
assertType<Equals<DeviceProcessEvents["ProcessId"], string | null>>();`,
  "long bigint": `
import type { DeviceProcessEvents } from "kqlgen-tables";
assertType<Equals<DeviceProcessEvents["ProcessId"], bigint | null>>();`,
  "unknownColumns error": `
import { validateDeviceInfo, type DeviceInfo } from "kqlgen-tables";
export function f(x: unknown): DeviceInfo | undefined { const r = validateDeviceInfo(x); return r.ok ? r.value : undefined; }`,
  "formats true": `
import type { KqlgenAllTypes } from "kqlgen-tables";
assertType<Equals<KqlgenAllTypes["DatetimeCol"], string | null>>();`,
  "nullable:false overrides": `
import type { KqlgenAllTypes, KqlgenAwkwardNames, DeviceEvents } from "kqlgen-tables";
assertType<Equals<KqlgenAllTypes["IntCol"], number>>();
assertType<Equals<KqlgenAllTypes["BoolCol"], boolean>>();
assertType<Equals<KqlgenAllTypes["GuidCol"], string>>();
assertType<Equals<KqlgenAllTypes["RealCol"], number | "NaN" | "Infinity" | "-Infinity">>();
assertType<Equals<KqlgenAwkwardNames["slash/and~tilde"], string>>();
assertType<Equals<DeviceEvents["ReportId"], bigint>>();
export function f(row: KqlgenAllTypes): object | string | number | boolean { return row.DynamicCol; }`,
  "dynamic schemas": `
import type { KqlgenAllTypes, KqlgenAwkwardNames } from "kqlgen-tables";
export function level(row: KqlgenAllTypes): "low" | "high" | undefined { return row.DynamicCol?.level; }
export function name(row: KqlgenAllTypes): string | undefined { return row.DynamicCol?.name; }
export function tags(row: KqlgenAllTypes): string[] | undefined { return row.DynamicCol?.tags; }
export function first(row: KqlgenAwkwardNames): number | undefined { return row.default[0]; }`,
};

const CONFIGS = Object.fromEntries(Object.entries(VARIANTS).map(([name, config]) => [name, writeConfig(config, name.replace(/[^a-z]+/g, "-"))]));
const GOLDEN = [join(REPO, "test/golden/input"), join(REPO, "test/golden/kqlgen.config.json")] as const;

// Start every build at once (tsc runs in subprocesses, side by side); each test awaits its own.
beforeAll(async () => {
  await Promise.allSettled([
    ...Object.values(CONFIGS).map((config) => buildGenerated(ALL_SCHEMAS, config)),
    buildGenerated(ALL_SCHEMAS, REPO_CONFIG),
    buildGenerated(...GOLDEN),
  ]);
});

describe("tsc --strict over the committed generated/", () => {
  it("type-checks with the package's own strict NodeNext tsconfig", async () => {
    const result = await runTsc(["-p", join(REPO, "generated/tsconfig.json"), "--noEmit"]);
    expect(result.output).toBe("");
    expect(result.code).toBe(0);
  });
});

describe.each(Object.keys(VARIANTS))("variant: %s", (variant) => {
  const config = CONFIGS[variant]!;

  it("compiles under tsc --strict, and its types say what the config asks", async () => {
    const pkg = await buildGenerated(ALL_SCHEMAS, config); // throws with tsc's output when it does not compile
    const diagnostics = await checkConsumer(pkg, "variant", TYPE_HELPERS + VARIANT_CONSUMERS[variant]!);
    expect(diagnostics).toEqual([]);
  });

  it("runs under plain node once compiled", async () => {
    const pkg = await buildGenerated(ALL_SCHEMAS, config);
    const run = await runUnderNode(pkg.dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.names).toHaveLength(18);
    expect(out.rows.every((ok: boolean) => ok === false)).toBe(true);
    expect(out.unknownCategories).toEqual([{ category: "AdvancedHunting-Nope", count: 1 }]);
  });
});

describe("the golden package (test/golden) runs under plain node", () => {
  it("imports and validates (its dynamic-column schema needs Ajv's runtime helpers)", async () => {
    const pkg = await buildGenerated(...GOLDEN);
    const run = await runUnderNode(pkg.dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).names).toEqual(["GoldenAlert", "GoldenEveryType", "GoldenOddNames", "GoldenProcess"]);
  });
});

describe("types a consumer sees (package built with kqlgen.config.json)", () => {
  const pkg = () => buildGenerated(ALL_SCHEMAS, REPO_CONFIG);

  it("runs under plain node once compiled", async () => {
    const run = await runUnderNode((await pkg()).dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });

  it("correct uses compile", async () => {
    const source = `${TYPE_HELPERS}
import {
  isDeviceInfo,
  parseEventHubsMessage,
  parseStorageBlob,
  validateDeviceInfo,
  type DeviceEvents,
  type DeviceInfo,
  type DeviceInfoEvent,
  type DeviceProcessEvents,
  type RecordError,
  type StreamRecord,
  type ValidationError,
  validateDeviceInfoEvent,
} from "${PACKAGE}";

export function eventName(x: unknown): string | null | undefined {
  const result = validateDeviceInfoEvent(x);
  if (!result.ok) return undefined;
  const missing: readonly string[] = result.missingColumns;
  void missing;
  return result.value.DeviceName;
}

export function commandLines(body: string | Uint8Array): string[] {
  const out: string[] = [];
  for (const r of parseEventHubsMessage(body).records) {
    // The streamed record: every column may be null and absent, but nullable: false (Timestamp here).
    if (r.category === "AdvancedHunting-DeviceProcessEvents") {
      assertType<Equals<typeof r.properties.ProcessCommandLine, string | null | undefined>>();
      assertType<Equals<typeof r.properties.MachineGroup, string | null | undefined>>();
      assertType<Equals<typeof r.properties.Timestamp, string>>();
      assertType<Equals<typeof r.operationName, string | undefined>>();
      assertType<Equals<typeof r._TimeReceivedBySvc, string | undefined>>();
      out.push(r.properties.ProcessCommandLine ?? "");
    } else if (r.category === "AdvancedHunting-DeviceEvents") {
      assertType<Equals<typeof r.properties.Timestamp, string | null | undefined>>();
      assertType<Equals<typeof r.properties.ActionType, string | null | undefined>>();
    } else if (r.category === "AdvancedHunting-DeviceInfo") {
      assertType<Equals<typeof r.properties, DeviceInfoEvent>>();
      assertType<Equals<typeof r.properties.MachineGroup, string | null | undefined>>();
    }
  }
  return out;
}

export function categories(blob: string): StreamRecord["category"][] {
  const { records, errors } = parseStorageBlob(blob);
  const lines: (number | undefined)[] = errors.map((e: RecordError) => e.line);
  void lines;
  return records.map((r) => r.category);
}

export function deviceName(x: unknown): string | undefined {
  const result = validateDeviceInfo(x);
  if (result.ok) {
    const row: DeviceInfo = result.value;
    const unknown: readonly string[] = result.unknownColumns;
    void unknown;
    return row.DeviceName;
  }
  const errors: readonly ValidationError[] = result.errors;
  const first: { path: string; column?: string; expected: string; found: string } | undefined = errors[0];
  void first;
  return undefined;
}

export function guard(x: unknown): string | undefined {
  return isDeviceInfo(x) ? x.DeviceName : undefined;
}

assertType<Equals<DeviceProcessEvents["Timestamp"], string>>();
assertType<Equals<DeviceEvents["Timestamp"], string | null>>();
assertType<Equals<DeviceInfo["Timestamp"], string>>();
assertType<Equals<DeviceEvents["ActionType"], string>>();
assertType<Equals<DeviceProcessEvents["ProcessId"], number | null>>();
// The query row (what Kusto returns) and the streamed record of one table, from one type table.
assertType<Equals<DeviceInfoEvent["DeviceName"], string | null | undefined>>();
assertType<Equals<DeviceInfoEvent["ReportId"], number | null | undefined>>();
`;
    expect(await checkConsumer(await pkg(), "ok", source)).toEqual([]);
  });

  it("misuses are errors on the lines that misuse, and only there", async () => {
    const source = `import { parseEventHubsMessage, validateDeviceInfo, type DeviceEvents, type DeviceInfo } from "${PACKAGE}";

export function misspelled(body: string): string[] {
  return parseEventHubsMessage(body).records.flatMap((r) =>
    r.category === "AdvancedHunting-DeviceProcessEvents"
      ? [r.properties.ProcessComandLine] // error TS2551
      : [],
  );
}

export function wrongType(row: DeviceInfo): number {
  const name: number = row.DeviceName; // error TS2322
  return name;
}

export function valueWithoutOk(x: unknown): string {
  return validateDeviceInfo(x).value.DeviceName; // error TS18048|TS2532
}

export function nullableTimestamp(row: DeviceEvents): string {
  const t: string = row.Timestamp; // error TS2322
  return t;
}

export function errorsOfValid(x: unknown): number {
  const r = validateDeviceInfo(x);
  if (r.ok) return r.errors.length; // error TS18048|TS2532
  return 0;
}

export function noSuchCategory(body: string): number {
  return parseEventHubsMessage(body).records.filter((r) => r.category === "AdvancedHunting-NoSuchTable").length; // error TS2367
}

export function columnOfAnotherTable(body: string): unknown[] {
  return parseEventHubsMessage(body).records.map((r) =>
    r.category === "AdvancedHunting-DeviceInfo" ? r.properties.ProcessCommandLine : null, // error TS2339
  );
}
`;
    const diagnostics = await checkConsumer(await pkg(), "bad", source);
    const want = expectedErrors(source);
    expect(diagnostics.map((d) => d.line)).toEqual(want.map((w) => w.line));
    diagnostics.forEach((d, i) => expect(want[i]!.codes, `line ${d.line}: ${d.message}`).toContain(d.code));
    expect(diagnostics.find((d) => d.code === "TS2551")!.message).toMatch(/ProcessComandLine.*Did you mean 'ProcessCommandLine'/);
  });
});
