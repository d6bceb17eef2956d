/**
 * Issue 13: the config's regular expressions. checkPattern (src/config/regex-safety.ts)
 * proves a pattern free of super-linear backtracking or refuses it. Property:
 * thousands of random patterns from a small grammar (the constructs that make
 * backtracking blow up: nested and adjacent repetition, overlapping
 * alternatives, optional parts); every accepted one runs JavaScript's own
 * engine (the one the generated validators use, `u` flag) over adversarial
 * values (40 characters of a repeated unit, then a tail that fails the match)
 * in a child process, which must get through all of them: a pattern that
 * takes more than a few seconds on one 41-character value is reported by
 * name. The same inputs do hang the engine on refused patterns (checked on a
 * sample), so they are adversarial enough.
 * Patterns users write for Defender columns stay accepted.
 */
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkPattern } from "../../src/config/regex-safety.js";
import { mulberry32 } from "../helpers/prng.js";
import { cleanupTmpDirs, makeTmpDir } from "../helpers/tree.js";

afterAll(cleanupTmpDirs);

const CASES = 4000;

/** A random pattern over the letters a and b: atoms, sequences, alternatives, groups, quantifiers. */
function randomPattern(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const atom = (depth: number): string => {
    if (depth > 0 && rnd() < 0.35) return `(${alt(depth - 1)})`;
    return pick(["a", "a", "b", "[ab]", ".", "\\w", "[^b]", "a", "ab"]);
  };
  const quant = (a: string): string => (rnd() < 0.45 ? a + pick(["*", "+", "?", "{1,3}", "{2,}", "+?", "{0,2}"]) : a);
  const seq = (depth: number): string => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => quant(atom(depth))).join("");
  const alt = (depth: number): string => Array.from({ length: rnd() < 0.3 ? 2 : 1 }, () => seq(depth)).join("|");
  const body = alt(2);
  return `${rnd() < 0.6 ? "^" : ""}${body}${rnd() < 0.7 ? "$" : ""}`;
}

/** Values made to fail slowly: 40 characters of a repeated unit, then a tail that does not match. */
const INPUTS = ["a", "b", "ab", "aab", "abb", "ba"].flatMap((unit) => {
  const run = unit.repeat(40).slice(0, 40);
  return [`${run}!`, `${run}\n`, run];
});

const CHILD = `
import { readFileSync } from "node:fs";
const { patterns, inputs } = JSON.parse(readFileSync(process.argv[2], "utf8"));
for (let i = 0; i < patterns.length; i++) {
  process.stdout.write("start " + i + "\\n");
  const re = new RegExp(patterns[i], "u");
  for (const input of inputs) re.test(input);
}
process.stdout.write("end\\n");
`;

/**
 * Runs every pattern over every input in a child; resolves the index of the
 * first pattern on which the child made no progress for `stallMs` (it is then
 * killed), or -1 when it got through all of them.
 */
async function firstStall(dir: string, patterns: readonly string[], stallMs: number): Promise<number> {
  const data = path.join(dir, `patterns-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(data, JSON.stringify({ patterns, inputs: INPUTS }));
  const script = path.join(dir, "child.mjs");
  await writeFile(script, CHILD);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, data], { stdio: ["ignore", "pipe", "pipe"] });
    let current = -1;
    let out = "";
    let err = "";
    let timer = setTimeout(stalled, stallMs);
    function stalled() {
      child.kill("SIGKILL");
      resolve(current);
    }
    child.stdout.on("data", (d: Buffer) => {
      out += d;
      const lines = out.split("\n");
      out = lines.pop()!;
      for (const line of lines) if (line.startsWith("start ")) current = Number(line.slice(6));
      clearTimeout(timer);
      timer = setTimeout(stalled, stallMs);
    });
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL") return;
      if (code !== 0) reject(new Error(`child exited ${code}: ${err}`));
      else resolve(-1);
    });
  });
}

describe("catastrophic regular expressions: the check is conservative", () => {
  it(`${CASES} random patterns: every accepted one gets through adversarial values; refused ones include real hangs`, async () => {
    const rnd = mulberry32(13);
    const accepted: string[] = [];
    const refused: string[] = [];
    const seen = new Set<string>();
    while (seen.size < CASES) {
      const p = randomPattern(rnd);
      if (seen.has(p)) continue;
      seen.add(p);
      (checkPattern(p).ok ? accepted : refused).push(p);
    }
    console.log(`regex property: ${accepted.length} accepted, ${refused.length} refused`);
    // The grammar makes both kinds, in numbers.
    expect(accepted.length).toBeGreaterThan(CASES / 4);
    expect(refused.length).toBeGreaterThan(CASES / 10);
    const dir = await makeTmpDir("adv-regex");
    const stall = await firstStall(dir, accepted, 5_000);
    expect(stall === -1 ? "all accepted patterns finished" : `accepted pattern ${JSON.stringify(accepted[stall])} made no progress for 5 s`).toBe("all accepted patterns finished");
    // The inputs are adversarial: some refused pattern makes the engine hang on them.
    const hang = await firstStall(dir, refused, 3_000);
    expect(hang).toBeGreaterThanOrEqual(0);
  }, 240_000);

  it("patterns users write for Defender columns are accepted", () => {
    const patterns = [
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", // GUID (DeviceId, ReportId)
      "^\\{?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}\\}?$",
      "^[A-Fa-f0-9]{64}$", // SHA256
      "^[a-f0-9]{40}$", // SHA1
      "^[0-9a-f]{32}$", // MD5
      "^(?:[0-9]{1,3}\\.){3}[0-9]{1,3}$", // IPv4
      "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$",
      "^(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}$", // IPv6, full form
      "^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$", // domain name
      "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*$", // UPN
      "^[^@\\s]+@[^@\\s]+$",
      "^[A-Za-z]:\\\\(?:[^\\\\/:*?\"<>|\\r\\n]+\\\\)*[^\\\\/:*?\"<>|\\r\\n]*$", // Windows path
      "^(/[^/\\u0000]+)+/?$", // POSIX path
      "^S-1-5-21-\\d+-\\d+-\\d+-\\d+$", // SID
      "^S-1-[0-9]+(-[0-9]+)+$",
      "^https?://[^\\s/$.?#][^\\s]*$", // URL
      "^.*\\.exe$",
      "\\.dll$",
      "^\\p{L}+$",
      "^[\\p{L}\\p{N}_-]+$",
      "^(?:Low|Medium|High|Informational)$",
      "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,7})?Z$",
      "^-?[0-9]+(?:\\.[0-9]+)?$",
      "^(\\d+\\.)+\\d+$",
      "^([a-z]+-)*[a-z]+$",
      "(foo|bar)*",
      "^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$",
      "a+b+c+",
      "(a+b)+",
    ];
    expect(patterns.filter((p) => !checkPattern(p).ok).map((p) => `${p}: ${(checkPattern(p) as { why: string }).why}`)).toEqual([]);
  });

  it("refused: each kind, with its reason", () => {
    const cases: [string, RegExp][] = [
      ["^(a+)+$", /exponential/],
      ["(a|aa)*$", /exponential/],
      ["^(.|a)+$", /exponential/],
      ["^(\\w+\\s?)*$", /exponential/],
      ["((a)+)+", /exponential/],
      ["(\\d+\\.\\d*)+$", /exponential/],
      ["^([a-z0-9]+[-.]?)+$", /exponential/],
      ["(a*)*b", /empty string/],
      ["(a?)+", /empty string/],
      ["(|a?)b", /empty string/],
      ["\\d*\\d*$", /polynomial/],
      ["^.*a.*$", /polynomial/],
      ["a+a+a+b", /polynomial/],
      ["(a)\\1", /backreference/],
      ["(?<x>a)\\k<x>", /backreference/],
      ["(?=a)a", /lookaround/],
      ["(?<!a)b", /lookaround/],
      ["(".repeat(80) + "a" + ")".repeat(80), /nests groups more than 64 deep/],
      ["(a", /not a valid regular expression/],
      ["^(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)(a|a)$", /more than 16 places in two ways/],
      ["^.{0,99}.{0,99}.{0,99}$", /polynomial/],
    ];
    expect(cases.filter(([p, why]) => { const v = checkPattern(p); return v.ok || !why.test(v.why); }).map(([p]) => [p, checkPattern(p)])).toEqual([]);
  });
});
