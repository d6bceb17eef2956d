/**
 * Compile-time guarantees of the generated KQL helpers, checked by tsc inside a
 * package generated from fixtures/: test/kql-types/*.ts must compile (its
 * expectTypeOf assertions and @ts-expect-error lines included), and every line
 * of test/kql-type-errors/*.ts marked `// @error TSxxxx <message>` must fail with
 * that error — and no other line may fail.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../src/pipeline.js";
import { ALL_SCHEMAS, freshDir, REPO, REPO_CONFIG, runTsc, writeConfig, writeFiles } from "./helpers/generated.js";

const CASES = join(REPO, "test/kql-types");
const ERRORS = join(REPO, "test/kql-type-errors");

interface TscError {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

let errors: TscError[];
let output: string;

beforeAll(async () => {
  const config = JSON.parse(readFileSync(REPO_CONFIG, "utf8"));
  config.columns["DeviceProcessEvents.FileSize"] = { long: "bigint" };
  delete config.$schema;
  const { files } = await buildPackage({ schemas: ALL_SCHEMAS, config: writeConfig(config, "kql-types") });
  const dir = freshDir("kql-types");
  writeFiles(dir, files);
  for (const [from, to] of [
    [CASES, "src/typetests"],
    [ERRORS, "src/typeerrors"],
  ] as const) {
    mkdirSync(join(dir, to), { recursive: true });
    for (const f of readdirSync(from)) copyFileSync(join(from, f), join(dir, to, f));
  }
  const result = await runTsc(["-p", join(dir, "tsconfig.json"), "--noEmit"]);
  output = result.output;
  errors = [...output.matchAll(/^(?:.*\/)?src\/(typetests|typeerrors)\/([^(]+)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map((m) => ({
    file: `${m[1]}/${m[2]}`,
    line: Number(m[3]),
    code: m[4]!,
    message: m[5]!,
  }));
}, 60_000);

describe("compile-time guarantees of the KQL helpers", () => {
  it("the generated package compiles, and so does every case that must", () => {
    const other = output.split("\n").filter((l) => /^\S/.test(l) && !/src\/typeerrors\//.test(l));
    expect(other).toEqual([]);
  });

  const errorFiles = readdirSync(ERRORS).filter((f) => f.endsWith(".ts"));
  it.each(errorFiles)("%s: every marked line fails with its error, and no other line fails", (file) => {
    const lines = readFileSync(join(ERRORS, file), "utf8").split("\n");
    const expected = lines.flatMap((text, i) => {
      const m = /^\s*\/\/ @error (TS\d+) (.*)$/.exec(text);
      return m ? [{ line: i + 2, code: m[1]!, message: m[2]! }] : [];
    });
    expect(expected.length).toBeGreaterThan(5);
    const found = errors.filter((e) => e.file === `typeerrors/${file}`);
    for (const e of expected) {
      const at = found.filter((f) => f.line === e.line);
      expect(
        at.some((f) => f.code === e.code && f.message.includes(e.message)),
        `line ${e.line} (${lines[e.line - 1]!.trim()}): expected ${e.code} ${e.message}; got ${JSON.stringify(at.map((f) => `${f.code} ${f.message}`))}`,
      ).toBe(true);
    }
    const unexpected = found.filter((f) => !expected.some((e) => e.line === f.line));
    expect(unexpected).toEqual([]);
  });
});
