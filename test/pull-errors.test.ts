/**
 * Every failure a user of `kqlgen pull` meets, from the loopback Azure server
 * through the real credential and clients: the exact message, the exit code,
 * the requests sent (retries counted), and that nothing was written.
 */
import https from "node:https";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setEnv } from "./helpers/env.js";
import type { Table } from "../src/model/schema.js";
import { redactSecrets, retryAfterMs } from "../src/sources/live/errors.js";
import { readSchemaDir } from "../src/sources/index.js";
import { writeSnapshot } from "../src/sources/snapshot.js";
import { ALL_SCHEMAS, AzureServer, faults, removeTmpDirs, runPull, tmpDir, WORKSPACE, writeFakeAz, type FakeAz } from "./helpers/azure-server.js";

let server: AzureServer;
let az: FakeAz;
let fixtures: readonly Table[];
const savedEnv = { ...process.env };

beforeAll(async () => {
  server = await AzureServer.start();
  az = await writeFakeAz();
  fixtures = (await readSchemaDir(ALL_SCHEMAS)).tables;
});
afterAll(async () => {
  setEnv(savedEnv);
  await server.close();
  await removeTmpDirs();
});
beforeEach(() => {
  server.reset();
  setEnv({ ...savedEnv, ...az.env() });
});

const LA = `Log Analytics`;
const GET = (table: string) => `the getschema query for table ${table}`;

/** A snapshots folder with two saved tables, and a way to see it did not change. */
async function savedFolder(): Promise<{ dir: string; unchanged: () => Promise<void> }> {
  const dir = await tmpDir("saved");
  for (const t of ["AlertInfo", "DeviceInfo"]) await writeFile(path.join(dir, `${t}.kqlgen.json`), writeSnapshot(fixtures.find((f) => f.name === t)!));
  const before = new Map<string, { text: string; mtime: number }>();
  for (const f of await readdir(dir)) before.set(f, { text: await readFile(path.join(dir, f), "utf8"), mtime: (await stat(path.join(dir, f))).mtimeMs });
  return {
    dir,
    unchanged: async () => {
      expect((await readdir(dir)).sort()).toEqual([...before.keys()].sort());
      for (const [f, b] of before) {
        expect(await readFile(path.join(dir, f), "utf8")).toBe(b.text);
        expect((await stat(path.join(dir, f))).mtimeMs).toBe(b.mtime);
      }
    },
  };
}

const laArgs = (out: string, tables: string, ...more: string[]) => ["--workspace", WORKSPACE, "--tables", tables, "--endpoint", server.logAnalyticsEndpoint, "--out", out, ...more];
const graphArgs = (out: string, tables: string, ...more: string[]) => ["--source", "graph", "--tables", tables, "--endpoint", server.graphEndpoint, "--out", out, ...more];

describe("no credential", () => {
  const help =
    'sign in with "az login" (Azure CLI), or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH) for a service principal; ' +
    "managed and workload identities work where they are set up, and AZURE_TOKEN_CREDENTIALS picks one credential";

  it("az is there but nobody signed in: says how to sign in, sends nothing", async () => {
    setEnv({ ...savedEnv, ...az.env("login") });
    const saved = await savedFolder();
    const r = await runPull(server, laArgs(saved.dir, "AlertInfo,DeviceInfo", "--tenant", "contoso.onmicrosoft.com"));
    expect(r).toEqual({
      code: 3,
      out: "",
      err: [
        "kqlgen: error: no Azure credential is available for https://api.loganalytics.io/.default " +
          "(Please run 'az login' from a command prompt to authenticate before using this credential.): " +
          help.replace('"az login"', '"az login --tenant contoso.onmicrosoft.com"'),
        `kqlgen: pull failed: nothing was written to ${saved.dir}`,
      ].join("\n"),
    });
    expect(server.requests).toEqual([]);
    await saved.unchanged();
  });

  it("no credential of the developer chain is installed: each one's reason, one message", async () => {
    setEnv({ ...savedEnv, PATH: "/nonexistent", AZURE_TOKEN_CREDENTIALS: "dev" });
    const r = await runPull(server, laArgs(await tmpDir("x"), "AlertInfo"));
    expect(r.code).toBe(3);
    const [first, second] = r.err.split("\n");
    expect(first).toMatch(/^kqlgen: error: no Azure credential is available for https:\/\/api\.loganalytics\.io\/\.default \(.*Azure CLI could not be found\..*Azure Developer CLI couldn't be found.*\): sign in with "az login"/);
    expect(second).toMatch(/^kqlgen: pull failed: nothing was written to /);
  });

  it("an AZURE_TOKEN_CREDENTIALS value the SDK does not know", async () => {
    setEnv({ ...savedEnv, AZURE_TOKEN_CREDENTIALS: "bogus" });
    const r = await runPull(server, laArgs(await tmpDir("x"), "AlertInfo"));
    expect(r.code).toBe(3);
    expect(r.err.split("\n")[0]).toBe(
      "kqlgen: error: cannot set up the Azure credential: Invalid value for AZURE_TOKEN_CREDENTIALS = bogus. Valid values are 'prod' or 'dev' or any of these credentials - " +
        "EnvironmentCredential, WorkloadIdentityCredential, ManagedIdentityCredential, VisualStudioCodeCredential, AzureCliCredential, AzurePowerShellCredential, AzureDeveloperCliCredential.",
    );
  });
});

describe("access", () => {
  it("401: a token for another cloud is rejected; the message names the scope asked for", async () => {
    const saved = await savedFolder();
    const r = await runPull(server, laArgs(saved.dir, "AlertInfo", "--cloud", "china"));
    expect(r.code).toBe(3);
    expect(r.err).toBe(
      [
        `kqlgen: error: Log Analytics rejected the access token for ${GET("AlertInfo")} (401 InvalidAuthenticationToken: The audience 'https://api.loganalytics.azure.cn' is invalid: expected https://api.loganalytics.io): ` +
          "the token was issued for another tenant or cloud, or has expired. Check --tenant and --cloud (kqlgen asked for a token for https://api.loganalytics.azure.cn/.default)",
        `kqlgen: pull failed: nothing was written to ${saved.dir}`,
      ].join("\n"),
    );
    expect(server.requestsFor("query").map((r) => [r.table, r.audience, r.attempt])).toEqual([["AlertInfo", "https://api.loganalytics.azure.cn", 1]]);
    await saved.unchanged();
  });

  it("403 from Log Analytics: the role that is missing; one message, no further tables asked", async () => {
    server.inject(faults.forbiddenLogAnalytics());
    const saved = await savedFolder();
    const r = await runPull(server, laArgs(saved.dir, "AlertInfo,DeviceInfo,DeviceEvents", "--concurrency", "1"));
    expect(r.code).toBe(3);
    expect(r.err).toBe(
      [
        `kqlgen: error: Log Analytics denied access to workspace ${WORKSPACE} for ${GET("AlertInfo")} ` +
          "(403 InsufficientAccessError: The provided credentials have insufficient access to perform the requested operation): " +
          "the signed-in identity needs the Log Analytics Reader role (or another role with Microsoft.OperationalInsights/workspaces/query/read) on the workspace",
        `kqlgen: pull failed: nothing was written to ${saved.dir}`,
      ].join("\n"),
    );
    expect(server.requestsFor("query")).toHaveLength(1);
    await saved.unchanged();
  });

  it("403 from Graph: ThreatHunting.Read.All", async () => {
    server.inject(faults.forbiddenGraph());
    const r = await runPull(server, graphArgs(await tmpDir("x"), "DeviceInfo"));
    expect(r.code).toBe(3);
    expect(r.err.split("\n")[0]).toBe(
      "kqlgen: error: Microsoft Graph denied access to advanced hunting (runHuntingQuery) for the getschema query for table DeviceInfo " +
        "(403 Forbidden: Missing application roles. API required roles: ThreatHunting.Read.All.): " +
        "the signed-in identity needs the Microsoft Graph permission ThreatHunting.Read.All (an application permission with admin consent, or a delegated permission for a signed-in user)",
    );
  });

  it("an unknown workspace: 404 on the metadata API", async () => {
    const other = "00000000-1111-2222-3333-444444444444";
    const r = await runPull(server, ["--workspace", other, "--all", "--endpoint", server.logAnalyticsEndpoint, "--out", await tmpDir("x")]);
    expect(r.code).toBe(3);
    expect(r.err.split("\n")[0]).toBe(
      `kqlgen: error: Log Analytics found no workspace ${other} for the workspace metadata (404 WorkspaceNotFoundError: Workspace ${other} could not be found): ` +
        "check --workspace (the Workspace ID, a GUID, from the workspace's Overview page), --cloud and --endpoint",
    );
  });
});

describe("unknown tables", () => {
  it("SEM0100 names each unknown table; the known one is fetched but nothing is written", async () => {
    const saved = await savedFolder();
    const r = await runPull(server, laArgs(saved.dir, "AlertInfo,NoSuchTable,DeviceInfoo"));
    expect(r.code).toBe(3);
    expect(r.err).toBe(
      [
        `kqlgen: error: table DeviceInfoo does not exist in workspace ${WORKSPACE} (SEM0100: 'getschema' operator: Failed to resolve table or column expression named 'DeviceInfoo'): check the table name (names are case-sensitive)`,
        `kqlgen: error: table NoSuchTable does not exist in workspace ${WORKSPACE} (SEM0100: 'getschema' operator: Failed to resolve table or column expression named 'NoSuchTable'): check the table name (names are case-sensitive)`,
        `kqlgen: pull failed (2 of 3 tables failed): nothing was written to ${saved.dir}`,
      ].join("\n"),
    );
    // Not retried: one request each.
    expect(server.requestsFor("query").map((q) => [q.table, q.attempt]).sort()).toEqual([["AlertInfo", 1], ["DeviceInfoo", 1], ["NoSuchTable", 1]]);
    await saved.unchanged();
  });

  it("through Graph", async () => {
    const r = await runPull(server, graphArgs(await tmpDir("x"), "NoSuchTable"));
    expect(r.code).toBe(3);
    expect(r.err.split("\n")[0]).toBe(
      "kqlgen: error: table NoSuchTable does not exist in advanced hunting (runHuntingQuery) ('getschema' operator: Failed to resolve table or column expression named 'NoSuchTable'): check the table name (names are case-sensitive)",
    );
  });
});

describe("throttling", () => {
  it("429 with Retry-After: waits as asked and succeeds", async () => {
    server.inject(faults.throttled(0, { table: "DeviceInfo", times: 2 }));
    const dir = await tmpDir("x");
    const r = await runPull(server, laArgs(dir, "AlertInfo,DeviceInfo"));
    expect(r.code).toBe(0);
    expect(server.requestsFor("query", "DeviceInfo").map((q) => q.attempt)).toEqual([1, 2, 3]);
    expect(server.requestsFor("query", "AlertInfo").map((q) => q.attempt)).toEqual([1]);
    expect((await readdir(dir)).sort()).toEqual(["AlertInfo.kqlgen.json", "DeviceInfo.kqlgen.json"]);
  });

  it("429 without Retry-After (the SDK alone would not retry): backs off, retries, succeeds", async () => {
    server.inject(faults.throttled(undefined, { times: 3 }));
    const r = await runPull(server, laArgs(await tmpDir("x"), "AlertInfo"));
    expect(r.code).toBe(0);
    expect(server.requestsFor("query").map((q) => q.attempt)).toEqual([1, 2, 3, 4]);
  });

  it("429 every time: gives up after 4 attempts, saying why", async () => {
    server.inject(faults.throttled(0));
    const saved = await savedFolder();
    const r = await runPull(server, laArgs(saved.dir, "AlertInfo"));
    expect(r.code).toBe(3);
    expect(r.err).toBe(
      [
        `kqlgen: error: Log Analytics is throttling requests: it answered 429 Too Many Requests 4 times for ${GET("AlertInfo")} (last Retry-After: 0 s), so kqlgen gave up: ` +
          "wait a few minutes and try again, or ask for fewer tables at once (--concurrency)",
        `kqlgen: pull failed: nothing was written to ${saved.dir}`,
      ].join("\n"),
    );
    expect(server.requestsFor("query").map((q) => q.attempt)).toEqual([1, 2, 3, 4]);
    await saved.unchanged();
  });

  it("429 without Retry-After every time", async () => {
    server.inject(faults.throttled());
    const r = await runPull(server, laArgs(await tmpDir("x"), "AlertInfo"));
    expect(r.err.split("\n")[0]).toBe(
      `kqlgen: error: Log Analytics is throttling requests: it answered 429 Too Many Requests 4 times for ${GET("AlertInfo")} (without a Retry-After header), so kqlgen gave up: ` +
        "wait a few minutes and try again, or ask for fewer tables at once (--concurrency)",
    );
    expect(server.requestsFor("query")).toHaveLength(4);
  });

  it("a Retry-After longer than kqlgen waits: stops at once", async () => {
    server.inject(faults.throttled(3600));
    const r = await runPull(server, laArgs(await tmpDir("x"), "AlertInfo"));
    expect(r.code).toBe(3);
    expect(r.err.split("\n")[0]).toBe(
      `kqlgen: error: Log Analytics answered 429 Too Many Requests for ${GET("AlertInfo")} and asks to wait 3600 s (Retry-After), longer than kqlgen waits (60 s): try again later`,
    );
    expect(server.requestsFor("query")).toHaveLength(1);
  });

  it("Graph: 429 with Retry-After is retried too", async () => {
    server.inject(faults.throttled(0, { api: "graph", times: 1 }));
    const r = await runPull(server, graphArgs(await tmpDir("x"), "DeviceInfo"));
    expect(r.code).toBe(0);
    expect(server.requestsFor("graph").map((q) => q.attempt)).toEqual([1, 2]);
  });
});

describe("server errors and unreadable answers", () => {
  it("500 twice, then the answer: retried, written", async () => {
    server.inject(faults.serverError(500, { times: 2 }));
    const dir = await tmpDir("x");
    const r = await runPull(server, laArgs(dir, "AlertInfo"));
    expect(r.code).toBe(0);
    expect(server.requestsFor("query").map((q) => q.attempt)).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(["AlertInfo.kqlgen.json"]);
  });

  it("an HTML 502 page every time (the SDK alone throws a bare TypeError): status and HTML named after 4 attempts", async () => {
    server.inject(faults.html(502));
    const saved = await savedFolder();
    const r = await runPull(server, laArgs(saved.dir, "DeviceInfo"));
    expect(r.code).toBe(3);
    expect(r.err).toBe(
      [
        `kqlgen: error: Log Analytics failed with 502 Bad Gateway (an HTML page, not JSON) for ${GET("DeviceInfo")} after 4 attempts: the service may be having problems; try again later`,
        `kqlgen: pull failed: nothing was written to ${saved.dir}`,
      ].join("\n"),
    );
    expect(server.requestsFor("query")).toHaveLength(4);
    await saved.unchanged();
  });

  it("503 with a JSON error and Retry-After: 0, every time", async () => {
    server.inject({ status: 503, headers: { "retry-after": "0" }, body: { error: { code: "ServiceUnavailable", message: "The service is temporarily unavailable" } } });
    const r = await runPull(server, laArgs(await tmpDir("x"), "AlertInfo"));
    expect(r.err.split("\n")[0]).toBe(
      `kqlgen: error: Log Analytics failed with 503 Service Unavailable (ServiceUnavailable: The service is temporarily unavailable) for ${GET("AlertInfo")} after 4 attempts: the service may be having problems; try again later`,
    );
  });

  it("the metadata API's HTML 504 (--all)", async () => {
    server.inject(faults.html(504, { api: "metadata" }));
    const r = await runPull(server, ["--workspace", WORKSPACE, "--all", "--endpoint", server.logAnalyticsEndpoint, "--out", await tmpDir("x")]);
    expect(r.code).toBe(3);
    expect(r.err.split("\n")[0]).toBe(
      `kqlgen: error: Log Analytics failed with 504 Gateway Timeout (an HTML page, not JSON) for the workspace metadata after 4 attempts: the service may be having problems; try again later`,
    );
    expect(server.requestsFor("query")).toEqual([]);
  });

  it("an empty 200 answer", async () => {
    server.inject({ status: 200, body: "" });
    const r = await runPull(server, laArgs(await tmpDir("x"), "AlertInfo"));
    expect(r.code).toBe(3);
    expect(r.err.split("\n")[0]).toBe(`kqlgen: error: Log Analytics sent an answer kqlgen cannot read for ${GET("AlertInfo")} (the answer is empty: expected JSON)`);
  });

  it("a partial result (200 with an error object): fails, nothing saved, not retried", async () => {
    server.inject(faults.partial({ table: "DeviceInfo" }));
    const saved = await savedFolder();
    const r = await runPull(server, laArgs(saved.dir, "AlertInfo,DeviceInfo"));
    expect(r.code).toBe(3);
    expect(r.err).toBe(
      [
        `kqlgen: error: Log Analytics returned only part of the result for ${GET("DeviceInfo")} (PartialError: There were some errors when processing your query.): kqlgen does not save half a schema; try again`,
        `kqlgen: pull failed (1 of 2 tables failed): nothing was written to ${saved.dir}`,
      ].join("\n"),
    );
    expect(server.requestsFor("query", "DeviceInfo")).toHaveLength(1);
    await saved.unchanged();
  });
});

describe("timeouts and the network", () => {
  it("no answer within --timeout: gives up on the request, not retried", async () => {
    server.inject(faults.hang({ table: "DeviceInfo" }));
    const saved = await savedFolder();
    const r = await runPull(server, laArgs(saved.dir, "AlertInfo,DeviceInfo", "--timeout", "0.3"));
    expect(r.code).toBe(3);
    expect(r.err).toBe(
      [
        `kqlgen: error: no answer from Log Analytics within 0.3 s for ${GET("DeviceInfo")} (--timeout 0.3): try again, or allow more time with a larger --timeout`,
        `kqlgen: pull failed: nothing was written to ${saved.dir}`,
      ].join("\n"),
    );
    expect(server.requestsFor("query", "DeviceInfo")).toHaveLength(1);
    await saved.unchanged();
  });

  it("a port nobody listens on: retried, then the system error named", async () => {
    const closed = await AzureServer.start({ workspaces: new Map(), hunting: [] });
    const endpoint = closed.logAnalyticsEndpoint;
    await closed.close();
    const r = await runPull(server, ["--workspace", WORKSPACE, "--tables", "AlertInfo", "--endpoint", endpoint, "--out", await tmpDir("x")]);
    expect(r.code).toBe(3);
    expect(r.err.split("\n")[0]).toBe(
      `kqlgen: error: cannot reach Log Analytics for ${GET("AlertInfo")} (ECONNREFUSED) after 4 attempts: check the network or proxy (HTTPS_PROXY), --cloud and --endpoint`,
    );
  });

  it("a certificate this machine does not trust", async () => {
    const out: string[] = [];
    const { registerPull } = await import("../src/cli/commands/pull.js");
    const { Command } = await import("commander");
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t), isTTY: false };
    let code = 0;
    const program = new Command().exitOverride();
    registerPull(program, io, (c) => (code = c), { agent: new https.Agent({ keepAlive: false }) });
    await program.parseAsync(["pull", ...laArgs(await tmpDir("x"), "AlertInfo")], { from: "user" });
    expect(code).toBe(3);
    expect(out[0]).toMatch(
      /^kqlgen: error: the TLS certificate of Log Analytics is not trusted \((SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT)\) for the getschema query for table AlertInfo: if a proxy inspects TLS traffic, trust its CA certificate with NODE_EXTRA_CA_CERTS$/,
    );
  });
});

describe("secrets", () => {
  it("a service that quotes the Authorization header back: the token is redacted; no token in any output or file", async () => {
    server.inject({ table: "DeviceInfo", status: 400, echoAuthorization: true, times: 1 });
    const dir = await tmpDir("x");
    const r = await runPull(server, laArgs(dir, "AlertInfo,DeviceInfo"));
    expect(r.code).toBe(3);
    expect(r.err.split("\n")[0]).toBe(
      `kqlgen: error: Log Analytics rejected ${GET("DeviceInfo")} (400 BadRequest: Request with header Authorization: Bearer [redacted] could not be processed)`,
    );
    const tokens = await az.tokens();
    expect(tokens.length).toBeGreaterThan(0);
    // The server did get the token: it is a real one, and it does not leak.
    expect(server.requests.every((q) => tokens.includes(q.token!))).toBe(true);
    const written = await runPull(server, laArgs(dir, "AlertInfo,DeviceInfo"));
    expect(written.code).toBe(0);
    const files = await Promise.all((await readdir(dir)).map((f) => readFile(path.join(dir, f), "utf8")));
    for (const token of await az.tokens()) {
      for (const text of [r.out, r.err, written.out, written.err, ...files]) expect(text).not.toContain(token.split(".")[2]);
    }
  });
});

describe("Retry-After and redaction, unit by unit", () => {
  const withHeaders = (h: Record<string, string>) => ({ statusCode: 429, response: { headers: { get: (n: string) => h[n.toLowerCase()] } } });

  it("reads Retry-After in seconds or as a date, and retry-after-ms", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs(withHeaders({ "retry-after": "7" }), now)).toBe(7000);
    expect(retryAfterMs(withHeaders({ "retry-after": "Thu, 01 Jan 2026 00:00:30 GMT" }), now)).toBe(30_000);
    expect(retryAfterMs(withHeaders({ "retry-after": "Wed, 31 Dec 2025 23:00:00 GMT" }), now)).toBe(0);
    expect(retryAfterMs(withHeaders({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(retryAfterMs(withHeaders({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(retryAfterMs(withHeaders({}), now)).toBeUndefined();
  });

  it("redacts JWTs, bearer tokens and secret parameters", () => {
    const jwt = "eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.c2lnbmF0dXJl";
    expect(redactSecrets(`token ${jwt} here`)).toBe("token [redacted] here");
    expect(redactSecrets("Authorization: Bearer abc.def-123")).toBe("Authorization: Bearer [redacted]");
    expect(redactSecrets('{"client_secret":"s3cr3t","x":1} access_token=abc&y=2')).toBe('{"client_secret":"[redacted]","x":1} access_token=[redacted]&y=2');
    expect(redactSecrets("nothing secret")).toBe("nothing secret");
  });
});

describe("usage", () => {
  const run = (...argv: string[]) => runPull(server, argv);

  it.each([
    [["--tables", "AlertInfo"], "kqlgen: error: --workspace: no workspace given: expected --workspace <id> (the Workspace ID, a GUID, from the workspace's Overview page)"],
    [["--workspace", "my-workspace", "--tables", "AlertInfo"], 'kqlgen: error: --workspace: workspace "my-workspace" is not a Workspace ID: expected a GUID such as 00000000-0000-0000-0000-000000000000 (the workspace\'s Overview page shows it)'],
    [["--workspace", WORKSPACE], "kqlgen: error: --tables: no tables given: expected --tables <Table,Table,...> or --all"],
    [["--workspace", WORKSPACE, "--all", "--tables", "A"], "kqlgen: error: --tables: --tables and --all both given: expected one of them"],
    [["--workspace", WORKSPACE, "--tables", "Good,Bad Name,1st"], 'kqlgen: error: --tables: table name "Bad Name" is not a valid table identifier: expected letters, digits and "_", not starting with a digit\nkqlgen: error: --tables: table name "1st" is not a valid table identifier: expected letters, digits and "_", not starting with a digit'],
    [["--source", "graph", "--all"], "kqlgen: error: --all: --all lists a Log Analytics workspace's tables: with --source graph, name the tables with --tables"],
    [["--source", "graph", "--workspace", WORKSPACE, "--tables", "A"], "kqlgen: error: --workspace: --workspace is for Log Analytics: --source graph queries Defender advanced hunting and takes no workspace"],
    [["--workspace", WORKSPACE, "--tables", "A", "--endpoint", "http://127.0.0.1:1/v1"], 'kqlgen: error: --endpoint: endpoint "http://127.0.0.1:1/v1" is not an https:// URL: expected the service address, e.g. https://api.loganalytics.io/v1 (the Azure SDK sends tokens over HTTPS only)'],
    [["--workspace", WORKSPACE, "--tables", "A", "--timeout", "soon"], 'kqlgen: error: --timeout: --timeout "soon" is not a number: expected seconds, e.g. --timeout 60'],
    [["--workspace", WORKSPACE, "--tables", "A", "--concurrency", "0"], "kqlgen: error: --concurrency: concurrency 0 is not valid: expected a whole number from 1 to 16"],
    [["--workspace", WORKSPACE, "--tables", "A", "--json"], "kqlgen: error: --json: --json goes with --check: expected --check as well"],
    [["--workspace", WORKSPACE, "--tables", "A", "--tenant", "bad tenant!"], 'kqlgen: error: --tenant: tenant "bad tenant!" is not a tenant ID or domain: expected a GUID or a name such as contoso.onmicrosoft.com'],
  ])("%j", async (argv, err) => {
    const r = await run(...argv, "--out", await tmpDir("usage"));
    expect(r).toEqual({ code: 2, out: "", err });
    expect(server.requests).toEqual([]);
  });

  it("--check with a saved folder that does not exist: exit 2 before any request", async () => {
    const missing = path.join(await tmpDir("x"), "nope");
    const r = await run("--workspace", WORKSPACE, "--tables", "AlertInfo", "--endpoint", server.logAnalyticsEndpoint, "--out", missing, "--check");
    expect(r.code).toBe(2);
    expect(r.err).toBe(`kqlgen: error: ${missing}: cannot read the schemas folder (it does not exist): expected a folder of schema files (--schemas)`);
    expect(server.requests).toEqual([]);
  });
});
