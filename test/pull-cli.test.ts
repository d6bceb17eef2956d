/**
 * The `kqlgen` binary as a user runs it, with no test hooks: `--endpoint` to
 * the loopback Azure server, its certificate trusted through
 * NODE_EXTRA_CA_CERTS, and AZURE_TOKEN_CREDENTIALS=AzureCliCredential with a
 * fake `az` on PATH. Verbose Azure SDK logging is on, and no token may show.
 * Also, in-process: progress on a terminal, --quiet.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setEnv } from "./helpers/env.js";
import type { Table } from "../src/model/schema.js";
import { readSchemaDir } from "../src/sources/index.js";
import { writeSnapshot } from "../src/sources/snapshot.js";
import { ALL_SCHEMAS, AzureServer, faults, logAnalyticsVersion, portalTable, removeTmpDirs, REPO, runPull, tmpDir, WORKSPACE, writeFakeAz, type FakeAz } from "./helpers/azure-server.js";

const BIN = path.join(REPO, "bin", "kqlgen.js");
let server: AzureServer;
let az: FakeAz;
let fixtures: readonly Table[];
const savedEnv = { ...process.env };

beforeAll(async () => {
  if (!existsSync(path.join(REPO, "dist", "src", "cli", "commands", "pull.js"))) throw new Error("dist/ is not built: run `npm run build` (npm test does) before this test");
  server = await AzureServer.start();
  az = await writeFakeAz();
  fixtures = (await readSchemaDir(ALL_SCHEMAS)).tables;
});
afterAll(async () => {
  setEnv(savedEnv);
  await server.close();
  await removeTmpDirs();
});
beforeEach(() => server.reset());

/** The environment of a user's shell: no proxy, no Azure settings but ours, the server's CA trusted, verbose SDK logs. */
function userEnv(mode: "ok" | "login" = "ok"): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(https?_proxy|all_proxy|no_proxy|azure_.*|node_options|vitest.*)$/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ...az.env(mode), NODE_EXTRA_CA_CERTS: server.caFile, AZURE_LOG_LEVEL: "verbose" };
}

function kqlgen(args: readonly string[], env = userEnv()): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: REPO, env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** No token the fake az handed out appears in these texts (not even its signature part). */
async function expectNoToken(...texts: string[]): Promise<void> {
  const tokens = await az.tokens();
  expect(tokens.length).toBeGreaterThan(0);
  for (const token of tokens) for (const text of texts) expect(text).not.toContain(token.split(".")[2]);
}

describe("the kqlgen binary", () => {
  it("pulls from Log Analytics into snapshots; the token comes from az for the Log Analytics resource and never shows", async () => {
    const dir = await tmpDir("cli");
    const r = await kqlgen(["pull", "--workspace", WORKSPACE, "--tables", "DeviceInfo,AlertInfo", "--endpoint", server.logAnalyticsEndpoint, "--out", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "kqlgen: wrote AlertInfo.kqlgen.json",
        "kqlgen: wrote DeviceInfo.kqlgen.json",
        `kqlgen: pulled 2 tables from Log Analytics workspace ${WORKSPACE} into ${dir}: 2 written, 0 unchanged`,
        "",
      ].join("\n"),
    );
    // Verbose SDK logging went to stderr (so the check below means something).
    expect(r.stderr).toContain("azure:");
    expect(r.stderr).not.toContain("kqlgen: error");
    expect((await readdir(dir)).sort()).toEqual(["AlertInfo.kqlgen.json", "DeviceInfo.kqlgen.json"]);
    expect((await readSchemaDir(dir)).tables.map((t) => [t.name, t.platform, t.columns.length])).toEqual([
      ["AlertInfo", "log-analytics", 8],
      ["DeviceInfo", "log-analytics", 47],
    ]);
    expect(await az.calls()).toContainEqual(["account", "get-access-token", "--output", "json", "--resource", "https://api.loganalytics.io"]);
    expect(server.requestsFor("query").map((q) => [q.table, q.audience, q.attempt]).sort()).toEqual([
      ["AlertInfo", "https://api.loganalytics.io", 1],
      ["DeviceInfo", "https://api.loganalytics.io", 1],
    ]);
    const files = await Promise.all((await readdir(dir)).map((f) => readFile(path.join(dir, f), "utf8")));
    await expectNoToken(r.stdout, r.stderr, ...files);
  });

  it("pulls from Graph with the Graph resource; a throttled answer (Retry-After: 0) is retried with the real defaults", async () => {
    server.inject(faults.throttled(0, { api: "graph", table: "DeviceProcessEvents", times: 1 }));
    const dir = await tmpDir("cli-graph");
    const r = await kqlgen(["pull", "--source", "graph", "--tables", "DeviceProcessEvents", "--endpoint", server.graphEndpoint, "--out", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`kqlgen: wrote DeviceProcessEvents.kqlgen.json\nkqlgen: pulled 1 table from Microsoft Graph runHuntingQuery into ${dir}: 1 written, 0 unchanged\n`);
    expect(server.requestsFor("graph").map((q) => [q.path, q.audience, q.attempt])).toEqual([
      ["/graph/v1.0/security/runHuntingQuery", "https://graph.microsoft.com", 1],
      ["/graph/v1.0/security/runHuntingQuery", "https://graph.microsoft.com", 2],
    ]);
    expect(await az.calls()).toContainEqual(["account", "get-access-token", "--output", "json", "--resource", "https://graph.microsoft.com"]);
    const text = await readFile(path.join(dir, "DeviceProcessEvents.kqlgen.json"), "utf8");
    expect(text).toBe(writeSnapshot({ ...fixtures.find((t) => t.name === "DeviceProcessEvents")!, platform: "defender-advanced-hunting" }));
    await expectNoToken(r.stdout, r.stderr, text);
  });

  it("403: exit 3 with the missing role, no stack trace, nothing written", async () => {
    server.inject(faults.forbiddenLogAnalytics());
    const dir = await tmpDir("cli-403");
    await writeFile(path.join(dir, "AlertInfo.kqlgen.json"), "saved\n");
    const r = await kqlgen(["pull", "--workspace", WORKSPACE, "--tables", "AlertInfo", "--endpoint", server.logAnalyticsEndpoint, "--out", dir]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("");
    const ours = r.stderr.split("\n").filter((l) => l.startsWith("kqlgen:"));
    expect(ours).toEqual([
      `kqlgen: error: Log Analytics denied access to workspace ${WORKSPACE} for the getschema query for table AlertInfo (403 InsufficientAccessError: The provided credentials have insufficient access to perform the requested operation): the signed-in identity needs the Log Analytics Reader role (or another role with Microsoft.OperationalInsights/workspaces/query/read) on the workspace`,
      `kqlgen: pull failed: nothing was written to ${dir}`,
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(path.join(dir, "AlertInfo.kqlgen.json"), "utf8")).toBe("saved\n");
    await expectNoToken(r.stdout, r.stderr);
  });

  it("nobody signed in to az: exit 3, how to sign in", async () => {
    const r = await kqlgen(["pull", "--workspace", WORKSPACE, "--tables", "AlertInfo", "--endpoint", server.logAnalyticsEndpoint, "--out", await tmpDir("cli-login")], userEnv("login"));
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("kqlgen: error: no Azure credential is available for https://api.loganalytics.io/.default (Please run 'az login' from a command prompt to authenticate before using this credential.): sign in with \"az login\"");
    expect(server.requests).toEqual([]);
  });

  it("interrupted (Ctrl-C) while tables are on their way: the saved snapshots stay as they were", async () => {
    server.inject(faults.hang({ table: "DeviceInfo" }));
    const dir = await tmpDir("cli-int");
    await writeFile(path.join(dir, "AlertInfo.kqlgen.json"), "saved\n");
    const child = spawn(process.execPath, [BIN, "pull", "--workspace", WORKSPACE, "--tables", "AlertInfo,DeviceInfo", "--endpoint", server.logAnalyticsEndpoint, "--out", dir], { env: userEnv(), stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
    for (let i = 0; i < 200 && server.requestsFor("query").length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(server.requestsFor("query").map((q) => q.table).sort()).toEqual(["AlertInfo", "DeviceInfo"]);
    child.kill("SIGINT");
    expect(await exited).toBe("SIGINT");
    expect(await readdir(dir)).toEqual(["AlertInfo.kqlgen.json"]);
    expect(await readFile(path.join(dir, "AlertInfo.kqlgen.json"), "utf8")).toBe("saved\n");
  });

  it("pull --check: exit 1 on drift from the saved portal schema, nothing written; kqlgen diff agrees", async () => {
    const portal = await portalTable("DeviceInfo");
    const saved = await tmpDir("cli-check");
    await writeFile(path.join(saved, "DeviceInfo.kqlgen.json"), writeSnapshot(portal));
    server.workspaces.set(WORKSPACE, [logAnalyticsVersion(portal)]);
    try {
      const r = await kqlgen(["pull", "--workspace", WORKSPACE, "--tables", "DeviceInfo", "--endpoint", server.logAnalyticsEndpoint, "--out", saved, "--check"]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('  breaking  ~ column "AdditionalFields" retyped: string -> dynamic\n');
      expect(r.stdout).toContain("2 breaking changes, 6 additive changes in 1 table (1 compared)\n");
      expect(await readdir(saved)).toEqual(["DeviceInfo.kqlgen.json"]);

      // The same drift, pulled into a folder of its own, then diffed.
      const fresh = await tmpDir("cli-fresh");
      expect((await kqlgen(["pull", "--workspace", WORKSPACE, "--tables", "DeviceInfo", "--endpoint", server.logAnalyticsEndpoint, "--out", fresh, "--quiet"])).code).toBe(0);
      const d = await kqlgen(["diff", saved, fresh]);
      expect(d.code).toBe(1);
      expect(d.stdout.split("\n").slice(1)).toEqual(r.stdout.split("\n").slice(1));
    } finally {
      server.workspaces.set(WORKSPACE, fixtures);
    }
  });
});

describe("progress and --quiet (in-process)", () => {
  beforeAll(() => {
    setEnv({ ...savedEnv, ...az.env() });
  });
  const args = (out: string, ...more: string[]) => ["--workspace", WORKSPACE, "--tables", "DeviceInfo,AlertInfo", "--endpoint", server.logAnalyticsEndpoint, "--out", out, "--concurrency", "1", ...more];

  it("on a terminal: one progress line per table on stderr", async () => {
    const dir = await tmpDir("tty");
    const r = await runPull(server, args(dir), true);
    expect(r.code).toBe(0);
    expect(r.err).toBe(["kqlgen: [1/2] AlertInfo: 8 columns", "kqlgen: [2/2] DeviceInfo: 47 columns"].join("\n"));
    expect(r.out.split("\n").at(-1)).toBe(`kqlgen: pulled 2 tables from Log Analytics workspace ${WORKSPACE} into ${dir}: 2 written, 0 unchanged`);
  });

  it("not a terminal: no progress; --quiet: no summary either", async () => {
    const dir = await tmpDir("quiet");
    const plain = await runPull(server, args(dir), false);
    expect(plain.err).toBe("");
    const quiet = await runPull(server, args(dir, "--quiet"), true);
    expect(quiet).toEqual({ code: 0, out: "", err: "" });
  });
});
