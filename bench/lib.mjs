// Shared benchmark helpers: build and load the generated package, realistic Defender records, timing.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const TMP = path.join(ROOT, "bench", ".tmp");

/**
 * A test helper (test/helpers/<name>.ts, importing only node: modules and npm
 * packages), compiled as generate compiles lib/ (dist/src/output/compile.js)
 * into bench/.tmp and imported, so plain node runs it.
 */
export async function loadTestHelper(name) {
  const { compileJs } = await import(pathToFileURL(path.join(ROOT, "dist", "src", "output", "compile.js")).href);
  mkdirSync(TMP, { recursive: true });
  const out = path.join(TMP, `${name}.mjs`);
  writeFileSync(out, compileJs(readFileSync(path.join(ROOT, "test", "helpers", `${name}.ts`), "utf8"), `${name}.ts`));
  return import(pathToFileURL(out).href);
}

/** Generates the package for fixtures/ (with the repo's config) and compiles it; returns its index module and folder. */
export async function loadGeneratedPackage(name = "pkg", mapping = undefined) {
  const dir = path.join(TMP, name);
  if (process.env.BENCH_REUSE === "1") return { dir, module: await import(pathToFileURL(path.join(dir, "dist", "index.js")).href) };
  const { buildPackage } = await import(pathToFileURL(path.join(ROOT, "dist", "src", "pipeline.js")).href);
  let config = path.join(ROOT, "kqlgen.config.json");
  if (mapping !== undefined) {
    // The repository's config with some mapping settings changed (e.g. long: "bigint").
    const base = JSON.parse(readFileSync(config, "utf8"));
    delete base.$schema;
    mkdirSync(TMP, { recursive: true });
    config = path.join(TMP, `${name}.config.json`);
    writeFileSync(config, JSON.stringify({ ...base, mapping: { ...base.mapping, ...mapping } }));
  }
  const { files } = await buildPackage({ schemas: path.join(ROOT, "fixtures"), config });
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  execFileSync(path.join(ROOT, "node_modules", ".bin", "tsc"), ["-p", path.join(dir, "tsconfig.json")], { stdio: "inherit" });
  return { dir, module: await import(pathToFileURL(path.join(dir, "dist", "index.js")).href) };
}

/** A seeded PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ["svchost.exe", "powershell.exe", "C:\\Windows\\System32", "NT AUTHORITY\\SYSTEM", "contoso.com", "-ExecutionPolicy Bypass -File", "cmd.exe /c", "explorer.exe", "Microsoft Corporation", "10.0.19041.1"];

/** A realistic value of a Kusto type. */
export function value(type, rnd, name = "") {
  switch (type) {
    case "string": {
      if (/Sha1$/.test(name)) return Array.from({ length: 40 }, () => "0123456789abcdef"[Math.floor(rnd() * 16)]).join("");
      if (/Sha256$/.test(name)) return Array.from({ length: 64 }, () => "0123456789abcdef"[Math.floor(rnd() * 16)]).join("");
      if (/CommandLine$/.test(name)) return `"C:\\Windows\\System32\\${WORDS[Math.floor(rnd() * WORDS.length)]}" ${WORDS[Math.floor(rnd() * WORDS.length)]} ${Math.floor(rnd() * 1e6)}`;
      if (rnd() < 0.2) return "";
      return WORDS[Math.floor(rnd() * WORDS.length)] + (rnd() < 0.5 ? "" : ` ${Math.floor(rnd() * 1e5)}`);
    }
    case "long":
      return rnd() < 0.1 ? null : Math.floor(rnd() * 2 ** 40);
    case "int":
      return rnd() < 0.1 ? null : Math.floor(rnd() * 65536);
    case "bool":
      return rnd() < 0.1 ? null : rnd() < 0.5;
    case "real":
      return rnd() < 0.1 ? null : rnd() * 100;
    case "datetime": {
      const ms = Date.UTC(2024, 4, 1) + Math.floor(rnd() * 86400000 * 30);
      return new Date(ms).toISOString().replace("Z", `${Math.floor(rnd() * 10000).toString().padStart(4, "0")}Z`);
    }
    case "timespan":
      return "00:00:01.5000000";
    case "guid":
      return "6b0b7b1e-1111-2222-3333-" + Math.floor(rnd() * 1e12).toString(16).padStart(12, "0");
    case "decimal":
      return (rnd() * 1000).toFixed(4);
    case "dynamic":
      return rnd() < 0.3 ? null : { Key: WORDS[Math.floor(rnd() * WORDS.length)], Count: Math.floor(rnd() * 10) };
  }
  throw new Error(type);
}

/** A valid row of a table (as the streaming API sends it, MachineGroup included). */
export function row(table, rnd) {
  const r = {};
  for (const c of table.columns) r[c.name] = c.nullable === false && value(c.type, rnd, c.name) === null ? value(c.type, () => 0.5, c.name) : value(c.type, rnd, c.name);
  if (!("MachineGroup" in r)) r.MachineGroup = "Tier 0";
  return r;
}

export function record(table, rnd) {
  return {
    time: value("datetime", rnd),
    tenantId: "6b0b7b1e-1111-2222-3333-444444444444",
    category: `AdvancedHunting-${table.name}`,
    properties: row(table, rnd),
  };
}

/** Runs fn over `rounds` rounds; returns the median of per-round ns/op. */
export function measure(fn, ops, rounds = 7) {
  const samples = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t) / ops);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}
