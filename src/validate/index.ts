/**
 * `kqlgen validate`: streamed data files checked against the schemas by the
 * generated validators, one record at a time, in flat memory.
 *
 * load.ts   the generated package's JavaScript (the output folder's when current, else built in memory by build.ts)
 * read.ts   files, folders, gzip, chunked reading
 * scan.ts   records found in the bytes: message bodies and JSON lines
 * report.ts findings, the report, text and JSON
 * capture.ts Event Hubs Capture (.avro) files, message by message
 * storage.ts --storage: the Storage export's blobs (storage-client.ts: URL, credential, failures)
 */
import { closeSync, openSync, readSync } from "node:fs";
import { InputError, InputProblem } from "../model/errors.js";
import { loadValidators, type LoadedValidators } from "./load.js";
import { listInputs, ReadBuffer, scanFile, STDIN, type ChunkPosition } from "./read.js";
import { Findings, type Place, type ValidateReport } from "./report.js";
import { Scanner, type ScanHandler } from "./scan.js";
import { JsonText } from "../../templates/runtime/stream.js";
import { AVRO_MAGIC, scanCaptureFile } from "./capture.js";

export { loadValidators, type LoadedValidators } from "./load.js";
export type { ValidateReport } from "./report.js";
export { renderJson, renderText } from "./report.js";

export interface Progress {
  /** Bytes of input consumed so far (as stored: compressed for gzip). */
  readonly bytes: number;
  readonly totalBytes: number;
  readonly records: number;
  /** The file being read. */
  readonly file: string;
}

export interface ValidateOptions {
  /** Folder of schema files; undefined: the config's `schemas`. */
  readonly schemas?: string;
  /** The generated package to load the validators from when current; undefined: the config's `out`. */
  readonly out?: string;
  /** Config file; undefined: kqlgen.config.json here or in the nearest folder above. */
  readonly config?: string;
  /** Read symbolic links that lead out of the schemas folder. */
  readonly followSymlinks?: boolean;
  /** Data files and folders. */
  readonly paths: readonly string[];
  /** Unknown categories and columns count as violations. */
  readonly strict?: boolean;
  /** Called after every chunk read. */
  readonly progress?: (p: Progress) => void;
  /** Config warnings (an override naming a table the schemas lack), once the validators are loaded. */
  readonly warn?: (problem: InputProblem) => void;
}

/** Error paths are relative to the record (its place is reported beside them). */
const RECORD_ROOT = (): string => "";

/** Reads one file (or blob): the scanner's handler, turning positions into places and records into checks. */
export class FileRun implements ScanHandler {
  readonly chunk: ChunkPosition = { base: 0, gzip: false };
  readonly scanner = new Scanner(this);
  private start = 0;
  private record = -1;
  private readonly check: LoadedValidators["checkStreamRecord"];
  private readonly tables: LoadedValidators["tables"];

  constructor(
    private readonly file: string,
    private readonly findings: Findings,
    validators: LoadedValidators,
  ) {
    this.check = validators.checkStreamRecord;
    this.tables = validators.tables;
  }

  /** The text records come from, for the exact digits of longs beyond 2^53 (read only for those). */
  private readonly source = new JsonText("", { showRounded: true });

  value(value: unknown, start: number, record: number, text: string): void {
    this.start = start;
    this.record = record;
    if (this.source.text !== text) this.source.reset(text);
    this.check(value, RECORD_ROOT, this.tables, this.findings, this.source);
  }

  where = (): Place => {
    const line = this.scanner.lineAt(this.start);
    return this.record >= 0 ? { file: this.file, line, record: this.record } : { file: this.file, line };
  };

  corrupt(at: number, record: number, message: string): void {
    const line = this.scanner.lineAt(at);
    const byte = this.chunk.base + at;
    this.findings.corrupt({ file: this.file, line, ...(record >= 0 ? { record } : {}), byte, ...(this.chunk.gzip ? { decompressed: true } : {}), message });
  }

  notData(message: string): void {
    this.findings.unreadable(this.file, message);
  }

  failed(at: number, line: number, message: string): void {
    this.findings.corrupt({ file: this.file, line, byte: at, ...(this.chunk.gzip ? { decompressed: true } : {}), message });
  }
}

/** Whether a file starts with these bytes (false when it cannot be read: the reader reports that). */
function startsWith(path: string, magic: Buffer): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const head = Buffer.alloc(magic.length);
    return readSync(fd, head, 0, magic.length, 0) === magic.length && head.equals(magic);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Validates every data file under `paths`; throws InputError for bad schemas, config or usage. */
export async function validateData(options: ValidateOptions): Promise<ValidateReport> {
  const validators = await loadValidators({ schemas: options.schemas, out: options.out, config: options.config, followSymlinks: options.followSymlinks === true });
  for (const w of validators.warnings) options.warn?.(w);
  return validateWith(validators, options);
}

/** Validates every data file under `paths` with validators already loaded. */
export async function validateWith(validators: LoadedValidators, options: Omit<ValidateOptions, "schemas" | "out" | "config">): Promise<ValidateReport> {
  const { files, unreadable } = await listInputs(options.paths);
  if (files.length === 0 && unreadable.length === 0) {
    throw new InputError(options.paths.map((p) => new InputProblem({ file: p }, "no data files in this folder: expected Event Hubs message bodies or Storage JSON lines (gzip too)")));
  }
  const findings = new Findings(validators);
  for (const u of unreadable) findings.unreadable(u.file, u.message);
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const buffer = new ReadBuffer();
  let done = 0;
  for (const file of files) {
    const run = new FileRun(file.path === STDIN ? "<stdin>" : file.path, findings, validators);
    let consumed = 0;
    findings.where = run.where;
    findings.files++;
    try {
      if (startsWith(file.path, AVRO_MAGIC)) {
        // An Event Hubs Capture file: its messages, decoded (capture.ts).
        await scanCaptureFile(file.path, findings, validators);
        findings.bytes += file.size;
        done += file.size;
        options.progress?.({ bytes: done, totalBytes, records: findings.records, file: file.path });
        continue;
      }
      await scanFile(file.path, run.scanner, run.chunk, buffer, {
        progress: (bytes) => {
          consumed = bytes;
          options.progress?.({ bytes: done + bytes, totalBytes, records: findings.records, file: file.path });
        },
        failed: (at, message) => run.failed(at, run.scanner.line, message),
      });
      // A stream (stdin, a FIFO) has no size: count what was read.
      findings.bytes += file.size || consumed;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === undefined) throw e;
      findings.files--;
      findings.unreadable(file.path, `cannot read (${code === "ENOENT" ? "it does not exist" : code === "EACCES" ? "permission denied" : code})`);
    }
    done += file.size;
  }
  return findings.report(options.strict === true);
}
