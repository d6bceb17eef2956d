/** `kqlgen validate`: streamed data files against the schemas, with the generated validators. */
import { Option, type Command } from "commander";
import { formatBytes, renderJson, renderText } from "../../validate/report.js";
import type { Progress } from "../../validate/index.js";
import type { ExitCode, Io } from "../io.js";
import { requireOptional } from "../optional.js";
import { EXIT, InputError, type InputProblem } from "../../model/errors.js";

interface Flags {
  schemas?: string;
  out?: string;
  config?: string;
  format: "text" | "json";
  strict?: boolean;
  followSymlinks?: boolean;
  storage?: string;
  since?: string;
  until?: string;
  tables?: string;
  eventHub?: string | true;
  consumerGroup: string;
  maxRecords: string;
  maxWait: string;
}

const DAY_MS = 24 * 3_600_000;

/** --since/--until: ISO 8601 times (a date alone is midnight UTC). */
function timeFlag(value: string | undefined, flag: string, fallback: Date): Date {
  if (value === undefined) return fallback;
  const t = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim()) ? Date.parse(value.trim()) : NaN;
  if (!Number.isFinite(t)) throw InputError.of({ at: flag }, `${JSON.stringify(value)} is not an ISO 8601 time: expected e.g. 2026-12-01T06:00:00Z or 2026-12-01`);
  return new Date(t);
}

/** The --storage options: the window (default the last 24 h) and tables. */
function storageFlags(flags: Flags, paths: readonly string[]): { url: string; since: Date; until: Date; tables?: string[] } | undefined {
  if (flags.storage === undefined) {
    for (const flag of ["since", "until", "tables"] as const) {
      if (flags[flag] !== undefined) throw InputError.of({ at: `--${flag}` }, `--${flag} goes with --storage: expected --storage <account or container URL> as well`);
    }
    if (paths.length === 0) throw InputError.of({ at: "validate" }, "no data to check: expected data files or folders, --storage <account or container URL>, or --event-hub");
    return undefined;
  }
  if (paths.length > 0) throw InputError.of({ at: "--storage" }, `read either files (${paths[0]}${paths.length > 1 ? ", ..." : ""}) or --storage, not both in one run`);
  const until = timeFlag(flags.until, "--until", new Date());
  const since = timeFlag(flags.since, "--since", new Date(until.getTime() - DAY_MS));
  if (since.getTime() >= until.getTime()) throw InputError.of({ at: "--since" }, `${since.toISOString()} is not before --until ${until.toISOString()}`);
  const tables = flags.tables?.split(",").map((t) => t.trim()).filter((t) => t !== "");
  if (tables !== undefined && tables.length === 0) throw InputError.of({ at: "--tables" }, "expected table names, e.g. --tables DeviceInfo,DeviceProcessEvents");
  return { url: flags.storage, since, until, ...(tables ? { tables } : {}) };
}

/** A whole number flag, at least 1; InputError (exit 2) otherwise. */
function countFlag(value: string, flag: string, what: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < 1) {
    throw InputError.of({ at: flag }, `${flag} ${JSON.stringify(value)} is not a whole number of at least 1: expected ${what}`);
  }
  return n;
}

/** Moves up over the previous progress line and clears it (the Io appends a newline to every write). */
const CLEAR_LINE = "\u001b[1A\u001b[2K";
const PROGRESS_EVERY_MS = 200;

/** A one-line progress display on a terminal: percent, bytes, bytes/s, records/s. */
class ProgressLine {
  private readonly started = performance.now();
  private last = 0;
  private shown = false;

  constructor(private readonly io: Io) {}

  update(p: Progress): void {
    const now = performance.now();
    if (now - this.last < PROGRESS_EVERY_MS) return;
    this.last = now;
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const percent = p.totalBytes > 0 ? Math.min(100, Math.floor((100 * p.bytes) / p.totalBytes)) : 100;
    const width = 20;
    const filled = Math.round((percent / 100) * width);
    const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
    const line =
      `${bar} ${String(percent).padStart(3)}%  ${formatBytes(p.bytes)} of ${formatBytes(p.totalBytes)}  ` +
      `${formatBytes(Math.round(p.bytes / seconds))}/s  ${Math.round(p.records / seconds).toLocaleString("en-US")} records/s  ${p.file}`;
    this.io.err(`${this.shown ? CLEAR_LINE : ""}${line}`);
    this.shown = true;
  }

  /** Removes the progress line, if one is shown. */
  clear(): void {
    if (this.shown) this.io.err(CLEAR_LINE);
    this.shown = false;
  }
}

export function registerValidate(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command("validate")
    .description("check streamed data (Event Hubs message bodies, Storage JSON lines, gzip, Event Hubs Capture .avro; or the Storage export, or live Event Hubs traffic) against the schemas")
    .argument("[paths...]", "data files, or folders to read recursively; - reads standard input (gzip too)")
    .addOption(new Option("--schemas <dir>", "folder of schema files (getschema results, snapshots); default: the config's \"schemas\""))
    .addOption(new Option("--out <dir>", "the generated package to load the validators from when it is current; default: the config's \"out\""))
    .addOption(new Option("--config <file>", "config file (default: kqlgen.config.json here or in the nearest folder above)"))
    .addOption(new Option("--format <format>", "report format").choices(["text", "json"]).default("text"))
    .addOption(new Option("--strict", "unknown categories and unknown columns count as violations"))
    .addOption(new Option("--follow-symlinks", "read symbolic links in the schemas folder that lead outside it (refused by default)"))
    .addOption(new Option("--storage <url>", "read Defender's Storage export: an account or container URL (credentials: AZURE_STORAGE_CONNECTION_STRING, a SAS in the URL, or DefaultAzureCredential)"))
    .addOption(new Option("--since <time>", "with --storage: blobs of hours after this ISO time (default: 24 hours before --until)"))
    .addOption(new Option("--until <time>", "with --storage: blobs of hours before this ISO time (default: now)"))
    .addOption(new Option("--tables <names>", "with --storage: these tables' containers only, comma-separated (default: every export container)"))
    .addOption(new Option("--event-hub [hub]", "read live traffic of an event hub instead of files (EVENTHUB_CONNECTION_STRING, or EVENTHUB_NAMESPACE and DefaultAzureCredential); never checkpoints"))
    .addOption(new Option("--consumer-group <name>", "with --event-hub: the consumer group to read with").default("$default"))
    .addOption(new Option("--max-records <n>", "with --event-hub: stop after this many records").default("10000"))
    .addOption(new Option("--max-wait <seconds>", "with --event-hub: stop after this many seconds").default("30"))
    .addHelpText("after", "\nExit codes: 0 every record matches, 1 violations or corrupt data (or drift with --strict),\n2 bad usage, bad schemas or config, or an input that cannot be read, 3 Storage or the event hub failed\n(sign-in, permissions, the service, the network). See docs/validate.md, docs/storage.md and docs/event-hubs.md.")
    .action(async (paths: string[], flags: Flags, command: Command) => {
      // Config warnings, as generate prints them (an override naming a table the schemas lack).
      const warn = (w: InputProblem) => io.err(`kqlgen: warning: ${w}`);
      if (flags.eventHub !== undefined) {
        if (paths.length > 0) throw InputError.of({ at: "--event-hub" }, "--event-hub reads the hub, not files: expected either paths or --event-hub");
        if (flags.storage !== undefined) throw InputError.of({ at: "--event-hub" }, "read either --storage or --event-hub, not both in one run");
        const maxRecords = countFlag(flags.maxRecords, "--max-records", "how many records to read, e.g. --max-records 5000");
        const maxWait = countFlag(flags.maxWait, "--max-wait", "how many seconds to read, e.g. --max-wait 60");
        requireOptional("validate --event-hub");
        const { validateEventHub, eventHubHeadline, EventHubError } = await import("../../validate/eventhub.js");
        try {
          const report = await validateEventHub({
            schemas: flags.schemas,
            out: flags.out,
            config: flags.config,
            followSymlinks: flags.followSymlinks === true,
            ...(typeof flags.eventHub === "string" ? { hub: flags.eventHub } : {}),
            consumerGroup: flags.consumerGroup,
            maxRecords,
            maxWaitSeconds: maxWait,
            strict: flags.strict === true,
            env: process.env,
            warn,
          });
          io.out(flags.format === "json" ? renderJson(report) : eventHubHeadline(report, renderText(report)));
          done(report.exitCode);
        } catch (e) {
          if (!(e instanceof EventHubError)) throw e;
          io.err(`kqlgen: error: ${e.message}`);
          done(e.exitCode);
        }
        return;
      }
      for (const flag of ["consumerGroup", "maxRecords", "maxWait"] as const) {
        if (command.getOptionValueSource(flag) === "cli") {
          const name = flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
          throw InputError.of({ at: `--${name}` }, `--${name} goes with --event-hub: expected --event-hub as well`);
        }
      }
      const storage = storageFlags(flags, paths);
      if (storage !== undefined) requireOptional("validate --storage");
      const progress = io.isTTY === true ? new ProgressLine(io) : undefined;
      // The validators' loader (the emitters, the compiler) loads only when validate runs.
      const { validateData, loadValidators } = await import("../../validate/index.js");
      let report;
      if (storage === undefined) {
        report = await validateData({
          schemas: flags.schemas,
          out: flags.out,
          config: flags.config,
          followSymlinks: flags.followSymlinks === true,
          paths,
          strict: flags.strict === true,
          progress: progress && ((p) => progress.update(p)),
          warn,
        });
      } else {
        const validators = await loadValidators({ schemas: flags.schemas, out: flags.out, config: flags.config, followSymlinks: flags.followSymlinks === true });
        for (const w of validators.warnings) warn(w);
        // The Storage SDK loads only for --storage.
        const { validateStorage } = await import("../../validate/storage.js");
        const { LiveError } = await import("../../sources/live/errors.js");
        try {
          report = await validateStorage(validators, { ...storage, strict: flags.strict === true, progress: progress && ((p) => progress.update(p)) });
        } catch (e) {
          if (!(e instanceof LiveError)) throw e;
          io.err(`${progress?.clear() ?? ""}kqlgen: error: ${e.message}`);
          done(EXIT.pullFailed);
          return;
        }
        if (report.files === 0) io.err(`kqlgen: no blobs of the export from ${storage.since.toISOString()} to ${storage.until.toISOString()} in ${flags.storage!.replace(/\?.*$/, "")}`);
      }
      const text = flags.format === "json" ? renderJson(report) : renderText(report);
      progress?.clear();
      io.out(text);
      done(report.exitCode);
    });
}
