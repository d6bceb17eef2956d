/**
 * Sources: every input format → raw tables → the normalized schema model.
 * The format is detected from each file's content, never from its extension.
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { errnoText, readTextFile } from "./files.js";
import { InputError, InputProblem } from "../model/errors.js";
import { jsonDepth, MAX_JSON_DEPTH } from "../model/show.js";
import { buildSchemaSet, type RawTable, type SchemaSet } from "../model/schema.js";
import { readCsv } from "./csv.js";
import { looksLikeGraph, readGraph } from "./graph.js";
import { looksLikeLogAnalytics, readLogAnalytics } from "./log-analytics.js";
import { looksLikeSentinel, readSentinel } from "./sentinel.js";
import { looksLikeSnapshot, readSnapshot } from "./snapshot.js";
import type { SourceInput } from "./source.js";

/** File names a schemas folder may hold besides schemas. */
const SCHEMA_FILE = /\.(json|csv)$/i;


/** The table name a file name gives: its base name up to the first dot. */
export function tableNameFromFile(file: string): string {
  const base = path.basename(file);
  const dot = base.indexOf(".");
  return dot === -1 ? base : base.slice(0, dot);
}

/** "position 123" in a JSON.parse message → "line 4, column 7". */
function jsonErrorPosition(text: string, message: string): string | undefined {
  const m = /position (\d+)/.exec(message);
  if (!m) return undefined;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split("\n").length;
  const column = pos - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}


/** Reads one schema file's text into a raw table. */
export function readSchemaText(input: SourceInput): RawTable {
  const { file, text } = input;
  const trimmed = text.trimStart();
  if (trimmed === "") {
    throw InputError.of({ file, table: input.nameFromFile }, "the file is empty: expected a getschema result (JSON or CSV)");
  }
  if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) return readCsv(input);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = jsonErrorPosition(text, message);
    throw InputError.of({ file, table: input.nameFromFile, ...(at ? { at } : {}) }, `malformed JSON (${message}): expected a getschema result`);
  }
  if (jsonDepth(json) > MAX_JSON_DEPTH) {
    throw InputError.of({ file, table: input.nameFromFile }, `JSON nested more than ${MAX_JSON_DEPTH} levels deep: expected a getschema result (a few levels)`);
  }
  if (looksLikeSnapshot(json)) return readSnapshot(json as Record<string, unknown>, input);
  if (looksLikeLogAnalytics(json)) return readLogAnalytics(json as Record<string, unknown>, input);
  if (looksLikeGraph(json)) return readGraph(json as Record<string, unknown>, input);
  if (looksLikeSentinel(json)) return readSentinel(json as Record<string, unknown>, input);
  throw InputError.of(
    { file },
    "JSON is not a schema format kqlgen reads: expected a kqlgen snapshot, a Log Analytics query response ({\"tables\":[...]}), " +
      "a Graph runHuntingQuery or advanced hunting API response ({\"schema\":[...],\"results\":[...]}) or Sentinel table JSON ({\"Name\":...,\"Properties\":[...]})",
  );
}

/** The largest schema file kqlgen reads: a getschema result of thousands of columns is a few MB. */
export const MAX_SCHEMA_FILE_BYTES = 64 * 1024 * 1024;

export interface ReadSchemaOptions {
  /** Read symbolic links that lead out of the schemas folder (refused by default: a link can point at any file). */
  readonly followSymlinks?: boolean;
}

/** The flag that allows symbolic links out of a schemas folder. */
export const FOLLOW_SYMLINKS_FLAG = "--follow-symlinks";

export async function readSchemaFile(file: string, options: ReadSchemaOptions & { root?: string } = {}): Promise<RawTable> {
  const text = await readTextFile(file, {
    what: "schema file",
    expected: "a getschema result (JSON or CSV)",
    formats: "JSON or CSV",
    maxBytes: MAX_SCHEMA_FILE_BYTES,
    ...(options.root !== undefined ? { root: options.root } : {}),
    followSymlinks: options.followSymlinks === true,
    followFlag: FOLLOW_SYMLINKS_FLAG,
  });
  return readSchemaText({ file, text, nameFromFile: tableNameFromFile(file) });
}

/** The schema files of a folder, sorted (so order of the file system never matters). */
export async function listSchemaFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw InputError.of({ file: dir }, "is not a folder: expected a folder of schema files (--schemas)");
    entries = await readdir(dir);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw InputError.of({ file: dir }, `cannot read the schemas folder (${err.code === "ENOENT" ? "it does not exist" : errnoText(err)}): expected a folder of schema files (--schemas)`);
  }
  return entries
    .filter((name) => SCHEMA_FILE.test(name) && !name.startsWith("."))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Reads every schema file of a folder into one checked schema set. Throws an InputError naming every problem. */
export async function readSchemaDir(dir: string, options: ReadSchemaOptions = {}): Promise<SchemaSet> {
  const files = await listSchemaFiles(dir);
  if (files.length === 0) {
    throw InputError.of({ file: dir }, "the schemas folder holds no schema files: expected .json or .csv getschema results");
  }
  const problems: InputProblem[] = [];
  const raws: RawTable[] = [];
  const fileOptions = { ...options, root: dir };
  for (const file of files) {
    try {
      raws.push(await readSchemaFile(file, fileOptions));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems);
    }
  }
  return buildSchemaSet(raws, problems);
}
