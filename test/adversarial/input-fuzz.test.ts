/**
 * Seeded fuzzing of the schema readers and the config loader: random
 * mutations of every fixture format (byte flips, cuts, splices, hostile
 * tokens, and JSON-aware ones: values swapped for deep nesting, huge strings,
 * prototype keys, wrong types). Thousands of cases, the same on every run.
 * Whatever the input, the result is a schema set or an InputError whose
 * problems are single, short lines without control characters — never
 * another exception (the CLI's exit 70) or a stack overflow. A subset runs
 * through the CLI (`kqlgen diff`): exit 0 or 2, never 70, never a stack.
 */
import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { checkConfig, resolveOptions } from "../../src/config/config.js";
import { InputError } from "../../src/model/errors.js";
import { buildSchemaSet } from "../../src/model/schema.js";
import { readSchemaDir, readSchemaText, tableNameFromFile } from "../../src/sources/index.js";
import { mulberry32 } from "../helpers/prng.js";
import { captureIo, cleanupTmpDirs, FIXTURES, makeTmpDir, REPO } from "../helpers/tree.js";

afterAll(cleanupTmpDirs);

const SEED = 0x5eed13;
const CASES_PER_FILE = 400;

const inputs: { name: string; text: string }[] = [];
for (const dir of [FIXTURES, path.join(REPO, "test", "golden", "input")]) {
  for (const f of readdirSync(dir).filter((n) => /\.(json|csv)$/.test(n)).sort()) inputs.push({ name: f, text: readFileSync(path.join(dir, f), "utf8") });
}

const HOSTILE = [
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "toString",
  "\u001b[31m",
  "\u0000",
  "\u202e",
  "\ud800",
  '"',
  "\\",
  ",",
  "\n",
  "\r\n",
  "{",
  "}",
  "[",
  "]",
  "null",
  "-1",
  "1e309",
  "9007199254740993",
  "true",
  '""',
  "[]",
  "{}",
  "System.Int64",
  "dynamic",
  "ColumnName",
  "ColumnOrdinal",
  "kqlgen.snapshot/v1",
];

function mutateText(text: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const at = () => Math.floor(rnd() * (text.length + 1));
  let t = text;
  const steps = 1 + Math.floor(rnd() * 4);
  for (let s = 0; s < steps; s++) {
    const i = Math.floor(rnd() * (t.length + 1));
    switch (Math.floor(rnd() * 7)) {
      case 0: // flip a character
        t = t.slice(0, i) + String.fromCharCode(Math.floor(rnd() * 0x250)) + t.slice(i + 1);
        break;
      case 1: // delete a run
        t = t.slice(0, i) + t.slice(i + Math.floor(rnd() * 40));
        break;
      case 2: // insert a hostile token
        t = t.slice(0, i) + pick(HOSTILE) + t.slice(i);
        break;
      case 3: // splice in a slice of the text itself
        {
          const a = at();
          t = t.slice(0, i) + text.slice(a, a + Math.floor(rnd() * 200)) + t.slice(i);
        }
        break;
      case 4: // cut
        t = t.slice(0, i);
        break;
      case 5: // deep nesting
        t = t.slice(0, i) + "[".repeat(3000) + t.slice(i);
        break;
      default: // a long run
        t = t.slice(0, i) + "x".repeat(Math.floor(rnd() * 100_000)) + t.slice(i);
    }
  }
  return t;
}

/** Stands for 5,000 levels of nesting until the text is made (JSON.stringify itself would overflow on it). */
const DEEP = "\u0000deep\u0000";
const DEEP_JSON = JSON.stringify(DEEP);
const DEEP_TEXT = "[".repeat(5000) + "1" + "]".repeat(5000);

/** The JSON text of a mutated value. */
function jsonText(value: unknown): string {
  return (JSON.stringify(value) ?? "null").split(DEEP_JSON).join(DEEP_TEXT);
}

function mutateJson(value: unknown, rnd: () => number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const replacement = (): unknown =>
    pick<() => unknown>([
      () => DEEP,
      () => "y".repeat(1 + Math.floor(rnd() * 1_000_000)),
      () => pick(HOSTILE),
      () => null,
      () => Math.floor(rnd() * 1e6) - 5e5,
      () => ({ __proto__: null, ["__proto__"]: { a: 1 }, constructor: 1, toString: "x" }),
      () => JSON.parse('{"__proto__":{"polluted":1},"name":"__proto__","type":"string"}') as unknown,
      () => [],
      () => ({}),
      () => true,
      () => 1.5,
    ])();
  // Walk to a random node and replace it, rename a key, or drop it.
  const root = { v: value };
  let parent: Record<string, unknown> | unknown[] = root;
  let key: string | number = "v";
  for (let depth = 0; depth < 8; depth++) {
    const cur = (parent as Record<string | number, unknown>)[key];
    if (typeof cur !== "object" || cur === null || rnd() < 0.25) break;
    const keys = Array.isArray(cur) ? cur.map((_, i) => i) : Object.keys(cur);
    if (keys.length === 0) break;
    parent = cur as Record<string, unknown>;
    key = pick(keys as (string | number)[]);
  }
  const r = rnd();
  if (r < 0.7) (parent as Record<string | number, unknown>)[key] = replacement();
  else if (r < 0.85 && !Array.isArray(parent)) {
    const v = (parent as Record<string, unknown>)[key as string];
    delete (parent as Record<string, unknown>)[key as string];
    Object.defineProperty(parent, pick(HOSTILE), { value: v, enumerable: true, configurable: true, writable: true });
  } else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, unknown>)[key as string];
  return root.v;
}

/** Runs `fn`; it may succeed or throw InputError with clean problems, nothing else. */
function expectCleanOutcome(label: string, fn: () => void): "ok" | "input-error" {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`${label}: ${(e as Error)?.name}: ${(e as Error)?.message?.slice(0, 300)}`);
    for (const p of e.problems) {
      const s = String(p);
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/.test(s) || s.length > 2000) throw new Error(`${label}: unclean problem: ${JSON.stringify(s.slice(0, 300))}`);
    }
    return "input-error";
  }
}

describe("fuzzed schema files", () => {
  it(`${inputs.length} fixture files × ${CASES_PER_FILE} text mutations and ${CASES_PER_FILE} JSON mutations: only clean InputErrors`, () => {
    const rnd = mulberry32(SEED);
    const tally = { ok: 0, "input-error": 0 };
    for (const input of inputs) {
      const isJson = input.text.trimStart().startsWith("{");
      for (let c = 0; c < CASES_PER_FILE * 2; c++) {
        let text: string;
        if (c < CASES_PER_FILE || !isJson) text = mutateText(input.text, rnd);
        else text = jsonText(mutateJson(JSON.parse(input.text), rnd));
        const label = `${input.name} case ${c} (seed ${SEED})`;
        tally[expectCleanOutcome(label, () => buildSchemaSet([readSchemaText({ file: input.name, text, nameFromFile: tableNameFromFile(input.name) })]))]++;
      }
    }
    // The mutations reach both outcomes (a fuzzer that only ever fails parsing tests little).
    expect(tally.ok).toBeGreaterThan(100);
    expect(tally["input-error"]).toBeGreaterThan(1000);
    console.log(`schema fuzz: ${tally.ok + tally["input-error"]} cases, ${tally.ok} read, ${tally["input-error"]} refused with clean messages`);
  }, 300_000);
});

describe("fuzzed configs", () => {
  it("2,000 mutations of the golden config and the README's: only clean InputErrors", async () => {
    const schema = await readSchemaDir(path.join(REPO, "test", "golden", "input"));
    const fixtures = await readSchemaDir(FIXTURES);
    const configs = [
      { text: readFileSync(path.join(REPO, "test", "golden", "kqlgen.config.json"), "utf8"), schema },
      {
        text: JSON.stringify({
          package: { name: "@contoso/defender-tables", version: "1.0.0" },
          mapping: { long: "number", formats: true, unknownColumns: "report" },
          columns: {
            "DeviceProcessEvents.Timestamp": { nullable: false },
            "DeviceEvents.ReportId": { long: "bigint" },
            "CloudAppEvents.IPTags": { schema: { type: "array", items: { type: "string", pattern: "^[0-9.]+$" } } },
          },
        }),
        schema: fixtures,
      },
    ];
    const rnd = mulberry32(SEED + 1);
    const tally = { ok: 0, "input-error": 0 };
    for (const { text, schema: set } of configs) {
      for (let c = 0; c < 1000; c++) {
        const label = `config case ${c} (seed ${SEED + 1})`;
        tally[
          expectCleanOutcome(label, () => {
            let json: unknown;
            if (c % 2 === 0) json = JSON.parse(jsonText(mutateJson(JSON.parse(text), rnd)));
            else {
              try {
                json = JSON.parse(mutateText(text, rnd));
              } catch {
                return; // the loader reports malformed JSON itself (tested in bad-input)
              }
            }
            resolveOptions(checkConfig(json, "kqlgen.config.json"), set, "kqlgen.config.json");
          })
        ]++;
      }
    }
    expect(tally["input-error"]).toBeGreaterThan(300);
    console.log(`config fuzz: 2000 cases, ${tally.ok} accepted, ${tally["input-error"]} refused with clean messages`);
  }, 300_000);
});

describe("fuzzed files through the CLI", () => {
  it("200 mutated schema folders through `kqlgen diff`: exit 0, 1 or 2, never 70, never a stack", async () => {
    const rnd = mulberry32(SEED + 2);
    const root = await makeTmpDir("adv-fuzz");
    for (let c = 0; c < 200; c++) {
      const input = inputs[c % inputs.length]!;
      const dir = path.join(root, `case-${c}`);
      await writeFile(dir, ""); // reserve the name
      const { rm, mkdir } = await import("node:fs/promises");
      await rm(dir);
      await mkdir(dir);
      const isJson = input.text.trimStart().startsWith("{");
      const text = isJson && rnd() < 0.5 ? (jsonText(mutateJson(JSON.parse(input.text), rnd))) : mutateText(input.text, rnd);
      await writeFile(path.join(dir, input.name), text);
      const cap = captureIo();
      const code = await main(["diff", dir, dir], cap.io);
      const err = cap.stderr();
      expect([0, 2], `case ${c} (${input.name}): exit ${code}: ${err.slice(0, 300)}`).toContain(code);
      expect(err).not.toMatch(/\n\s+at /);
      expect(err).not.toContain("internal error");
    }
  }, 300_000);
});
