/**
 * Azurite's Blob service for the Event Hubs tests (the checkpoint store): a
 * child process on 127.0.0.1, a free port, in memory, API version check and
 * telemetry off. Minimal on purpose: when the Storage work's shared
 * `test/helpers/azurite.ts` lands, the Event Hubs tests switch to it (same
 * `startAzurite()` → `{ connectionString, stop }` shape).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const ACCOUNT = "devstoreaccount1";
/** Azurite's well-known, public development key. */
const KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface BlobEmulator {
  readonly connectionString: string;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

export async function startAzurite(timeoutMs = 30_000): Promise<BlobEmulator> {
  const main = require.resolve("azurite/dist/src/blob/main.js");
  const env = { ...process.env };
  delete env.AZURITE_ACCOUNTS;
  const child = spawn(
    process.execPath,
    [
      main,
      "--blobHost",
      "127.0.0.1",
      "--blobPort",
      "0",
      "--inMemoryPersistence",
      "--skipApiVersionCheck",
      "--disableTelemetry",
    ],
    { stdio: ["ignore", "pipe", "pipe"], env },
  );
  let output = "";
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`Azurite did not start within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const m = /listens? on https?:\/\/127\.0\.0\.1:(\d+)/i.exec(output);
      if (m !== null) {
        clearTimeout(timer);
        done(Number(m[1]));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`Azurite exited (${code}) before listening:\n${output}`));
    });
  });
  child.stdout!.resume();
  child.stderr!.resume();
  const endpoint = `http://127.0.0.1:${port}/${ACCOUNT}`;
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};BlobEndpoint=${endpoint};`,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
      }),
  };
}
