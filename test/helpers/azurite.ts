/**
 * Test helper: Azurite, Microsoft's Storage emulator (npm `azurite`), as a
 * child process on 127.0.0.1 — the Blob service only, on a free port the
 * operating system picks, data in memory (or in a folder, for data larger
 * than memory should hold), API version check and telemetry off. Nothing
 * else needs to be running: `start()` launches it, `stop()` ends it.
 *
 *   const azurite = await startAzurite();
 *   const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
 *   ...
 *   await azurite.stop();
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Azurite's well-known development account (public; the same in every Azurite). */
export const AZURITE_ACCOUNT = "devstoreaccount1";
export const AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

export interface Azurite {
  /** `http://127.0.0.1:<port>/devstoreaccount1` (path-style: the account is the first path segment). */
  readonly blobEndpoint: string;
  /** A connection string for the SDK's `fromConnectionString`. */
  readonly connectionString: string;
  readonly accountName: string;
  readonly accountKey: string;
  readonly port: number;
  /** Ends the emulator (and removes its folder); safe to call twice. */
  stop(): Promise<void>;
}

export interface AzuriteOptions {
  /** Keep blobs in memory (default) or in a temporary folder (for data of a gigabyte or more). */
  readonly inMemory?: boolean;
  /** How long to wait for Azurite to listen (default 30 s: the machine may be loaded). */
  readonly timeoutMs?: number;
}

const require = createRequire(import.meta.url);

/** Starts Azurite's Blob service; resolves once it listens. */
export async function startAzurite(options: AzuriteOptions = {}): Promise<Azurite> {
  const main = require.resolve("azurite/dist/src/blob/main.js");
  // Azurite writes its workspace (and, without --inMemoryPersistence, the blobs) under --location.
  const location = mkdtempSync(join(tmpdir(), "kqlgen-azurite-"));
  const args = [
    main,
    "--blobHost", "127.0.0.1",
    "--blobPort", "0",
    "--skipApiVersionCheck",
    "--disableTelemetry",
    "--silent",
    // In memory, or in the folder (Azurite refuses both at once); it runs in that folder either way.
    ...(options.inMemory === false ? ["--location", location] : ["--inMemoryPersistence"]),
  ];
  // Only the well-known development account (AZURITE_ACCOUNTS would replace it).
  const env = { ...process.env };
  delete env.AZURITE_ACCOUNTS;
  const child = spawn(process.execPath, args, { cwd: location, stdio: ["ignore", "pipe", "pipe"], env });
  // Never outlive the test process, even when it ends without calling stop().
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    process.removeListener("exit", orphanGuard);
    await killChild(child);
    rmSync(location, { recursive: true, force: true });
  };
  try {
    const port = await listening(child, options.timeoutMs ?? 30_000);
    const blobEndpoint = `http://127.0.0.1:${port}/${AZURITE_ACCOUNT}`;
    return {
      blobEndpoint,
      connectionString: `DefaultEndpointsProtocol=http;AccountName=${AZURITE_ACCOUNT};AccountKey=${AZURITE_KEY};BlobEndpoint=${blobEndpoint};`,
      accountName: AZURITE_ACCOUNT,
      accountKey: AZURITE_KEY,
      port,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Waits for Azurite's "successfully listens on http://127.0.0.1:<port>" line. */
function listening(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => finish(new Error(`Azurite did not start within ${timeoutMs} ms: ${out}${err}`)), timeoutMs);
    const finish = (e: Error | undefined, port?: number) => {
      clearTimeout(timer);
      child.stdout?.removeAllListeners("data");
      child.removeAllListeners("exit");
      // Keep draining its output so the child never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
      if (e) reject(e);
      else resolve(port!);
    };
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      const m = /listens on https?:\/\/[^\s:]+:(\d+)/.exec(out);
      if (m) finish(undefined, Number(m[1]));
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      err += chunk;
    });
    child.once("exit", (code, signal) => finish(new Error(`Azurite exited (${code ?? signal}) before listening: ${out}${err}`)));
    child.once("error", (e) => finish(e));
  });
}

function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
