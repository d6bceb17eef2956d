// Build step: the runtime modules every generated package carries, compiled once here
// (dist/runtime-lib.json: per module, the hash of its source and its JavaScript and
// declarations) so that `generate` and `check` compile only the modules made for the
// schemas. src/output/compile.ts uses an entry only when the source hash matches.
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { runtimeFiles } = await import(path.join(root, "dist/src/emitters/package-files.js"));
const { compileJs, isolatedDeclarations } = await import(path.join(root, "dist/src/output/compile.js"));
const out = {};
for (const [file, text] of runtimeFiles()) {
  const dts = isolatedDeclarations(text, file);
  if (!("dts" in dts)) continue; // compiled at generate time, by the slow path
  out[file] = { sha256: createHash("sha256").update(text).digest("hex"), js: compileJs(text, file), dts: dts.dts };
}
writeFileSync(path.join(root, "dist/runtime-lib.json"), JSON.stringify(out));
