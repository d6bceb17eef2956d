// The runtime templates are copied into generated packages verbatim (the output
// phase does not format them again), so they must be formatted already.
// Fix a failure with: npx prettier --write templates/runtime
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatFile } from "../src/output/format.js";

const dir = new URL("../templates/runtime/", import.meta.url);

describe("runtime templates", () => {
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".ts"))) {
    it(`${name} is formatted as kqlgen formats generated code`, async () => {
      const text = readFileSync(new URL(name, dir), "utf8");
      expect(await formatFile(`src/runtime/${name}`, text)).toBe(text);
    });
  }
});
