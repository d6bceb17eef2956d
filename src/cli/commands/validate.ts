/** `kqlgen validate`: streamed data files against the schemas, with the generated validators. */
import { Option, type Command } from "commander";
import { formatBytes, renderJson, renderText } from "../../validate/report.js";
import type { Progress } from "../../validate/index.js";
import type { ExitCode, Io } from "../io.js";
import { InputError } from "../../model/errors.js";

interface Flags {
  schemas: string;
  config?: string;
  format: "text" | "json";
  strict?: boolean;
  followSymlinks?: boolean;
  eventHub?: string | true;
  consumerGroup: string;
  maxRecords: string;
  maxWait: string;
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
    this.io.out(`${this.shown ? CLEAR_LINE : ""}${line}`);
    this.shown = true;
  }

  /** What to put before the report: the sequence that removes the progress line, if one is shown. */
  clear(): string {
    return this.shown ? CLEAR_LINE : "";
  }
}

export function registerValidate(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command("validate")
    .description("check streamed data (Event Hubs message bodies, Storage JSON lines; gzip too) against the schemas")
    .argument("[paths...]", "data files, or folders to read recursively; - reads standard input (gzip too)")
    .addOption(new Option("--schemas <dir>", "folder of schema files (getschema results, snapshots)").default("fixtures/"))
    .addOption(new Option("--config <file>", "config file (default: kqlgen.config.json when present)"))
    .addOption(new Option("--format <format>", "report format").choices(["text", "json"]).default("text"))
    .addOption(new Option("--strict", "unknown categories and unknown columns count as violations"))
    .addOption(new Option("--follow-symlinks", "read symbolic links in the schemas folder that lead outside it (refused by default)"))
    .addOption(new Option("--event-hub [hub]", "read live traffic of an event hub instead of files (EVENTHUB_CONNECTION_STRING, or EVENTHUB_NAMESPACE and DefaultAzureCredential); never checkpoints"))
    .addOption(new Option("--consumer-group <name>", "with --event-hub: the consumer group to read with").default("$default"))
    .addOption(new Option("--max-records <n>", "with --event-hub: stop after this many records").default("10000"))
    .addOption(new Option("--max-wait <seconds>", "with --event-hub: stop after this many seconds").default("30"))
    .addHelpText("after", "\nExit codes: 0 every record matches, 1 violations or corrupt data (or drift with --strict),\n2 bad usage, bad schemas or config, or an input that cannot be read,\n3 the event hub could not be read (sign-in, permissions, the hub, the network). See docs/validate.md and docs/event-hubs.md.")
    .action(async (paths: string[], flags: Flags, command: Command) => {
      if (flags.eventHub !== undefined) {
        if (paths.length > 0) throw InputError.of({ at: "--event-hub" }, "--event-hub reads the hub, not files: expected either paths or --event-hub");
        const maxRecords = countFlag(flags.maxRecords, "--max-records", "how many records to read, e.g. --max-records 5000");
        const maxWait = countFlag(flags.maxWait, "--max-wait", "how many seconds to read, e.g. --max-wait 60");
        const { validateEventHub, eventHubHeadline, EventHubError } = await import("../../validate/eventhub.js");
        try {
          const report = await validateEventHub({
            schemas: flags.schemas,
            config: flags.config,
            followSymlinks: flags.followSymlinks === true,
            ...(typeof flags.eventHub === "string" ? { hub: flags.eventHub } : {}),
            consumerGroup: flags.consumerGroup,
            maxRecords,
            maxWaitSeconds: maxWait,
            strict: flags.strict === true,
            env: process.env,
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
      if (paths.length === 0) throw InputError.of({ at: "validate" }, "no data to check: expected data files or folders, or --event-hub");
      const progress = io.isTTY === true ? new ProgressLine(io) : undefined;
      // The validators' loader (ts-morph, the emitters) loads only when validate runs.
      const { validateData } = await import("../../validate/index.js");
      const report = await validateData({
        schemas: flags.schemas,
        config: flags.config,
        followSymlinks: flags.followSymlinks === true,
        paths,
        strict: flags.strict === true,
        progress: progress && ((p) => progress.update(p)),
      });
      const text = flags.format === "json" ? renderJson(report) : renderText(report);
      io.out(`${progress?.clear() ?? ""}${text}`);
      done(report.exitCode);
    });
}
