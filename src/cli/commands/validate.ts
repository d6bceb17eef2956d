/** `kqlgen validate`: streamed data files against the schemas, with the generated validators. */
import { Option, type Command } from "commander";
import { formatBytes, renderJson, renderText } from "../../validate/report.js";
import type { Progress } from "../../validate/index.js";
import type { ExitCode, Io } from "../io.js";

interface Flags {
  schemas?: string;
  out?: string;
  config?: string;
  format: "text" | "json";
  strict?: boolean;
  followSymlinks?: boolean;
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
    .description("check streamed data (Event Hubs message bodies, Storage JSON lines; gzip too) against the schemas")
    .argument("<paths...>", "data files, or folders to read recursively; - reads standard input (gzip too)")
    .addOption(new Option("--schemas <dir>", "folder of schema files (getschema results, snapshots); default: the config's \"schemas\""))
    .addOption(new Option("--out <dir>", "the generated package to load the validators from when it is current; default: the config's \"out\""))
    .addOption(new Option("--config <file>", "config file (default: kqlgen.config.json here or in the nearest folder above)"))
    .addOption(new Option("--format <format>", "report format").choices(["text", "json"]).default("text"))
    .addOption(new Option("--strict", "unknown categories and unknown columns count as violations"))
    .addOption(new Option("--follow-symlinks", "read symbolic links in the schemas folder that lead outside it (refused by default)"))
    .addHelpText("after", "\nExit codes: 0 every record matches, 1 violations or corrupt data (or drift with --strict),\n2 bad usage, bad schemas or config, or an input that cannot be read. See docs/validate.md.")
    .action(async (paths: string[], flags: Flags) => {
      const progress = io.isTTY === true ? new ProgressLine(io) : undefined;
      // The validators' loader (ts-morph, the emitters) loads only when validate runs.
      const { validateData } = await import("../../validate/index.js");
      const report = await validateData({
        schemas: flags.schemas,
        out: flags.out,
        config: flags.config,
        followSymlinks: flags.followSymlinks === true,
        paths,
        strict: flags.strict === true,
        progress: progress && ((p) => progress.update(p)),
      });
      const text = flags.format === "json" ? renderJson(report) : renderText(report);
      progress?.clear();
      io.out(text);
      done(report.exitCode);
    });
}
