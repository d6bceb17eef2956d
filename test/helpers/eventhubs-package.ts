/**
 * The generated package the Event Hubs tests consume, in one place: a schema
 * folder of three fixture tables, generated, compiled and importable — from
 * the test process and from child consumer processes (which import
 * `distIndex` with plain `node`). When the generated package ships its own
 * JavaScript, only this file changes.
 */
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildGenerated, FIXTURES, freshDir, type GeneratedModule } from "./generated.js";

export const CONSUMER_TABLES = ["DeviceInfo", "DeviceProcessEvents", "CloudAppEvents"] as const;
const FILES = ["DeviceInfo.getschema.json", "DeviceProcessEvents.graph.json", "CloudAppEvents.graph.json"];

export interface ConsumerPackage {
  /** The schema folder (for `kqlgen validate --schemas`). */
  readonly schemas: string;
  /** The config file used. */
  readonly config: string;
  /** Absolute path of the compiled package's entry point. */
  readonly distIndex: string;
  /** The package, imported. */
  readonly module: GeneratedModule;
}

const cache = new Map<string, Promise<ConsumerPackage>>();

/** Generates and compiles the package (cached per config within a process). */
export function consumerPackage(config: object = {}): Promise<ConsumerPackage> {
  const key = JSON.stringify(config);
  let entry = cache.get(key);
  if (entry === undefined) {
    entry = (async () => {
      const dir = freshDir("gen");
      const schemas = join(dir, "schemas-in");
      mkdirSync(schemas);
      for (const f of FILES) cpSync(join(FIXTURES, f), join(schemas, f));
      const configFile = join(dir, "kqlgen.config.json");
      writeFileSync(configFile, JSON.stringify(config));
      const generated = await buildGenerated(schemas, configFile);
      return { schemas, config: configFile, distIndex: join(generated.dir, "dist/index.js"), module: generated.module };
    })();
    cache.set(key, entry);
  }
  return entry;
}
