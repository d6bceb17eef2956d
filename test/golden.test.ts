/**
 * Golden test: the whole output map of `buildPackage` for the small schema set
 * in test/golden/input/ with test/golden/kqlgen.config.json must equal
 * test/golden/expected/ — the same file list and the same bytes.
 *
 * After an intended change to the output, rewrite the expected files with
 *
 *     UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts
 *
 * and review the diff (`git diff test/golden/expected`) before committing:
 * the expected output is the product a user gets.
 *
 * Inputs (one table per format):
 * - GoldenEveryType.getschema.json — Log Analytics response, one column per Kusto type
 *   (+ a dynamic column with a configured JSON Schema);
 * - GoldenOddNames.getschema.csv — CSV with BOM, CRLF, header in another order, no DataType:
 *   case-only twins, a space, keywords, non-ASCII, `a/b~c`, a quote, a leading digit;
 * - GoldenProcess.graph.json — Graph response, rows out of ordinal order, its own MachineGroup
 *   column, `nullable: false` and `long: "bigint"` overrides;
 * - GoldenAlert.kqlgen.json — kqlgen snapshot with a platform.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPackage } from "../src/pipeline.js";
import { REPO } from "./helpers/generated.js";

const GOLDEN = join(REPO, "test/golden");
const EXPECTED = join(GOLDEN, "expected");

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(relative(dir, p).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

describe("golden output", async () => {
  const { files } = await buildPackage({ schemas: join(GOLDEN, "input"), config: join(GOLDEN, "kqlgen.config.json") });

  if (process.env.UPDATE_GOLDEN) {
    rmSync(EXPECTED, { recursive: true, force: true });
    for (const [path, text] of files) {
      mkdirSync(dirname(join(EXPECTED, path)), { recursive: true });
      writeFileSync(join(EXPECTED, path), text);
    }
  }

  it("writes exactly the expected files", () => {
    expect([...files.keys()]).toEqual(listFiles(EXPECTED));
  });

  it.each([...files.keys()])("%s equals the expected file", (path) => {
    expect(files.get(path)).toBe(readFileSync(join(EXPECTED, path), "utf8"));
  });
});
