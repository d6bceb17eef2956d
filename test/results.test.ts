/**
 * What validators return is plain data (it survives spread, structuredClone,
 * JSON and console.log), errors read as sentences, each table's validator is
 * a Standard Schema that a generic consumer accepts, and is<Table> never
 * changes its argument.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inspect } from "node:util";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_SCHEMAS, buildGenerated, runTsc, sampleRow, writeConfig, type Generated, type GeneratedModule } from "./helpers/generated.js";

let pkg: Generated;
let m: GeneratedModule;

beforeAll(async () => {
  pkg = await buildGenerated(ALL_SCHEMAS, writeConfig({ mapping: { formats: true } }, "results"));
  m = pkg.module;
}, 300_000);

/** A consumer written against the Standard Schema spec only (as tRPC, Hono or TanStack Form are). */
async function standardParse<S extends StandardSchemaV1>(schema: S, value: unknown): Promise<StandardSchemaV1.InferOutput<S>> {
  const result = await schema["~standard"].validate(value);
  if (result.issues) throw new Error(result.issues.map((i) => `${(i.path ?? []).map(String).join(".")}: ${i.message}`).join("; "));
  return result.value;
}

describe("results are plain data", () => {
  it("a valid result keeps ok, value, errors and unknownColumns through spread, structuredClone, JSON and console.log", () => {
    const row = { ...sampleRow(m.DeviceInfoTable), NewColumn: 1 };
    const result = m.validateDeviceInfo(row);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    const want = { ok: true, value: row, errors: undefined, unknownColumns: ["NewColumn"], missingColumns: [] };
    expect({ ...result }).toStrictEqual(want);
    expect(structuredClone(result)).toStrictEqual(want);
    expect(JSON.parse(JSON.stringify(result))).toStrictEqual({ ok: true, value: row, unknownColumns: ["NewColumn"], missingColumns: [] });
    const shown = inspect(result, { depth: 0 });
    expect(shown).toContain("ok: true");
    expect(shown).toContain("unknownColumns: [Array]");
  });

  it("an invalid result, with errors that read as sentences", () => {
    const result = m.validateDeviceInfo({ ...sampleRow(m.DeviceInfoTable), Timestamp: 5, Extra: "x" });
    const want = {
      ok: false,
      value: undefined,
      errors: [
        {
          path: "/Timestamp",
          column: "Timestamp",
          expected: expect.stringMatching(/^datetime/),
          found: "number 5",
          message: expect.stringMatching(/^\/Timestamp: expected datetime .*, found number 5$/),
        },
      ],
      unknownColumns: ["Extra"],
      missingColumns: [],
    };
    expect({ ...result }).toStrictEqual(want);
    expect(structuredClone(result)).toStrictEqual(want);
    const json = JSON.parse(JSON.stringify(result));
    expect(json.errors[0].message).toBe(result.errors[0].message);
    expect(inspect(result, { depth: 3 })).toContain("message: '/Timestamp: expected datetime");
    expect(m.validateDeviceInfo(7).errors[0].message).toBe("the value: expected object (a DeviceInfo row), found number 7");
  });
});

describe("Standard Schema", () => {
  it("validate<Table> is a Standard Schema: a generic consumer gets the typed row, or issues with messages and paths", async () => {
    const row = sampleRow(m.DeviceInfoTable);
    expect(m.validateDeviceInfo["~standard"]).toMatchObject({ version: 1, vendor: "kqlgen" });
    await expect(standardParse(m.validateDeviceInfo, row)).resolves.toBe(row);
    const result = await m.validateDeviceInfo["~standard"].validate({ ...row, OSBuild: "x", DeviceName: 3 });
    expect(result.value).toBeUndefined();
    expect(result.issues).toEqual([
      { message: '/DeviceName: expected string, found number 3', path: ["DeviceName"] },
      { message: expect.stringMatching(/^\/OSBuild: expected long .*, found string "x"$/), path: ["OSBuild"] },
    ]);
    await expect(standardParse(m.validateDeviceInfo, { ...row, DeviceName: 3 })).rejects.toThrow("DeviceName: /DeviceName: expected string, found number 3");
  });

  it("its types satisfy @standard-schema/spec: InferOutput is the row type", async () => {
    const consumer = join(pkg.dir, "src", "standard-consumer.ts");
    await writeFile(
      consumer,
      [
        'import type { StandardSchemaV1 } from "@standard-schema/spec";',
        'import { validateDeviceInfo, type DeviceInfo } from "./index.js";',
        "const schema: StandardSchemaV1<unknown, DeviceInfo> = validateDeviceInfo;",
        "type Out = StandardSchemaV1.InferOutput<typeof validateDeviceInfo>;",
        "export const check: Out extends DeviceInfo ? (DeviceInfo extends Out ? true : false) : false = true;",
        "export { schema };",
        "",
      ].join("\n"),
    );
    const r = await runTsc(["-p", join(pkg.dir, "tsconfig.json"), "--noEmit"]);
    expect(r.output).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("is<Table>", () => {
  it("never changes its argument", () => {
    const row = { ...sampleRow(m.DeviceInfoTable), OSBuild: 19045, Extra: [1] };
    const before = structuredClone(row);
    expect(m.isDeviceInfo(row)).toBe(true);
    expect(row).toStrictEqual(before);
    const bad = { ...row, OSBuild: "19045" };
    const badBefore = structuredClone(bad);
    expect(m.isDeviceInfo(bad)).toBe(false);
    expect(bad).toStrictEqual(badBefore);
  });
});
