/**
 * Hostile service answers to `kqlgen pull`, through the real binary against
 * the loopback Azure server (the Azure SDK's own clients, the fake `az` for
 * the credential, verbose SDK logging on): huge bodies and gzip bombs, stalled
 * and dripping answers, tokens echoed back (whole, split, opaque, in
 * headers), escape sequences in service messages, credentials in --endpoint,
 * prototype-named columns. Each run must end with its exit code and a
 * one-line message naming the table, with no stack, no token, no control
 * character, nothing written, and bounded memory (measured with /usr/bin/time).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Table } from "../../src/model/schema.js";
import { readSchemaDir } from "../../src/sources/index.js";
import { AzureServer, FIXTURES, removeTmpDirs, REPO, tmpDir, WORKSPACE, writeFakeAz, type FakeAz } from "../helpers/azure-server.js";
import { hashTree } from "../helpers/tree.js";

const BIN = path.join(REPO, "bin", "kqlgen.js");
const TIME = "/usr/bin/time";
let server: AzureServer;
let az: FakeAz;
let fixtures: readonly Table[];

beforeAll(async () => {
  if (!existsSync(path.join(REPO, "dist", "src", "cli", "commands", "pull.js"))) throw new Error("dist/ is not built: run `npm run build` first");
  server = await AzureServer.start();
  az = await writeFakeAz();
  fixtures = (await readSchemaDir(FIXTURES)).tables;
});
afterAll(async () => {
  await server.close();
  await removeTmpDirs();
});
beforeEach(() => {
  server.reset();
  server.acceptOpaqueTokens = false;
});

function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(https?_proxy|all_proxy|no_proxy|azure_.*|node_options|vitest.*|kqlgen_debug)$/i.test(k)) continue;
    env[k] = v;
  }
  // AZURE_TOKEN_CREDENTIALS pins the fake az: the default credential chain never probes the network.
  return { ...env, ...az.env("ok"), NODE_EXTRA_CA_CERTS: server.caFile, AZURE_LOG_LEVEL: "verbose", ...extra };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the kqlgen process, in MB. */
  rssMb: number;
  ms: number;
}

/** The kqlgen binary under /usr/bin/time (its peak RSS measured). */
function kqlgen(args: readonly string[], env = userEnv(), timeoutMs = 60_000): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(TIME, ["-f", "KQLGEN_MAXRSS_KB=%M", process.execPath, BIN, ...args], { cwd: REPO, env, timeout: timeoutMs, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const m = /KQLGEN_MAXRSS_KB=(\d+)\s*$/.exec(stderr);
      const code = error ? ((error as { code?: number }).code ?? 1) : 0;
      resolve({ code, stdout, stderr: stderr.replace(/(Command exited with non-zero status \d+\n)?KQLGEN_MAXRSS_KB=\d+\s*$/, ""), rssMb: m ? Number(m[1]) / 1024 : NaN, ms: Date.now() - started });
    });
  });
}

/** What every failure must look like: only kqlgen's own one-line messages, no stack, no control character. */
function expectCleanErrors(stderr: string): string[] {
  const mine = stderr.split("\n").filter((l) => l.startsWith("kqlgen:"));
  expect(mine.length).toBeGreaterThan(0);
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(stderr).not.toContain("internal error");
  // eslint-disable-next-line no-control-regex
  expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  return mine;
}

async function expectNoToken(...texts: string[]): Promise<void> {
  const tokens = await az.tokens();
  expect(tokens.length).toBeGreaterThan(0);
  for (const token of tokens) {
    const secret = token.includes(".") ? token.split(".")[2]! : token;
    for (const text of texts) {
      expect(text).not.toContain(secret);
      // Nor either half of it.
      expect(text).not.toContain(secret.slice(0, Math.floor(secret.length / 2)));
      expect(text).not.toContain(secret.slice(Math.floor(secret.length / 2)));
    }
  }
}

/** An --out folder holding a saved snapshot: it must come out byte-identical. */
async function savedOut(): Promise<{ dir: string; before: Record<string, string> }> {
  const dir = await tmpDir("adv-pull");
  await writeFile(path.join(dir, "Keep.kqlgen.json"), JSON.stringify({ format: "kqlgen.snapshot/v1", table: "Keep", columns: [{ name: "A", type: "string", ordinal: 0 }] }, null, 2) + "\n");
  return { dir, before: await hashTree(dir) };
}

const pullArgs = (out: string, ...more: string[]) => ["pull", "--workspace", WORKSPACE, "--tables", "DeviceInfo", "--endpoint", server.logAnalyticsEndpoint, "--out", out, ...more];

describe("big answers", () => {
  it("a 1 GB body: exit 3, one line naming the table, reading stops at 64 MB, memory bounded", async () => {
    server.inject({ api: "query", hugeBody: 1024 * 1024 * 1024 });
    const { dir, before } = await savedOut();
    const r = await kqlgen(pullArgs(dir));
    expect(r.code).toBe(3);
    const lines = expectCleanErrors(r.stderr);
    expect(lines[0]).toBe(
      "kqlgen: error: Log Analytics sent an answer larger than 64 MB for the getschema query for table DeviceInfo: kqlgen stopped reading it (a schema is far smaller); check --endpoint",
    );
    expect(lines.at(-1)).toBe(`kqlgen: pull failed (1 of 1 table failed): nothing was written to ${dir}`);
    expect(await hashTree(dir)).toEqual(before);
    console.log(`pull, 1 GB body: exit ${r.code}, peak RSS ${r.rssMb.toFixed(0)} MB, ${r.ms} ms`);
    expect(r.rssMb).toBeLessThan(600);
  });

  it("1 MB of gzip inflating to 1 GB: the same, counted after decompression", async () => {
    server.inject({ api: "query", hugeBody: 1024 * 1024 * 1024, gzip: true });
    const { dir, before } = await savedOut();
    const r = await kqlgen(pullArgs(dir));
    expect(r.code).toBe(3);
    const lines = expectCleanErrors(r.stderr);
    expect(lines[0]).toContain("sent an answer larger than 64 MB for the getschema query for table DeviceInfo");
    expect(await hashTree(dir)).toEqual(before);
    console.log(`pull, gzip bomb (1 GB inflated): exit ${r.code}, peak RSS ${r.rssMb.toFixed(0)} MB, ${r.ms} ms`);
    expect(r.rssMb).toBeLessThan(600);
  });

  it("the metadata of --all is capped too", async () => {
    server.inject({ api: "metadata", hugeBody: 200 * 1024 * 1024 });
    const { dir, before } = await savedOut();
    const r = await kqlgen(["pull", "--workspace", WORKSPACE, "--all", "--endpoint", server.logAnalyticsEndpoint, "--out", dir]);
    expect(r.code).toBe(3);
    expect(expectCleanErrors(r.stderr)[0]).toContain("sent an answer larger than 64 MB for the workspace metadata");
    expect(await hashTree(dir)).toEqual(before);
  });

  it("Graph answers are capped", async () => {
    server.inject({ api: "graph", hugeBody: 100 * 1024 * 1024 });
    const { dir, before } = await savedOut();
    const r = await kqlgen(["pull", "--source", "graph", "--tables", "DeviceInfo", "--endpoint", server.graphEndpoint, "--out", dir]);
    expect(r.code).toBe(3);
    expect(expectCleanErrors(r.stderr)[0]).toContain("Microsoft Graph sent an answer larger than 64 MB for the getschema query for table DeviceInfo");
    expect(await hashTree(dir)).toEqual(before);
  });
});

describe("--timeout covers the whole answer", () => {
  it("headers, the start of the body, then nothing: exit 3 after --timeout", async () => {
    server.inject({ api: "query", stallBody: true });
    const { dir, before } = await savedOut();
    const r = await kqlgen(pullArgs(dir, "--timeout", "1"), userEnv(), 30_000);
    expect(r.code).toBe(3);
    expect(expectCleanErrors(r.stderr)[0]).toBe(
      "kqlgen: error: no answer from Log Analytics within 1 s for the getschema query for table DeviceInfo (--timeout 1): try again, or allow more time with a larger --timeout",
    );
    expect(r.ms).toBeLessThan(20_000);
    expect(await hashTree(dir)).toEqual(before);
  });

  it("a slow drip (one byte every 50 ms) never completing within --timeout: exit 3", async () => {
    server.inject({ api: "query", dripMs: 50 });
    const { dir, before } = await savedOut();
    const r = await kqlgen(pullArgs(dir, "--timeout", "1"), userEnv(), 30_000);
    expect(r.code).toBe(3);
    expect(expectCleanErrors(r.stderr)[0]).toContain("no answer from Log Analytics within 1 s for the getschema query for table DeviceInfo");
    expect(r.ms).toBeLessThan(20_000);
    expect(await hashTree(dir)).toEqual(before);
  });

  it("Graph: a stalled body times out too", async () => {
    server.inject({ api: "graph", stallBody: true });
    const { dir } = await savedOut();
    const r = await kqlgen(["pull", "--source", "graph", "--tables", "DeviceInfo", "--endpoint", server.graphEndpoint, "--out", dir, "--timeout", "1"], userEnv(), 30_000);
    expect(r.code).toBe(3);
    expect(expectCleanErrors(r.stderr)[0]).toContain("no answer from Microsoft Graph within 1 s");
  });
});

describe("redaction and terminals", () => {
  it("an opaque (non-JWT) token echoed back in two halves is redacted everywhere, verbose logs included", async () => {
    server.acceptOpaqueTokens = true;
    server.inject({ api: "query", echoTokenSplit: true });
    const { dir } = await savedOut();
    const r = await kqlgen(pullArgs(dir), userEnv({ FAKE_AZ_TOKENS: "opaque" }));
    expect(r.code).toBe(3);
    expectCleanErrors(r.stderr);
    expect(r.stderr).toContain("azure:"); // verbose SDK logging was on
    const tokens = await az.tokens();
    expect(tokens.some((t) => !t.includes("."))).toBe(true);
    await expectNoToken(r.stdout, r.stderr);
  });

  it("a token in response headers and the body, with verbose logging: redacted", async () => {
    server.inject({ api: "query", echoTokenHeader: true });
    const { dir } = await savedOut();
    const r = await kqlgen(pullArgs(dir));
    expect(r.code).toBe(3);
    expectCleanErrors(r.stderr);
    await expectNoToken(r.stdout, r.stderr);
  });

  it("escape sequences and bidi controls in a service message never reach the terminal", async () => {
    server.inject({ api: "query", status: 400, body: { error: { code: "BadArgumentError\u001b[2J", message: "Bad \u001b]0;owned\u0007query \u001b[31mred\u001b[0m \u202eevil\u202c \u009b31m" } } });
    const { dir } = await savedOut();
    const r = await kqlgen(pullArgs(dir));
    expect(r.code).toBe(3);
    const lines = expectCleanErrors(r.stderr);
    expect(lines[0]).toContain("\\u001b[31mred");
    expect(r.stderr).not.toContain("\u202e");
  });

  it("--endpoint with a user name and password is refused before any request, and the password is never echoed", async () => {
    const { dir, before } = await savedOut();
    const endpoint = server.logAnalyticsEndpoint.replace("https://", "https://alice:S3cretPassw0rd@");
    const r = await kqlgen(["pull", "--workspace", WORKSPACE, "--tables", "DeviceInfo", "--endpoint", endpoint, "--out", dir]);
    expect(r.code).toBe(2);
    const lines = expectCleanErrors(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^kqlgen: error: --endpoint: endpoint https:\/\/<user>:<password>@127\.0\.0\.1:\d+… carries a user name or password: refused/);
    expect(r.stderr).not.toContain("S3cretPassw0rd");
    expect(r.stderr).not.toContain("alice");
    expect(server.requests).toHaveLength(0);
    expect(await hashTree(dir)).toEqual(before);
  });
});

describe("hostile schemas from the service", () => {
  it("prototype-named columns are pulled, saved and read back; --check then finds no drift", async () => {
    const odd: Table = {
      name: "DeviceInfo",
      platform: "log-analytics",
      columns: ["__proto__", "constructor", "hasOwnProperty", "toString", "valueOf", "Timestamp"].map((name, ordinal) => ({ name, type: "string" as const, ordinal })),
    };
    const { dir } = await savedOut();
    const protoTables = ["__proto__", "hasOwnProperty", "constructor"].map((name) => ({ ...odd, name }));
    const local = await AzureServer.start({ workspaces: new Map([[WORKSPACE, [odd, ...protoTables]]]), hunting: fixtures });
    try {
      const args = ["pull", "--workspace", WORKSPACE, "--tables", "DeviceInfo,__proto__,hasOwnProperty,constructor", "--endpoint", local.logAnalyticsEndpoint, "--out", dir];
      const env = { ...userEnv(), NODE_EXTRA_CA_CERTS: local.caFile };
      const first = await kqlgen(args, env);
      expect(first.stderr.split("\n").filter((l) => l.startsWith("kqlgen:"))).toEqual([]);
      expect(first.code).toBe(0);
      const set = (await readSchemaDir(dir)).tables;
      expect(set.map((t) => t.name)).toEqual(["DeviceInfo", "Keep", "__proto__", "constructor", "hasOwnProperty"]);
      for (const t of set.filter((x) => x.name !== "Keep")) expect(t.columns.map((c) => c.name)).toEqual(odd.columns.map((c) => c.name));
      const check = await kqlgen([...args, "--check"], env);
      expect(check.code).toBe(0);
      const diff = await kqlgen(["diff", dir, dir]);
      expect(diff.code).toBe(0);
    } finally {
      await local.close();
    }
  });

  it("a getschema answer nested 5,000 levels deep: exit 3, one line", async () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    server.inject({
      api: "query",
      status: 200,
      body: `{"tables":[{"name":"PrimaryResult","columns":[{"name":"ColumnName","type":"string"},{"name":"ColumnType","type":"string"}],"rows":[[${deep},${deep}]]}]}`,
      headers: { "content-type": "application/json" },
    });
    const { dir, before } = await savedOut();
    const r = await kqlgen(pullArgs(dir));
    expect(r.code).toBe(3);
    const lines = expectCleanErrors(r.stderr);
    expect(lines[0]).toContain("table DeviceInfo");
    expect(lines[0]!.length).toBeLessThan(600);
    expect(await hashTree(dir)).toEqual(before);
  });
});
