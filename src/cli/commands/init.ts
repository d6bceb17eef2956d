/**
 * `kqlgen init`: a new project's kqlgen.config.json (naming the schemas and
 * output folders), a schemas folder seeded with the Defender advanced hunting
 * tables kqlgen carries (or empty), and an example CI workflow. It never
 * overwrites: when any of its files exists, it writes nothing.
 */
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Option, type Command } from "commander";
import { EXIT, InputError, InputProblem } from "../../model/errors.js";
import { packagePath } from "../../paths.js";
import type { ExitCode, Io } from "../io.js";

interface Flags {
  schemas: string;
  out: string;
  empty?: boolean;
  ci: boolean;
}

export const CI_WORKFLOW = ".github/workflows/kqlgen.yml";

/** The schema files kqlgen carries: the real Defender tables of its fixtures. */
export async function embeddedSchemas(): Promise<string[]> {
  const dir = packagePath("fixtures");
  return (await readdir(dir)).filter((f) => /\.(json|csv)$/i.test(f)).sort();
}

function configText(schemas: string, out: string): string {
  return (
    JSON.stringify(
      {
        $schema: "./node_modules/kqlgen/kqlgen.config.schema.json",
        schemas,
        out,
        package: { name: "defender-tables", version: "1.0.0" },
        mapping: { long: "number", formats: false, unknownColumns: "report" },
      },
      null,
      2,
    ) + "\n"
  );
}

function workflowText(schemas: string): string {
  return `# kqlgen in CI (written by \`kqlgen init\`; adapt to your repository).
# - check:        the committed generated package matches the schemas and config
# - lint:         saved KQL queries against the schemas, findings uploaded as SARIF (code scanning)
# - pull --check: the live workspace's tables still match the saved schemas
#                 (runs when the repository variable LOG_ANALYTICS_WORKSPACE_ID is set;
#                  sign-in through azure/login with a federated credential)
name: kqlgen

on:
  pull_request:
  push:
    branches: [main]
  schedule:
    - cron: "17 6 * * 1" # weekly: Microsoft adds columns

permissions:
  contents: read
  security-events: write # SARIF upload
  id-token: write # azure/login (OIDC)

jobs:
  kqlgen:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
          cache: npm
      - run: npm ci

      - name: Generated package is current
        run: npx kqlgen check

      - name: Lint saved queries
        run: npx kqlgen lint --schemas ${schemas} --format sarif 'queries/**/*.kql' > kqlgen-lint.sarif

      - name: Upload lint findings
        if: \${{ always() && hashFiles('kqlgen-lint.sarif') != '' }}
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: kqlgen-lint.sarif
          category: kqlgen-lint

      - name: Sign in to Azure
        if: \${{ vars.LOG_ANALYTICS_WORKSPACE_ID != '' }}
        uses: azure/login@v2
        with:
          client-id: \${{ vars.AZURE_CLIENT_ID }}
          tenant-id: \${{ vars.AZURE_TENANT_ID }}
          allow-no-subscriptions: true

      - name: Live schemas have not drifted
        if: \${{ vars.LOG_ANALYTICS_WORKSPACE_ID != '' }}
        run: npx kqlgen pull --check --workspace "\${{ vars.LOG_ANALYTICS_WORKSPACE_ID }}" --out ${schemas}
        env:
          AZURE_TOKEN_CREDENTIALS: AzureCliCredential
`;
}

function relativeFolder(value: string, flag: string): string {
  const normal = path.posix.normalize(value.replace(/\\/g, "/")).replace(/\/+$/, "");
  if (normal === "" || normal === "." || normal.startsWith("../") || path.isAbsolute(value)) {
    throw InputError.of({}, `${flag} ${JSON.stringify(value)}: expected a folder below the project folder, e.g. ${flag === "--schemas" ? "schemas" : "generated"}`);
  }
  return normal;
}

export function registerInit(program: Command, io: Io, done: (code: ExitCode) => void): void {
  program
    .command("init")
    .description("start a project here: kqlgen.config.json, a schemas folder seeded with the Defender tables, a CI workflow")
    .addOption(new Option("--schemas <dir>", "schemas folder to create").default("schemas"))
    .addOption(new Option("--out <dir>", "folder generate will write the package to").default("generated"))
    .addOption(new Option("--empty", "create the schemas folder empty (add getschema results or run kqlgen pull)"))
    .addOption(new Option("--no-ci", `do not write ${CI_WORKFLOW}`))
    .action(async (flags: Flags) => {
      const cwd = process.cwd();
      const schemas = relativeFolder(flags.schemas, "--schemas");
      const out = relativeFolder(flags.out, "--out");
      const seeds = flags.empty ? [] : await embeddedSchemas();
      const targets = ["kqlgen.config.json", ...(flags.ci ? [CI_WORKFLOW] : [])];
      const taken = targets.filter((t) => existsSync(path.join(cwd, t)));
      if (existsSync(path.join(cwd, schemas))) taken.push(`${schemas}/`);
      if (taken.length) {
        throw new InputError(taken.map((t) => new InputProblem({ file: t }, "already exists: kqlgen init never overwrites; nothing was written (move it away, or edit it by hand)")));
      }
      await mkdir(path.join(cwd, schemas), { recursive: true });
      for (const f of seeds) await copyFile(packagePath("fixtures", f), path.join(cwd, schemas, f));
      await writeFile(path.join(cwd, "kqlgen.config.json"), configText(schemas, out), { flag: "wx" });
      if (flags.ci) {
        await mkdir(path.join(cwd, path.dirname(CI_WORKFLOW)), { recursive: true });
        await writeFile(path.join(cwd, CI_WORKFLOW), workflowText(schemas), { flag: "wx" });
      }
      io.out(
        [
          `kqlgen: wrote kqlgen.config.json (schemas: ${schemas}, out: ${out})`,
          `kqlgen: ${flags.empty ? `created ${schemas}/ empty: add getschema results, or run kqlgen pull --out ${schemas}` : `seeded ${schemas}/ with ${seeds.length} Defender advanced hunting tables`}`,
          ...(flags.ci ? [`kqlgen: wrote ${CI_WORKFLOW} (check, lint with SARIF upload, pull --check)`] : []),
          "next: npx kqlgen generate",
        ].join("\n"),
      );
      done(EXIT.ok);
    });
}
