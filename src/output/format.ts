/**
 * Formatting with prettier, in-process, with fixed options (never the user's
 * .prettierrc): what `generate` writes and what `check` compares are the same bytes.
 */
import type * as Prettier from "prettier";
import type { OutputFiles } from "../emitters/options.js";
import { codeHash, packageVersion, TextCache } from "./cache.js";

export const PRETTIER_OPTIONS: Prettier.Options = {
  printWidth: 120,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  endOfLine: "lf",
};

function parserFor(path: string): string | undefined {
  // babel-ts prints TypeScript as the typescript parser does, in about half the time.
  if (path.endsWith(".ts")) return "babel-ts";
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".md")) return "markdown";
  return undefined;
}

let cache: TextCache | undefined;
let loaded = false;

/** Whether this process has loaded prettier (a warm cache never does). */
export function prettierLoaded(): boolean {
  return loaded;
}

export async function formatFile(path: string, text: string): Promise<string> {
  const parser = parserFor(path);
  if (parser === undefined) return text.replace(/\r\n?/g, "\n");
  // Text formatted before (same prettier, same options) is not formatted again: prettier does not even load.
  cache ??= new TextCache(`prettier ${packageVersion("prettier")} ${JSON.stringify(PRETTIER_OPTIONS)} ${codeHash(import.meta.url)}`);
  const key = cache.key(parser, text);
  const cached = cache.get<string>(key);
  if (typeof cached === "string") return cached;
  // Loaded on first use: most files come out of the emitters formatted.
  loaded = true;
  const formatted = (await (await import("prettier")).format(text, { ...PRETTIER_OPTIONS, parser })).replace(/\r\n?/g, "\n");
  cache.set(key, formatted);
  return formatted;
}

/** Formats every file but those `preformatted` says are formatted already, one at a time (bounded memory). */
export async function formatFiles(files: OutputFiles, preformatted: (path: string) => boolean = () => false): Promise<OutputFiles> {
  const out: OutputFiles = new Map();
  for (const [path, text] of files) out.set(path, preformatted(path) ? text : await formatFile(path, text));
  return out;
}
