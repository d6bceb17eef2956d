// Issue 13's scale benchmark: `kqlgen generate` over N synthetic tables (snapshots of 20–80 columns of
// every Kusto type), each N in a fresh process: wall time and peak RSS (from /usr/bin/time-like
// getrusage of the child). Prints figures; asserts nothing.
// Run: npm run build && node bench/generate-scale.bench.mjs [100 1000 2000]
// Profile one size: KQLGEN_BENCH_PROFILE=1 node bench/generate-scale.bench.mjs 1000  (writes a .cpuprofile under bench/.tmp/)
// Per phase, in this process: KQLGEN_BENCH_PHASES=1 node bench/generate-scale.bench.mjs 300  (read; read to compile, streamed; generate new and unchanged; check: ms and heap)
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { prng, ROOT, TMP } from "./lib.mjs";

const TYPES = ["string", "string", "string", "string", "long", "int", "bool", "real", "datetime", "timespan", "guid", "decimal", "dynamic"];
const NAMES = ["Timestamp", "DeviceId", "DeviceName", "ActionType", "FileName", "FolderPath", "SHA1", "SHA256", "ProcessId", "InitiatingProcessCommandLine", "AccountSid", "RemoteIP", "RemotePort", "ReportId", "AdditionalFields"];

/** Writes `n` synthetic table snapshots into a fresh folder; returns it. */
export function syntheticSchemas(n, seed = 13) {
  const dir = path.join(TMP, `scale-schemas-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const rnd = prng(seed);
  for (let t = 0; t < n; t++) {
    const table = `Synthetic${String(t).padStart(5, "0")}Events`;
    const count = 20 + Math.floor(rnd() * 61);
    const columns = Array.from({ length: count }, (_, i) => ({
      name: i < NAMES.length ? NAMES[i] : `Column${i}`,
      type: i === 0 ? "datetime" : TYPES[Math.floor(rnd() * TYPES.length)],
      ordinal: i,
    }));
    writeFileSync(path.join(dir, `${table}.kqlgen.json`), JSON.stringify({ format: "kqlgen.snapshot/v1", table, platform: "log-analytics", columns }, null, 2) + "\n");
  }
  return dir;
}

/** Runs `generate` in a child; resolves wall ms and peak RSS in MB (the child reports its own maxRSS at exit). */
function run(schemas, out, profile) {
  const bin = path.join(ROOT, "bin", "kqlgen.js");
  const args = [
    ...(profile ? ["--cpu-prof", "--cpu-prof-dir", path.join(TMP, "profiles")] : []),
    "--import",
    "data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n'))",
    bin,
    "generate",
    "--schemas",
    schemas,
    "--out",
    out,
    "--config",
    path.join(TMP, "scale-config.json"),
  ];
  // The disk settles first: the previous run's 200 MB and 16,000 deletions, still being written back,
  // slowed the next run by up to 60% (a user's generate does not start right after deleting a package).
  spawnSync("sync");
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.stdout.resume();
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const rss = /MAXRSS (\d+)/.exec(err);
      if (code !== 0) return reject(new Error(`generate exited ${code}: ${err.slice(0, 2000)}`));
      resolve({ ms, mb: rss ? Number(rss[1]) / 1024 : NaN });
    });
  });
}

/** The pipeline's phases one after the other in this process, for one size: wall ms, CPU ms and heap after each. */
async function phases(n) {
  const D = path.join(ROOT, "dist", "src");
  const load = (rel) => import(pathToFileURL(path.join(D, rel)).href);
  const [{ streamPackage }, { writeOutput }, { compareOutput }, { readSchemaDir }] = await Promise.all(
    ["pipeline.js", "output/write.js", "output/check.js", "sources/index.js"].map(load),
  );
  const schemas = syntheticSchemas(n);
  const out = path.join(TMP, `scale-phases-${n}`);
  rmSync(out, { recursive: true, force: true });
  const config = path.join(TMP, "scale-config.json");
  console.log(`| ${n} tables: phase | wall | CPU | heap after |`);
  console.log("| --- | ---: | ---: | ---: |");
  let t = performance.now();
  let cpu = process.cpuUsage();
  const lap = (name) => {
    const c = process.cpuUsage(cpu);
    console.log(`| ${name} | ${((performance.now() - t) / 1000).toFixed(2)} s | ${((c.user + c.system) / 1e6).toFixed(2)} s | ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB |`);
    t = performance.now();
    cpu = process.cpuUsage();
  };
  await readSchemaDir(schemas, {});
  lap("read schemas");
  let files = 0;
  let chars = 0;
  for await (const [, text] of (await streamPackage({ schemas, config })).files) {
    files++;
    chars += text.length;
  }
  lap("read + emit + format + compile (streamed, nothing kept)");
  await writeOutput(out, (await streamPackage({ schemas, config })).files);
  lap("generate into a new folder");
  await writeOutput(out, (await streamPackage({ schemas, config })).files);
  lap("generate, nothing changed");
  await compareOutput(out, (await streamPackage({ schemas, config })).files);
  lap("check");
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ${files} files, ${(chars / 1e6).toFixed(0)} M characters`);
  rmSync(out, { recursive: true, force: true });
  rmSync(schemas, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href && process.env.KQLGEN_BENCH_PHASES === "1") {
  mkdirSync(TMP, { recursive: true });
  writeFileSync(path.join(TMP, "scale-config.json"), JSON.stringify({ package: { name: "@bench/scale" } }));
  for (const n of process.argv.slice(2).map(Number).filter((x) => x > 0)) await phases(n);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  mkdirSync(TMP, { recursive: true });
  writeFileSync(path.join(TMP, "scale-config.json"), JSON.stringify({ package: { name: "@bench/scale" } }));
  console.log("| tables | generate wall | peak RSS | per table |");
  console.log("| ---: | ---: | ---: | ---: |");
  for (const n of sizes.length ? sizes : [100, 1000, 2000]) {
    const schemas = syntheticSchemas(n);
    await new Promise((r) => setTimeout(r, 2000));
    const out = path.join(TMP, `scale-out-${n}`);
    rmSync(out, { recursive: true, force: true });
    const { ms, mb } = await run(schemas, out, process.env.KQLGEN_BENCH_PROFILE === "1");
    console.log(`| ${n} | ${(ms / 1000).toFixed(2)} s | ${mb.toFixed(0)} MB | ${(ms / n).toFixed(2)} ms |`);
    rmSync(out, { recursive: true, force: true });
    rmSync(schemas, { recursive: true, force: true });
  }
}
