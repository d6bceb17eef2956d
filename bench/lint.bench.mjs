// kqlgen lint: time per query and for 1,000 queries, start-up (loading Kusto's parser, building the
// schema's global state, the first analysis) included and excluded; peak memory (max RSS of the
// kqlgen lint process) for 250, 1,000 and 4,000 files, and for 1,000 queries in 100 multi-query
// files. Prints figures; asserts nothing.
// Run after `npm run build`: node bench/lint.bench.mjs
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { prng, ROOT, TMP } from "./lib.mjs";

const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;

const SCHEMAS = path.join(ROOT, "fixtures");
const { readSchemaDir } = await import(pathToFileURL(path.join(ROOT, "dist/src/sources/index.js")).href);
const schema = await readSchemaDir(SCHEMAS);

/** Realistic hunting queries over the fixture tables: filters, joins, summaries, lets, FileProfile, some with errors. */
function queries(n) {
  const rnd = prng(7);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    // Two different string columns.
    const t = pick(schema.tables.filter((x) => x.columns.some((c) => c.name === "DeviceId")));
    const dt = t.columns.find((c) => c.type === "datetime").name;
    const strings = t.columns.filter((c) => c.type === "string" && c.name !== "DeviceId").map((c) => c.name);
    const s1 = pick(strings);
    const s2 = pick(strings.filter((n) => n !== s1));
    const typo = rnd() < 0.1 ? "X" : "";
    const shape = i % 6;
    let q;
    if (shape === 0) q = `${t.name}\n| where ${dt} > ago(7d)\n| where ${s1}${typo} has "powershell"\n| project ${dt}, ${s1}, ${s2}\n| take 100`;
    else if (shape === 1) q = `${t.name}\n| where ${dt} between (ago(30d) .. now())\n| summarize Count = count(), Distinct = dcount(${s2}) by ${s1}, bin(${dt}, 1h)\n| order by Count desc`;
    else if (shape === 2) q = `let since = ago(1d);\nlet suspicious = dynamic(["a.exe", "b.exe"]);\n${t.name}\n| where ${dt} > since and ${s1} in~ (suspicious)\n| extend Lower = tolower(${s2}${typo})\n| top 10 by ${dt} desc`;
    else if (shape === 3) q = `${t.name}\n| where ${s1} startswith "C:\\\\Windows"\n| join kind=leftouter (DeviceInfo | project DeviceId, OSPlatform) on DeviceId\n| summarize arg_max(${dt}, *) by ${s2}`;
    else if (shape === 4) q = `${t.name}\n| where isnotempty(${s1})\n| extend Parsed = parse_json(${s2})\n| where tostring(Parsed.Key) == "x"\n| distinct ${s1}`;
    else q = `DeviceFileEvents\n| where ${"Timestamp"} > ago(1d)\n| invoke FileProfile(SHA1, 1000)\n| where GlobalPrevalence${typo} < 50\n| project Timestamp, DeviceName, FileName, Signer`;
    out.push(q);
  }
  return out;
}

const N = 1000;
const texts = queries(N);
const dir = path.join(TMP, "lint-1000");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
texts.forEach((q, i) => writeFileSync(path.join(dir, `q${String(i).padStart(4, "0")}.kql`), q + "\n"));
// The same 1,000 queries as 100 files of 10 blank-line-separated queries, with a shared let on top.
const multi = path.join(TMP, "lint-multi");
rmSync(multi, { recursive: true, force: true });
mkdirSync(multi, { recursive: true });
for (let f = 0; f < 100; f++) writeFileSync(path.join(multi, `m${String(f).padStart(3, "0")}.kql`), ["let lookback = 7d;", ...texts.slice(f * 10, f * 10 + 10)].join("\n\n") + "\n");
/** n files of the generated queries (repeating them), for the memory figures. */
function filesOf(n) {
  const d = path.join(TMP, `lint-files-${n}`);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(path.join(d, `q${String(i).padStart(5, "0")}.kql`), texts[i % texts.length] + "\n");
  return d;
}
const one = path.join(TMP, "lint-1");
rmSync(one, { recursive: true, force: true });
mkdirSync(one, { recursive: true });
writeFileSync(path.join(one, "q.kql"), texts[0] + "\n");

function cli(target) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/kqlgen.js"), "lint", "--schemas", SCHEMAS, target], { encoding: "utf8" });
  const time = performance.now() - start;
  if (r.status !== 0 && r.status !== 1) throw new Error(`lint failed (${r.status}): ${r.stderr}`);
  return { time, summary: r.stderr.trim() };
}

/** Peak memory of one kqlgen lint process (its max RSS) and its summary line. */
function peak(target) {
  const script = [
    `const { main } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, "dist/src/cli/main.js")).href)});`,
    "let summary = '';",
    `await main(["lint", "--schemas", ${JSON.stringify(SCHEMAS)}, ${JSON.stringify(target)}], { out() {}, err(t) { summary = t.trim(); } });`,
    "process.stdout.write(JSON.stringify({ maxRSS: process.resourceUsage().maxRSS, summary }));",
  ].join("\n");
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`lint failed (${r.status}): ${r.stderr}`);
  const { maxRSS, summary } = JSON.parse(r.stdout);
  return { mb: maxRSS / 1024, summary };
}

// Whole command, start-up included (a fresh process each time): 1 query, and 1,000.
const cliOne = [];
const cliAll = [];
let summary = "";
for (let i = 0; i < 3; i++) {
  cliOne.push(cli(one).time);
  const r = cli(dir);
  cliAll.push(r.time);
  summary = r.summary;
}

// In process: the parts of start-up, then analysis alone (start-up excluded).
const { loadKusto } = await import(pathToFileURL(path.join(ROOT, "dist/src/lint/kusto.js")).href);
let t0 = performance.now();
const kusto = await loadKusto();
const load = performance.now() - t0;
t0 = performance.now();
const globals = kusto.globals(schema);
const build = performance.now() - t0;
t0 = performance.now();
kusto.analyze(texts[0], globals);
const first = performance.now() - t0;
const passes = [];
const perQuery = [];
for (let pass = 0; pass < 3; pass++) {
  const start = performance.now();
  for (const q of texts) {
    const s = performance.now();
    kusto.analyze(q, globals);
    if (pass === 2) perQuery.push(performance.now() - s);
  }
  passes.push(performance.now() - start);
}
const sorted = [...perQuery].sort((a, b) => a - b);

console.log(`kqlgen lint, ${schema.tables.length} tables, ${texts.length} queries (${summary})`);
console.log("");
console.log("start-up, in process");
console.log(`  load @kusto/language-service-next (min.js)   ${ms(load)}`);
console.log(`  global state for the schema set              ${ms(build)}`);
console.log(`  first analysis                                ${ms(first)}`);
console.log("");
console.log("analysis only (start-up excluded), median of 3 passes");
console.log(`  ${N} queries                                  ${ms(med(passes))}`);
console.log(`  per query: mean ${ms(med(passes) / texts.length)}, median ${ms(sorted[Math.floor(sorted.length / 2)])}, p95 ${ms(sorted[Math.floor(sorted.length * 0.95)])}, max ${ms(sorted[sorted.length - 1])}`);
console.log("");
console.log("the kqlgen lint command, start-up included (fresh process, median of 3)");
console.log(`  1 query                                       ${ms(med(cliOne))}`);
console.log(`  ${N} queries in ${N} files                     ${ms(med(cliAll))}  (${ms(med(cliAll) / texts.length)} per query)`);
const multiTime = [];
for (let i = 0; i < 3; i++) multiTime.push(cli(multi).time);
console.log(`  ${N} queries in 100 multi-query files          ${ms(med(multiTime))}  (${ms(med(multiTime) / texts.length)} per query)`);
console.log("");
console.log("peak memory of the kqlgen lint process (max RSS)");
for (const n of [250, 1000, 4000]) {
  const { mb, summary } = peak(filesOf(n));
  console.log(`  ${String(n).padStart(5)} files   ${mb.toFixed(0).padStart(4)} MB   (${summary})`);
}
const m = peak(multi);
console.log(`    100 multi-query files (1,000 queries)   ${m.mb.toFixed(0)} MB   (${m.summary})`);
