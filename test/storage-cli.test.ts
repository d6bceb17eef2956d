/**
 * `kqlgen validate --storage` against Azurite, through the real SDK: the
 * report on the export's blobs is the report on the same bytes saved as
 * files, blob names in place of file names; the window and --tables choose
 * the blobs; the three credentials (connection string, SAS in the URL,
 * DefaultAzureCredential) in order; failures — a wrong key, a bad SAS, a
 * missing container, a refused connection, a throttling service — end with
 * one line and exit 3, and never show a key or SAS.
 */
import { AccountSASPermissions, AccountSASResourceTypes, AccountSASServices, BlobServiceClient, generateAccountSASQueryParameters, StorageSharedKeyCredential } from "@azure/storage-blob";
import { createServer, type Server } from "node:http";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { readSchemaDir } from "../src/sources/index.js";
import type { ValidateReport } from "../src/validate/index.js";
import { startAzurite, type Azurite } from "./helpers/azurite.js";
import { jsonLines, mixedRecords, type TableShape } from "./helpers/streamdata.js";
import { captureIo, cleanupTmpDirs, FIXTURES, makeTmpDir, REPO } from "./helpers/tree.js";

const TENANT = "4b8c18bd-2f9f-4227-af55-9f1061cf9c32";
const SINCE = "2026-11-30T00:00:00Z";
const UNTIL = "2026-12-01T00:00:00Z";
const CONFIG = path.join(REPO, "kqlgen.config.json");
const REAL = "/work/shared/real-stream/records/graph2otel";

let azurite: Azurite;
let dir = "";
/** Blob path ("<container>/<name>") → its bytes, as uploaded (and as saved under dir/export/). */
const blobs = new Map<string, string>();

/** Pretty-printed records, several per file → one compact line each, the text otherwise unchanged (longs stay exact). */
function compactRecords(text: string): string[] {
  return text
    .split(/\n(?=\{)/)
    .map((r) => r.replace(/\n\s*/g, "").trim())
    .filter((r) => r !== "");
}

beforeAll(async () => {
  azurite = await startAzurite();
  dir = await makeTmpDir("storage-cli");
  const shapes: TableShape[] = (await readSchemaDir(FIXTURES)).tables.filter((t) => ["DeviceInfo", "DeviceProcessEvents", "DeviceEvents"].includes(t.name));
  const generated = [...mixedRecords(600, { seed: 23, tables: shapes, invalidEvery: 13, unknownColumnEvery: 17, unknownCategoryEvery: 41 })].map((g) => g.record);
  const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
  const put = async (container: string, name: string, text: string) => {
    const c = service.getContainerClient(container);
    await c.createIfNotExists();
    const b = c.getAppendBlobClient(name);
    await b.create();
    // In blocks of about 64 KB, as the export appends.
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += 65_536) await b.appendBlock(bytes.subarray(i, i + 65_536), Math.min(65_536, bytes.length - i));
    blobs.set(`${container}/${name}`, text);
  };
  const hours = ["y=2026/m=11/d=30/h=03/m=00", "y=2026/m=11/d=30/h=21/m=00"];
  for (const table of ["DeviceInfo", "DeviceProcessEvents", "DeviceEvents"]) {
    const container = `insights-logs-advancedhunting-${table.toLowerCase()}`;
    const own = generated.filter((r) => r.category === `AdvancedHunting-${table}` || (table === "DeviceEvents" && r.category.endsWith("TomorrowEvents")));
    const lines = jsonLines(own).replace(/\n/g, "\r\n").split("\r\n").filter((l) => l !== "");
    const half = Math.floor(lines.length / 2);
    await put(container, `tenantId=${TENANT}/${hours[0]}/PT1H.json`, lines.slice(0, half).map((l) => `${l}\r\n`).join(""));
    // A corrupt line in the second hour; and an overflow sibling.
    const second = lines.slice(half).map((l) => `${l}\r\n`);
    second.splice(3, 0, `${second[3]!.slice(0, 120)}\r\n`);
    await put(container, `tenantId=${TENANT}/${hours[1]}/PT1H.json`, second.join(""));
    await put(container, `tenantId=${TENANT}/${hours[1]}/PT1H_1.json`, `${lines[0]}\r\n`);
    // Outside the window: never read.
    await put(container, `tenantId=${TENANT}/y=2026/m=12/d=01/h=00/m=00/PT1H.json`, "not even JSON\r\n");
  }
  // Real records (2026 captures) of two tables, exactly as they came.
  for (const [file, table] of [["deviceinfo.jsonl", "deviceinfo"], ["deviceprocess.jsonl", "deviceprocessevents"]] as const) {
    const lines = compactRecords(await readFile(path.join(REAL, file), "utf8"));
    await put(`insights-logs-advancedhunting-${table}`, `tenantId=${TENANT}/y=2026/m=11/d=30/h=12/m=00/PT1H.json`, lines.map((l) => `${l}\r\n`).join(""));
  }
  for (const [blob, text] of blobs) {
    const file = path.join(dir, "export", blob);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
});

afterAll(async () => {
  await azurite?.stop();
  await cleanupTmpDirs();
});

const savedEnv = { ...process.env };
afterEach(() => {
  for (const k of ["AZURE_STORAGE_CONNECTION_STRING", "AZURE_TOKEN_CREDENTIALS"]) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(args: readonly string[], env: { AZURE_STORAGE_CONNECTION_STRING?: string } = {}): Promise<Run> {
  if (env.AZURE_STORAGE_CONNECTION_STRING === undefined) delete process.env.AZURE_STORAGE_CONNECTION_STRING;
  else process.env.AZURE_STORAGE_CONNECTION_STRING = env.AZURE_STORAGE_CONNECTION_STRING;
  const c = captureIo();
  const code = await main(["validate", "--schemas", FIXTURES, "--config", CONFIG, ...args], c.io);
  return { code, out: c.stdout(), err: c.stderr() };
}

async function storageReport(args: readonly string[], env = { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString }): Promise<{ code: number; report: ValidateReport }> {
  const r = await run(["--format", "json", "--since", SINCE, "--until", UNTIL, ...args], env);
  expect(r.err).toBe("");
  return { code: r.code, report: JSON.parse(r.out) as ValidateReport };
}

/** The blobs of the window, in the order validate lists them (and a folder walk would find them). */
const inWindow = () => [...blobs.keys()].filter((b) => !b.includes("/d=01/")).sort();

describe("validate --storage (Azurite)", () => {
  it("gives the report the same bytes give as files, blob names in place of file names", async () => {
    const { code, report } = await storageReport(["--storage", azurite.blobEndpoint]);
    const files = await run(["--format", "json", ...inWindow().map((b) => path.join(dir, "export", b))]);
    const fromFiles = JSON.parse(files.out.split(`${path.join(dir, "export")}/`).join("")) as ValidateReport;
    expect(code).toBe(1);
    expect(files.code).toBe(1);
    expect(report).toEqual(fromFiles);
    // What the data holds: every line of the window's blobs, the corrupt lines, the drift.
    const lines = inWindow().reduce((n, b) => n + blobs.get(b)!.split("\r\n").filter((l) => l !== "").length, 0);
    expect(report.files).toBe(inWindow().length);
    expect(report.records.read + report.corrupt.count).toBe(lines);
    expect(report.corrupt.count).toBe(3);
    expect(report.corrupt.examples[0]!.file).toMatch(/^insights-logs-advancedhunting-deviceevents\/tenantId=.*\/h=21\/m=00\/PT1H\.json$/);
    expect(report.unknownCategories).toEqual([{ category: "AdvancedHunting-DeviceTomorrowEvents", count: expect.any(Number) }]);
    expect(report.tables.map((t) => t.table)).toEqual(["DeviceEvents", "DeviceInfo", "DeviceProcessEvents"]);
    expect(report.bytes).toBe(inWindow().reduce((n, b) => n + Buffer.byteLength(blobs.get(b)!), 0));
  });

  it("reads a container URL, --tables, and the window; the text report names blobs", async () => {
    const container = await storageReport(["--storage", `${azurite.blobEndpoint}/insights-logs-advancedhunting-deviceinfo`]);
    const tables = await storageReport(["--storage", azurite.blobEndpoint, "--tables", "deviceinfo"]);
    expect(container.report).toEqual(tables.report);
    expect(container.report.files).toBe(inWindow().filter((b) => b.startsWith("insights-logs-advancedhunting-deviceinfo/")).length);
    expect(container.report.tables.map((t) => t.table)).toEqual(["DeviceInfo"]);
    // One hour: the 21:00 blobs.
    const hour = await storageReport(["--storage", azurite.blobEndpoint, "--tables", "DeviceInfo", "--since", "2026-11-30T21:15:00Z", "--until", "2026-11-30T21:45:00Z"]);
    expect(hour.report.files).toBe(2);
    // No blobs in the window: nothing checked (NO DATA, exit 2, as for files without records), and a note saying why.
    const none = await run(["--storage", azurite.blobEndpoint, "--since", "2020-01-01", "--until", "2020-01-02"], { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString });
    expect(none.code).toBe(2);
    expect(none.out).toContain("NO DATA: 0 files read");
    expect(none.err).toBe(`kqlgen: no blobs of the export from 2020-01-01T00:00:00.000Z to 2020-01-02T00:00:00.000Z in ${azurite.blobEndpoint}\n`);
    const text = await run(["--storage", azurite.blobEndpoint, "--tables", "DeviceEvents", "--since", SINCE, "--until", UNTIL], { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString });
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/\n {2}insights-logs-advancedhunting-deviceevents\/tenantId=4b8c18bd-2f9f-4227-af55-9f1061cf9c32\/y=2026\/m=11\/d=30\/h=21\/m=00\/PT1H\.json:4 \(byte [\d,]+\): /);
  });

  it("uses a SAS in the URL when no connection string is set", async () => {
    const sas = generateAccountSASQueryParameters(
      {
        expiresOn: new Date(Date.now() + 3_600_000),
        permissions: AccountSASPermissions.parse("rl"),
        resourceTypes: AccountSASResourceTypes.parse("sco").toString(),
        services: AccountSASServices.parse("b").toString(),
      },
      new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey),
    ).toString();
    const viaSas = await storageReport(["--storage", `${azurite.blobEndpoint}?${sas}`], {} as never);
    const viaKey = await storageReport(["--storage", azurite.blobEndpoint]);
    expect(viaSas.report).toEqual(viaKey.report);
    // A SAS whose signature is wrong: exit 3, one line, no SAS.
    const sig = new URLSearchParams(sas).get("sig")!;
    const forged = sas.replace(encodeURIComponent(sig), encodeURIComponent(`A${sig.slice(1)}`).replace(/^A/, sig.startsWith("A") ? "B" : "A"));
    const bad = await run(["--storage", `${azurite.blobEndpoint}?${forged}`]);
    expect(bad.code).toBe(3);
    expect(bad.out).toBe("");
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    expect(bad.err).toMatch(/^kqlgen: error: Azure Storage \(http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\) denied access while listing the export's containers \(403 (AuthenticationFailed|AuthorizationFailure), with the SAS in the URL\): the SAS in the URL is malformed, expired or was revoked\n$/);
    expect(bad.err).not.toContain(new URLSearchParams(forged).get("sig")!);
  });

  it("a wrong account key: a clear exit-3 error, no key printed", async () => {
    const wrongKey = Buffer.from("this is not the account key of devstoreaccount1, but it is base64").toString("base64");
    const cs = azurite.connectionString.replace(azurite.accountKey, wrongKey);
    const r = await run(["--storage", azurite.blobEndpoint, "--since", SINCE, "--until", UNTIL], { AZURE_STORAGE_CONNECTION_STRING: cs });
    expect(r.code).toBe(3);
    expect(r.out).toBe("");
    expect(r.err).toMatch(
      /^kqlgen: error: Azure Storage \(http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\) denied access while listing the export's containers \(403 (AuthenticationFailed|AuthorizationFailure), with AZURE_STORAGE_CONNECTION_STRING\): the account key in AZURE_STORAGE_CONNECTION_STRING is wrong \(or was rotated\)\n$/,
    );
    for (const secret of [wrongKey, azurite.accountKey, wrongKey.slice(0, 20)]) expect(r.err).not.toContain(secret);
    // The same on a container URL (the failure is then the container's listing).
    const c = await run(["--storage", `${azurite.blobEndpoint}/insights-logs-advancedhunting-deviceinfo`], { AZURE_STORAGE_CONNECTION_STRING: cs });
    expect(c.code).toBe(3);
    expect(c.err).toMatch(/denied access while listing the blobs of container insights-logs-advancedhunting-deviceinfo \(403 (AuthenticationFailed|AuthorizationFailure), with AZURE_STORAGE_CONNECTION_STRING\): the account key/);
    expect(c.err).not.toContain(wrongKey);
  });

  it("a table without a container, a connection string of another account, a bad URL or window", async () => {
    const cs = { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString };
    const missing = await run(["--storage", azurite.blobEndpoint, "--tables", "DeviceInfo,NoSuchTable"], cs);
    expect(missing.code).toBe(3);
    expect(missing.err).toMatch(/^kqlgen: error: Azure Storage \(.*\) has no container insights-logs-advancedhunting-nosuchtable \(404 ContainerNotFound\): check the URL and --tables/);
    const other = await run(["--storage", "https://contoso.blob.core.windows.net"], cs);
    expect(other).toEqual({
      code: 2,
      out: "",
      err: "kqlgen: error: AZURE_STORAGE_CONNECTION_STRING: it is for account devstoreaccount1, but --storage names account contoso: unset it to use the URL's SAS or DefaultAzureCredential\n",
    });
    const notUrl = await run(["--storage", "devstoreaccount1"], cs);
    expect(notUrl.code).toBe(2);
    expect(notUrl.err).toContain('kqlgen: error: --storage: "devstoreaccount1" is not a URL');
    const window = await run(["--storage", azurite.blobEndpoint, "--since", "yesterday"], cs);
    expect(window).toMatchObject({ code: 2, err: 'kqlgen: error: --since: "yesterday" is not an ISO 8601 time: expected e.g. 2026-12-01T06:00:00Z or 2026-12-01\n' });
    const both = await run(["--storage", azurite.blobEndpoint, path.join(dir, "export")], cs);
    expect(both.code).toBe(2);
    const alone = await run(["--tables", "DeviceInfo", path.join(dir, "export")]);
    expect(alone.err).toBe("kqlgen: error: --tables: --tables goes with --storage: expected --storage <account or container URL> as well\n");
  });

  it("a service that cannot be reached, or throttles: one line, exit 3", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await run(["--storage", `http://127.0.0.1:${port}/devstoreaccount1?sv=2024-01-01&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D`]);
    expect(refused.code).toBe(3);
    expect(refused.err).toBe(`kqlgen: error: cannot reach Azure Storage (http://127.0.0.1:${port}/devstoreaccount1) while listing the export's containers (ECONNREFUSED): check the URL, the network or proxy (HTTPS_PROXY)\n`);

    // A Storage front end that answers 503 ServerBusy, as Azure does when an account is over its limits.
    let requests = 0;
    const busy: Server = createServer((req, res) => {
      requests++;
      res.writeHead(503, { "content-type": "application/xml", "x-ms-error-code": "ServerBusy" });
      res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>Ingress is over the account limit.</Message></Error>');
    });
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(busy.address() as AddressInfo).port}/devstoreaccount1/insights-logs-advancedhunting-deviceinfo?sv=2024-01-01&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D`;
      const r = await run(["--storage", url]);
      expect(r.code).toBe(3);
      expect(r.err).toMatch(/^kqlgen: error: Azure Storage \(.*\/insights-logs-advancedhunting-deviceinfo\) is busy or throttling requests \(503 ServerBusy\) while listing the blobs of container insights-logs-advancedhunting-deviceinfo, after 3 attempts: try again in a few minutes/);
      expect(r.err).not.toMatch(/c2VjcmV0|sig=/);
      expect(requests).toBe(3);
    } finally {
      await new Promise<void>((r) => busy.close(() => r()));
    }
  });

  it("without a connection string or SAS, DefaultAzureCredential (pinned here): a plain-http account gets a clear exit 3", async () => {
    process.env.AZURE_TOKEN_CREDENTIALS = "EnvironmentCredential";
    const r = await run(["--storage", azurite.blobEndpoint]);
    expect(r.code).toBe(3);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^kqlgen: error: (Azure Storage \(.*\) is plain http: DefaultAzureCredential's tokens are sent over https only|no Azure credential is available for Azure Storage)/);
  });
});

describe("the --storage URL", () => {
  it("names an account or a container, host-style or path-style; a SAS stays out of what is shown", async () => {
    const { parseStorageUrl, redactStorage } = await import("../src/validate/storage-client.js");
    expect(parseStorageUrl("https://contoso.blob.core.windows.net/")).toEqual({
      display: "https://contoso.blob.core.windows.net",
      accountUrl: "https://contoso.blob.core.windows.net",
      account: "contoso",
      container: undefined,
      sas: undefined,
    });
    expect(parseStorageUrl("https://contoso.blob.core.usgovcloudapi.net/insights-logs-advancedhunting-deviceinfo?sv=2024-01-01&sp=rl&sig=abc%2Bdef")).toEqual({
      display: "https://contoso.blob.core.usgovcloudapi.net/insights-logs-advancedhunting-deviceinfo",
      accountUrl: "https://contoso.blob.core.usgovcloudapi.net",
      account: "contoso",
      container: "insights-logs-advancedhunting-deviceinfo",
      sas: "?sv=2024-01-01&sp=rl&sig=abc%2Bdef",
    });
    expect(parseStorageUrl("http://127.0.0.1:10000/devstoreaccount1/insights-logs-advancedhunting-deviceinfo")).toMatchObject({
      accountUrl: "http://127.0.0.1:10000/devstoreaccount1",
      account: "devstoreaccount1",
      container: "insights-logs-advancedhunting-deviceinfo",
    });
    expect(() => parseStorageUrl("https://contoso.blob.core.windows.net/c/tenantId=x/PT1H.json?sig=secret")).toThrow(/names a blob/);
    expect(() => parseStorageUrl("http://127.0.0.1:10000/")).toThrow(/no account in the path/);
    expect(() => parseStorageUrl("ftp://contoso.blob.core.windows.net")).toThrow(/expected an account or container URL/);
    try {
      parseStorageUrl("not a url?sig=secret-signature");
    } catch (e) {
      expect(String(e)).not.toContain("secret-signature");
    }
    const key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq";
    expect(redactStorage(`AccountKey=${key};BlobEndpoint=x sig=abc%2B&se=1 The MAC signature found in the HTTP request 'q7Jw+abc=' is not`, [key])).toBe(
      "AccountKey=[redacted];BlobEndpoint=x sig=[redacted]&se=1 The MAC signature found in the HTTP request '[redacted]' is not",
    );
  });
});
