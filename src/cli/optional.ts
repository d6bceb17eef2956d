/**
 * kqlgen's heavy dependencies are optional (package.json optionalDependencies):
 * the Azure SDK, which only `pull` and `validate --storage/--event-hub` use,
 * and Kusto's parser, which only `lint` uses. `npm install --omit=optional`
 * leaves them out; a command that needs one that is missing says which
 * command, and the `npm install` that adds it, in one line (exit 2).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { InputError } from "../model/errors.js";
import { packagePath } from "../paths.js";

/** What each command needs of the optional dependencies. */
export const OPTIONAL_FOR = {
  pull: ["@azure/core-rest-pipeline", "@azure/identity", "@azure/logger", "@azure/monitor-query-logs"],
  lint: ["@kusto/language-service-next"],
  "validate --storage": ["@azure/identity", "@azure/storage-blob"],
  "validate --event-hub": ["@azure/event-hubs", "@azure/identity"],
} as const satisfies Record<string, readonly string[]>;

export type OptionalCommand = keyof typeof OPTIONAL_FOR;

const require = createRequire(import.meta.url);

function installed(name: string): boolean {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    try {
      // A package whose exports hide its package.json.
      require.resolve(name);
      return true;
    } catch {
      return false;
    }
  }
}

/** The version ranges kqlgen asks for (its package.json). */
function ranges(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { optionalDependencies?: Record<string, string>; dependencies?: Record<string, string> };
  return { ...pkg.dependencies, ...pkg.optionalDependencies };
}

/**
 * Throws InputError (exit 2) when a package `command` needs is not installed:
 * `kqlgen lint needs @kusto/language-service-next, an optional dependency that is not installed: run npm install @kusto/language-service-next@^12.4.1`.
 */
export function requireOptional(command: OptionalCommand, isInstalled: (name: string) => boolean = installed): void {
  const missing = OPTIONAL_FOR[command].filter((name) => !isInstalled(name));
  if (missing.length === 0) return;
  const want = ranges();
  const install = missing.map((name) => (want[name] ? `${name}@${want[name]}` : name)).join(" ");
  const what = missing.length === 1 ? `${missing[0]}, an optional dependency that is not installed` : `${missing.join(", ")}, optional dependencies that are not installed`;
  throw InputError.of({}, `kqlgen ${command} needs ${what}: run npm install ${install}`);
}
