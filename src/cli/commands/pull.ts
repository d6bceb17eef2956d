/**
 * `kqlgen pull`: schemas live from Log Analytics or Microsoft Graph into
 * kqlgen snapshots (fixtures/), or with --check a diff against the saved ones.
 * Exit codes: 0 done (or no drift), 1 drift (--check), 2 bad usage or input,
 * 3 the pull failed (sign-in, access, the service, the network).
 */
import type { Agent } from "node:https";
import { Option, type Command } from "commander";
import { loadProject } from "../../config/config.js";
import { diffFails, diffSchemas, formatDiffJson, formatDiffText, type FailOn } from "../../diff/index.js";
import { EXIT, InputError } from "../../model/errors.js";
import type { SchemaSet } from "../../model/schema.js";
import { quote, safeText } from "../../model/show.js";
import { writeSnapshots } from "../../output/snapshots.js";
import { readSchemaDir } from "../../sources/index.js";
import { CLOUDS, type CloudName } from "../../sources/live/cloud.js";
import { EXIT_PULL_FAILED, redactSecrets } from "../../sources/live/errors.js";
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, PULL_SOURCES, type PullSource } from "../../sources/live/options.js";
import type { PullOptions } from "../../sources/live/pull.js";
import type { RetryOptions } from "../../sources/live/retry.js";
import type { ExitCode, Io } from "../io.js";
import { requireOptional } from "../optional.js";
import { failOnOption } from "./diff.js";

interface Flags {
  source: PullSource;
  workspace?: string;
  tables?: string;
  all?: boolean;
  out?: string;
  config?: string;
  check?: boolean;
  json?: boolean;
  failOn?: FailOn;
  tenant?: string;
  cloud: CloudName;
  endpoint?: string;
  timeout: string;
  concurrency: string;
  quiet?: boolean;
  followSymlinks?: boolean;
}

function numberFlag(value: string, flag: string, what: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw InputError.of({ at: flag }, `${flag} ${quote(value, 40)} is not a number: expected ${what}`);
  return n;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What an embedding program (or a test) may set that has no flag: an HTTPS agent, retry timing. */
export interface PullCommandOptions {
  readonly agent?: Agent;
  readonly retry?: Partial<RetryOptions>;
  /** The largest answer read (default 64 MB). */
  readonly maxAnswerBytes?: number;
}

export function registerPull(program: Command, io: Io, done: (code: ExitCode) => void, options: PullCommandOptions = {}): void {
  program
    .command("pull")
    .description("pull table schemas live from Log Analytics or Microsoft Graph into snapshots (--check: report drift, write nothing)")
    .addOption(new Option("--source <source>", "where to pull from").choices(PULL_SOURCES).default("log-analytics"))
    .option("--workspace <id>", "Log Analytics Workspace ID (a GUID)")
    .option("--tables <names>", "tables to pull, comma-separated")
    .option("--all", "every table of the workspace (Log Analytics)")
    .addOption(new Option("--out <dir>", "folder of the snapshots; default: the config's \"schemas\""))
    .addOption(new Option("--config <file>", "config file (default: kqlgen.config.json here or in the nearest folder above)"))
    .option("--check", "compare the live schemas with the saved ones in --out and exit 1 on drift; write nothing")
    .option("--json", "with --check: print the changes as JSON")
    .addOption(failOnOption("with --check: exit 1 on any drift (additive, the default) or on breaking changes only"))
    .option("--tenant <id>", "Microsoft Entra tenant ID or domain to sign in to")
    .addOption(new Option("--cloud <cloud>", "Azure cloud: endpoints and token scope").choices(CLOUDS).default("public"))
    .option("--endpoint <url>", "service address instead of the cloud's (Log Analytics: include /v1; Graph: include /v1.0)")
    .addOption(new Option("--timeout <seconds>", "give up on a request after this long").default(String(DEFAULT_TIMEOUT_MS / 1000)))
    .addOption(new Option("--concurrency <n>", "tables asked for at once").default(String(DEFAULT_CONCURRENCY)))
    .option("--quiet", "no progress and no summary (errors and --check's report still print)")
    .option("--follow-symlinks", "with --check: read symbolic links in --out that lead outside it (refused by default)")
    .action(async (flags: Flags) => {
      if (!flags.check && (flags.json || flags.failOn !== undefined)) {
        throw InputError.of({ at: flags.json ? "--json" : "--fail-on" }, `${flags.json ? "--json" : "--fail-on"} goes with --check: expected --check as well`);
      }
      // The snapshots go where generate reads schemas: the config's "schemas", found by walking up.
      const out = flags.out ?? (await loadProject({ config: flags.config, schemasFlag: "--out" })).schemas;
      const timeoutMs = numberFlag(flags.timeout, "--timeout", "seconds, e.g. --timeout 60") * 1000;
      const concurrency = numberFlag(flags.concurrency, "--concurrency", "a whole number from 1 to 16");

      const progress = io.isTTY === true && !flags.quiet;
      const request: PullOptions = {
        source: flags.source,
        ...(flags.workspace !== undefined ? { workspace: flags.workspace } : {}),
        ...(flags.tables !== undefined ? { tables: flags.tables.split(",") } : {}),
        ...(flags.all ? { all: true } : {}),
        cloud: flags.cloud,
        ...(flags.endpoint !== undefined ? { endpoint: flags.endpoint } : {}),
        ...(flags.tenant !== undefined ? { tenant: flags.tenant } : {}),
        timeoutMs,
        concurrency,
        ...(options.agent ? { agent: options.agent } : {}),
        ...(options.retry ? { retry: options.retry } : {}),
        ...(options.maxAnswerBytes ? { maxAnswerBytes: options.maxAnswerBytes } : {}),
        ...(progress ? { onTable: (p) => io.err(`kqlgen: [${p.done}/${p.total}] ${p.table}: ${plural(p.columns, "column")}`) } : {}),
      };
      // Loaded on use: the Azure SDK costs every other command its start-up time.
      requireOptional("pull");
      const { PullError, pullSchemas, resolvePullOptions } = await import("../../sources/live/pull.js");
      resolvePullOptions(request);

      // --check compares with what is saved: read it first, so a broken folder fails before any request.
      let saved: SchemaSet | undefined;
      if (flags.check) saved = await readSchemaDir(out, { followSymlinks: flags.followSymlinks === true });

      let result;
      try {
        result = await pullSchemas(request);
      } catch (e) {
        if (!(e instanceof PullError)) throw e;
        for (const f of e.failures) io.err(`kqlgen: error: ${safeText(redactSecrets(f.message))}`);
        // "2 of 5 tables failed" when the failures were the tables' own (unknown tables...), not sign-in or the service.
        const own = e.failures.every((f) => !f.stopsPull && f.table !== undefined);
        const failedTables = new Set(e.failures.map((f) => f.table)).size;
        const counted = own && e.total > 0 ? ` (${failedTables} of ${plural(e.total, "table")} failed)` : "";
        io.err(`kqlgen: pull failed${counted}: ${flags.check ? "nothing was compared" : `nothing was written to ${safeText(out)}`}`);
        done(EXIT_PULL_FAILED);
        return;
      }
      const { schema, platform, from } = result;

      if (saved) {
        const pulledNames = new Set(schema.tables.map((t) => t.name));
        // Compare the pulled tables; with --all, also those saved for this platform that the workspace no longer has.
        const old = { tables: saved.tables.filter((t) => pulledNames.has(t.name) || (flags.all === true && t.platform === platform)) };
        const diff = diffSchemas(old, schema);
        const failOn = flags.failOn ?? "additive";
        const failed = diffFails(diff, failOn);
        const labels = { old: out, new: from };
        io.out(flags.json ? formatDiffJson(diff, labels, failed) : formatDiffText(diff, labels));
        done(failed ? EXIT.checkFailed : EXIT.ok);
        return;
      }

      const written = await writeSnapshots(out, schema.tables);
      if (!flags.quiet) {
        const lines: string[] = [];
        for (const name of written.written) lines.push(`kqlgen: wrote ${name}`);
        for (const r of written.replaced) lines.push(`kqlgen: removed ${r.file} (table now in ${r.by})`);
        lines.push(
          `kqlgen: pulled ${plural(schema.tables.length, "table")} from ${from} into ${out}: ` +
            `${written.written.length} written, ${written.unchanged.length} unchanged` +
            (written.replaced.length > 0 ? `, ${written.replaced.length} older ${written.replaced.length === 1 ? "file" : "files"} removed` : ""),
        );
        io.out(lines.join("\n"));
      }
      done(EXIT.ok);
    });
}
