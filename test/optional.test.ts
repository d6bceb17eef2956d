/**
 * The optional dependencies (Azure SDK, Kusto's parser): the one-line message
 * of a command whose packages are missing. The real thing, an install with
 * --omit=optional, is in test/package.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { OPTIONAL_FOR, requireOptional } from "../src/cli/optional.js";
import { InputError } from "../src/model/errors.js";
import { REPO } from "./helpers/tree.js";

const pkg = JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { dependencies: Record<string, string>; optionalDependencies: Record<string, string> };

function message(f: () => void): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return String((e as InputError).problems[0]);
  }
  return "";
}

describe("optional dependencies", () => {
  it("every package a command needs is an optional dependency of kqlgen, not a required one", () => {
    for (const names of Object.values(OPTIONAL_FOR)) {
      for (const name of names) {
        expect(pkg.optionalDependencies[name], name).toBeDefined();
        expect(pkg.dependencies[name], name).toBeUndefined();
      }
    }
  });

  it("names the command, what is missing, and the npm install with kqlgen's ranges", () => {
    expect(message(() => requireOptional("lint", () => false))).toBe(
      `kqlgen lint needs @kusto/language-service-next, an optional dependency that is not installed: run npm install @kusto/language-service-next@${pkg.optionalDependencies["@kusto/language-service-next"]}`,
    );
    expect(message(() => requireOptional("validate --storage", (n) => n !== "@azure/storage-blob"))).toBe(
      `kqlgen validate --storage needs @azure/storage-blob, an optional dependency that is not installed: run npm install @azure/storage-blob@${pkg.optionalDependencies["@azure/storage-blob"]}`,
    );
  });

  it("says nothing when they are installed (as here)", () => {
    for (const command of Object.keys(OPTIONAL_FOR) as (keyof typeof OPTIONAL_FOR)[]) expect(() => requireOptional(command)).not.toThrow();
  });
});
