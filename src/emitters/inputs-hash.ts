/**
 * The fingerprint of what a generated package is made from: the schema model,
 * the resolved options, kqlgen's version and its runtime templates. `generate`
 * writes it into the package's package.json (`kqlgen.inputs`); `validate`
 * loads the package's compiled JavaScript only when the fingerprint there is
 * the one the current schemas and config give (a content hash, so a CRLF
 * checkout or a moved folder does not change it).
 *
 * Cheap on purpose: no emitter, no formatter, no TypeScript.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import type { EmitOptions } from "./options.js";
import type { SchemaSet } from "../model/schema.js";
import { KQLGEN_VERSION, packagePath } from "../paths.js";

let kqlgenIdentity: string | undefined;

/** kqlgen's version and its runtime templates: what changes the emitted code for the same inputs. */
function identity(): string {
  if (kqlgenIdentity === undefined) {
    const hash = createHash("sha256");
    hash.update(KQLGEN_VERSION).update("\0");
    const dir = packagePath("templates", "runtime");
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".ts")).sort()) {
      hash.update(name).update("\0").update(readFileSync(`${dir}/${name}`, "utf8").replace(/\r\n?/g, "\n")).update("\0");
    }
    kqlgenIdentity = hash.digest("hex");
  }
  return kqlgenIdentity;
}

export function inputsHash(schema: SchemaSet, options: EmitOptions): string {
  const tables = schema.tables.map((t) => ({ name: t.name, platform: t.platform ?? null, columns: t.columns.map((c) => [c.name, c.type, c.ordinal]) }));
  const mapping = { ...options.mapping, overrides: [...options.mapping.overrides].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
  const text = JSON.stringify({ identity: identity(), tables, options: { ...options, mapping } });
  return `sha256-${createHash("sha256").update(text).digest("hex")}`;
}
