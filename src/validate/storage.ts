/**
 * `kqlgen validate --storage`: the export's blobs of a time window and
 * tables, read where they are (an account or a container) through the
 * runtime's Storage reader, and checked exactly as files are: each blob's
 * lines go through the same scanner, the generated checks and the same
 * report, blob names in place of file names. A line still being written (no
 * line end yet) is not read.
 */
import { exportContainers, listExportBlobs, readBlobChunks, type ExportBlob, type StorageContainerClient } from "../../templates/runtime/storage.js";
import { FileRun } from "./index.js";
import type { LoadedValidators } from "./load.js";
import { Findings, type ValidateReport } from "./report.js";
import { describeStorageFailure, parseStorageUrl, storageClient, type StorageClient, type StorageTarget } from "./storage-client.js";
import type { Progress } from "./index.js";

export interface StorageValidateOptions {
  /** An account or container URL (a SAS in its query is used as the credential). */
  readonly url: string;
  readonly since: Date;
  readonly until: Date;
  /** Tables whose containers to read (default: every export container of the account). */
  readonly tables?: readonly string[];
  readonly strict?: boolean;
  readonly progress?: (p: Progress) => void;
  /** Where AZURE_STORAGE_CONNECTION_STRING is read (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
}

const CHUNK_BYTES = 4 << 20;
const EMPTY = Buffer.alloc(0);

async function listBlobs(target: StorageTarget, client: StorageClient, options: StorageValidateOptions): Promise<ExportBlob[]> {
  let containers: StorageContainerClient[];
  try {
    containers = await exportContainers(client.source, target.container === undefined ? options.tables : undefined);
  } catch (e) {
    throw describeStorageFailure(e, { target, client, what: "listing the export's containers" });
  }
  const blobs: ExportBlob[] = [];
  for (const container of containers) {
    try {
      for await (const b of listExportBlobs(container, { since: options.since, until: options.until })) blobs.push(b);
    } catch (e) {
      throw describeStorageFailure(e, { target, client, what: `listing the blobs of container ${container.containerName}`, container: container.containerName });
    }
  }
  return blobs;
}

/** Validates the export's blobs in the window. Throws InputError (bad URL or credential settings) or LiveError (the service failed). */
export async function validateStorage(validators: LoadedValidators, options: StorageValidateOptions): Promise<ValidateReport> {
  const target = parseStorageUrl(options.url);
  const client = storageClient(target, options.env);
  const blobs = await listBlobs(target, client, options);
  const findings = new Findings(validators);
  const totalBytes = blobs.reduce((n, b) => n + (b.size ?? 0), 0);
  let done = 0;
  for (const blob of blobs) {
    const run = new FileRun(blob.path, findings, validators);
    findings.where = run.where;
    findings.files++;
    let rest: Buffer = EMPTY;
    try {
      for await (const chunk of readBlobChunks(blob.container.getBlobClient(blob.name), undefined, {
        chunkBytes: CHUNK_BYTES,
        listed: { etag: blob.etag, size: blob.size, created: blob.created },
      })) {
        const bytes = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.length);
        const buf = rest.length === 0 ? bytes : Buffer.concat([rest, bytes]);
        run.chunk.base = chunk.offset - rest.length;
        const used = run.scanner.feed(buf, 0, buf.length, false);
        rest = used === buf.length ? EMPTY : Buffer.from(buf.subarray(used));
        findings.bytes += chunk.bytes.length;
        options.progress?.({ bytes: done + chunk.cursor.offset, totalBytes, records: findings.records, file: blob.path });
      }
    } catch (e) {
      throw describeStorageFailure(e, { target, client, what: `reading blob ${blob.path}`, container: blob.container.containerName });
    }
    run.scanner.feed(rest, 0, rest.length, true);
    done += blob.size ?? 0;
  }
  return findings.report(options.strict === true);
}
