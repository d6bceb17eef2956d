/**
 * kqlgen as a user gets it: `npm pack`, the tarball installed into a fresh
 * project outside this repository, and every command run there as a
 * subprocess — init → generate → import (ESM, CommonJS require, TypeScript
 * under NodeNext and bundler resolution) → check, check from a subfolder,
 * validate, the programmatic API, lint, diff, pull — then publint and arethetypeswrong on the generated
 * package. Slow (an npm install from the registry or its cache): one flow.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AzureServer, removeTmpDirs, WORKSPACE, writeFakeAz } from "./helpers/azure-server.js";
import { REPO } from "./helpers/tree.js";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cwd: string, file: string, args: readonly string[], timeout = 300_000): Promise<Run> {
  return runWith(cwd, file, args, process.env, timeout);
}

function runWith(cwd: string, file: string, args: readonly string[], env: NodeJS.ProcessEnv, timeout = 300_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout, maxBuffer: 64 << 20, env: { ...env, NO_COLOR: "1", npm_config_update_notifier: "false" } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const node = (cwd: string, ...args: string[]) => run(cwd, process.execPath, args);
const npm = (cwd: string, ...args: string[]) => run(cwd, process.platform === "win32" ? "npm.cmd" : "npm", args, 900_000);
const bin = (name: string) => path.join(REPO, "node_modules", ".bin", name);

let root = "";
let app = "";
let kqlgenBin = "";
let tarball = "";
const kqlgen = (cwd: string, ...args: string[]) => node(cwd, kqlgenBin, ...args);

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "kqlgen-pack-"));
  // dist/ is built by `npm test` (and by prepare/prepack on a plain `npm pack`).
  const pack = await npm(REPO, "pack", "--ignore-scripts", "--json", "--pack-destination", root);
  expect(pack.code, pack.stderr).toBe(0);
  const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
  tarball = path.join(root, filename);
  app = path.join(root, "app");
  await mkdir(app);
  await writeFile(path.join(app, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true }, null, 2));
  const install = await npm(app, "install", "--no-audit", "--no-fund", "--prefer-offline", "--save-dev", path.join(root, filename));
  expect(install.code, install.stderr).toBe(0);
  kqlgenBin = path.join(app, "node_modules", "kqlgen", "bin", "kqlgen.js");
}, 900_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("kqlgen installed from its tarball", () => {
  it("ships its compiled CLI, templates and the Defender schemas, not its tests", async () => {
    const files = await readdir(path.join(app, "node_modules", "kqlgen"), { recursive: true });
    const names = files.map((f) => f.split(path.sep).join("/"));
    expect(names).toEqual(expect.arrayContaining(["bin/kqlgen.js", "dist/src/cli/main.js", "dist/src/api.d.ts", "dist/src/config/config-validator.cjs", "templates/runtime/query.ts", "fixtures/DeviceInfo.getschema.json", "kqlgen.config.schema.json"]));
    expect(names.filter((n) => n.startsWith("test/") || n.startsWith("src/") || n.endsWith(".map") || /fixtures\/Kqlgen/.test(n))).toEqual([]);
    const version = await node(app, path.join(app, "node_modules", ".bin", "kqlgen"), "--version");
    expect(version.stdout).toBe(`${JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")).version}\n`);
  });

  it("init → generate → import (ESM, require, TypeScript) → check, from a subfolder too", async () => {
    const init = await kqlgen(app, "init");
    expect(init.code, init.stderr).toBe(0);
    const gen = await kqlgen(app, "generate");
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stdout).toMatch(/^kqlgen: wrote 1\d tables \(\d+ files\) to generated\n$/);

    // No build step: the package's JavaScript imports as it is.
    const esm = await node(app, "--input-type=module", "-e", "const m = await import('./generated/lib/index.js'); console.log(typeof m.validateDeviceInfo, m.tables.length)");
    expect(esm.stderr).toBe("");
    expect(esm.stdout).toMatch(/^function 1\d\n$/);
    const cjs = await node(app, "-e", "const m = require('./generated/lib/index.js'); console.log(m.validateDeviceInfo({}).ok, String(m.DeviceInfoKql.take(1)))");
    expect(cjs.stderr).toBe("");
    expect(cjs.stdout).toBe("false DeviceInfo\n| take 1\n");

    // TypeScript consumers resolve the types: NodeNext (ESM and CommonJS) and bundler resolution.
    const link = await npm(app, "install", "--no-audit", "--no-fund", "--no-save", "./generated");
    expect(link.code, link.stderr).toBe(0);
    await writeFile(path.join(app, "esm.mts"), 'import { validateDeviceInfo, type DeviceInfo } from "defender-tables";\nconst r = validateDeviceInfo({});\nexport const row: DeviceInfo | undefined = r.ok ? r.value : undefined;\n');
    await writeFile(path.join(app, "cjs.cts"), 'import tables = require("defender-tables");\nexport const ok: boolean = tables.isDeviceInfo({});\n');
    await writeFile(path.join(app, "bundler.ts"), 'import { DeviceInfoKql } from "defender-tables";\nexport const text: string = DeviceInfoKql.project("DeviceName").kql;\n');
    // (a misuse the types must catch, so the check above is not vacuous)
    await writeFile(path.join(app, "wrong.mts"), 'import { DeviceInfoKql } from "defender-tables";\nDeviceInfoKql.project("NoSuchColumn");\n');
    const base = ["--strict", "--noEmit", "--skipLibCheck", "false", "--types", ""];
    const nodeNext = await run(app, bin("tsc"), [...base, "--module", "nodenext", "--moduleResolution", "nodenext", "esm.mts", "cjs.cts"]);
    expect(nodeNext.stdout + nodeNext.stderr).toBe("");
    const bundler = await run(app, bin("tsc"), [...base, "--module", "preserve", "--moduleResolution", "bundler", "bundler.ts"]);
    expect(bundler.stdout + bundler.stderr).toBe("");
    const wrong = await run(app, bin("tsc"), [...base, "--module", "nodenext", "--moduleResolution", "nodenext", "wrong.mts"]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toContain("wrong.mts(2,23): error TS2769");

    expect(await kqlgen(app, "check")).toMatchObject({ code: 0, stdout: expect.stringMatching(/^kqlgen: generated is up to date/) });
    await mkdir(path.join(app, "src", "deep"), { recursive: true });
    expect(await kqlgen(path.join(app, "src", "deep"), "check")).toMatchObject({ code: 0, stdout: expect.stringMatching(/^kqlgen: \.\.\/\.\.\/generated is up to date/) });

    // validate uses the package's lib/ (current for these schemas and config).
    const record = JSON.stringify({ records: [{ time: "2024-05-01T12:00:00Z", tenantId: "t", category: "AdvancedHunting-NoSuchTable", properties: {} }] });
    await writeFile(path.join(app, "body.json"), record);
    const validate = await kqlgen(app, "validate", "body.json");
    expect(validate.stdout).toContain("NoSuchTable");

    // The programmatic API.
    const api = await node(app, "--input-type=module", "-e", "import { check, readSchemas } from 'kqlgen'; const r = await check(); const s = await readSchemas('schemas'); console.log(r.upToDate, r.out, s.tables.length > 10)");
    expect(api.stderr).toBe("");
    expect(api.stdout).toBe("true generated true\n");
  }, 600_000);

  it("lint, diff and pull run from the installed package too (pull against the loopback Log Analytics, signed in through az)", async () => {
    // The project init made (previous test): schemas/ seeded with the Defender tables.
    await mkdir(path.join(app, "queries"), { recursive: true });
    await writeFile(path.join(app, "queries", "good.kql"), 'DeviceInfo\n| where DeviceName == "host"\n| project DeviceId, ReportId\n');
    expect(await kqlgen(app, "lint", "queries")).toMatchObject({ code: 0 });
    await writeFile(path.join(app, "queries", "bad.kql"), "DeviceInfo\n| project DeviceNmae\n");
    const bad = await kqlgen(app, "lint", "queries");
    expect(bad.code).toBe(1);
    expect(bad.stdout + bad.stderr).toMatch(/bad\.kql:2:\d+.*DeviceNmae.*DeviceName/);

    expect(await kqlgen(app, "diff", "schemas", "schemas")).toMatchObject({ code: 0 });

    const server = await AzureServer.start();
    const az = await writeFakeAz();
    try {
      const env: NodeJS.ProcessEnv = {};
      for (const [k, v] of Object.entries(process.env)) if (!/^(https?_proxy|all_proxy|no_proxy|azure_.*|node_options|vitest.*)$/i.test(k)) env[k] = v;
      Object.assign(env, az.env("ok"), { NODE_EXTRA_CA_CERTS: server.caFile });
      const pull = await runWith(app, process.execPath, [kqlgenBin, "pull", "--check", "--workspace", WORKSPACE, "--tables", "DeviceInfo", "--endpoint", server.logAnalyticsEndpoint], env);
      expect(pull.stderr).not.toMatch(/\n\s+at /);
      expect(pull.code, pull.stdout + pull.stderr).toBe(0);
      expect(pull.stdout).toMatch(/no changes \(1 table compared\)/);
    } finally {
      await server.close();
      await removeTmpDirs();
    }
  }, 300_000);

  it("the generated package passes publint and arethetypeswrong", async () => {
    const dir = path.join(app, "generated");
    const publint = await run(dir, bin("publint"), ["--strict"]);
    expect(publint.stdout).toContain("All good!");
    expect(publint.code).toBe(0);
    // ESM only: CommonJS loads it with require() (Node 20.19+, shown above); attw's node16-CJS
    // model predates require(esm), so that one rule is ignored and every other must pass.
    const attw = await run(dir, bin("attw"), ["--pack", ".", "--ignore-rules", "cjs-resolves-to-esm", "--format", "table-flipped"]);
    expect(attw.stdout + attw.stderr).not.toMatch(/❌|💀|🥴|⚠️|Error/);
    expect(attw.code, attw.stdout).toBe(0);
  }, 300_000);
});

describe("kqlgen installed without its optional dependencies (npm install --omit=optional)", () => {
  let slim = "";
  const slimKqlgen = (cwd: string, ...args: string[]) => node(cwd, path.join(slim, "node_modules", "kqlgen", "bin", "kqlgen.js"), ...args);

  beforeAll(async () => {
    slim = path.join(root, "slim");
    await mkdir(slim);
    await writeFile(path.join(slim, "package.json"), JSON.stringify({ name: "slim", version: "1.0.0", private: true }, null, 2));
    const install = await npm(slim, "install", "--no-audit", "--no-fund", "--prefer-offline", "--omit=optional", "--save-dev", tarball);
    expect(install.code, install.stderr).toBe(0);
  }, 900_000);

  it("has no Azure SDK and no Kusto parser; init, generate, check and validate (files) work without them", async () => {
    const modules = await readdir(path.join(slim, "node_modules"));
    expect(modules).toContain("kqlgen");
    expect(modules.filter((m) => m === "@azure" || m === "@kusto")).toEqual([]);
    expect((await slimKqlgen(slim, "init")).code).toBe(0);
    // The flag leaves out oxc-transform's native compiler too: generate names the package this machine needs, and writes nothing.
    const oxc = JSON.parse(await readFile(path.join(REPO, "node_modules", "oxc-transform", "package.json"), "utf8")) as { version: string };
    const binding = `@oxc-transform/binding-${process.platform}-${process.arch}${process.platform === "linux" ? "-gnu" : ""}`;
    expect(await slimKqlgen(slim, "generate")).toEqual({
      code: 2,
      stdout: "",
      stderr: `kqlgen: error: compiling the generated package's lib/ needs ${binding}, oxc-transform's compiler for this machine, an optional dependency that is not installed (npm install --omit=optional leaves it out): run npm install ${binding}@${oxc.version}\n`,
    });
    expect((await readdir(slim)).filter((f) => f === "generated")).toEqual([]);
    const added = await npm(slim, "install", "--no-audit", "--no-fund", "--prefer-offline", "--omit=optional", "--save-dev", `${binding}@${oxc.version}`);
    expect(added.code, added.stderr).toBe(0);
    expect((await readdir(path.join(slim, "node_modules"))).filter((m) => m === "@azure" || m === "@kusto")).toEqual([]);
    const gen = await slimKqlgen(slim, "generate");
    expect(gen.stderr).toBe("");
    expect(gen.stdout).toMatch(/^kqlgen: wrote 14 tables \(\d+ files\) to generated\n$/);
    expect(await slimKqlgen(slim, "check")).toMatchObject({ code: 0, stderr: "", stdout: expect.stringMatching(/^kqlgen: generated is up to date/) });
    const record = { time: "2024-05-01T12:00:00Z", tenantId: "t", category: "AdvancedHunting-DeviceInfo", properties: { DeviceName: 5 } };
    await writeFile(path.join(slim, "body.json"), JSON.stringify({ records: [record] }));
    const validate = await slimKqlgen(slim, "validate", "body.json");
    expect(validate.stderr).toBe("");
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain("DeviceName");
  }, 600_000);

  it("lint, pull and validate --storage/--event-hub say in one line which command needs what, and the npm install that adds it (exit 2)", async () => {
    const ranges = (JSON.parse(await readFile(path.join(REPO, "package.json"), "utf8")) as { optionalDependencies: Record<string, string> }).optionalDependencies;
    const install = (...names: string[]) => `run npm install ${names.map((n) => `${n}@${ranges[n]}`).join(" ")}`;
    await writeFile(path.join(slim, "q.kql"), "DeviceInfo | take 1\n");
    expect(await slimKqlgen(slim, "lint", "q.kql")).toEqual({
      code: 2,
      stdout: "",
      stderr: `kqlgen: error: kqlgen lint needs @kusto/language-service-next, an optional dependency that is not installed: ${install("@kusto/language-service-next")}\n`,
    });
    expect(await slimKqlgen(slim, "pull", "--workspace", "0f8fad5b-d9cb-469f-a165-70867728950e", "--tables", "DeviceInfo")).toEqual({
      code: 2,
      stdout: "",
      stderr: `kqlgen: error: kqlgen pull needs @azure/core-rest-pipeline, @azure/identity, @azure/logger, @azure/monitor-query-logs, optional dependencies that are not installed: ${install("@azure/core-rest-pipeline", "@azure/identity", "@azure/logger", "@azure/monitor-query-logs")}\n`,
    });
    expect(await slimKqlgen(slim, "validate", "--storage", "https://127.0.0.1:9/exports")).toEqual({
      code: 2,
      stdout: "",
      stderr: `kqlgen: error: kqlgen validate --storage needs @azure/identity, @azure/storage-blob, optional dependencies that are not installed: ${install("@azure/identity", "@azure/storage-blob")}\n`,
    });
    expect(await slimKqlgen(slim, "validate", "--event-hub", "hub")).toMatchObject({
      code: 2,
      stderr: `kqlgen: error: kqlgen validate --event-hub needs @azure/event-hubs, @azure/identity, optional dependencies that are not installed: ${install("@azure/event-hubs", "@azure/identity")}\n`,
    });
  }, 120_000);
});
