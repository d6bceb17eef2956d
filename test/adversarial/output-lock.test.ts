/**
 * Issue 13: the output folder's lock under real races. Several child
 * processes contend for one folder's lock, and every lock they meet is a dead
 * run's: each holder, instead of releasing, leaves behind a lock naming a
 * process that has exited (as a run killed in the middle would). Every
 * acquisition is thus a takeover of a stale lock with the other processes
 * trying the same at the same moment. Two holders at once is the failure:
 * each holder marks its time inside with an exclusive create.
 *
 * The children run withFolderLock from dist/ (built by `npm test`).
 */
import { spawn } from "node:child_process";
import { readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanupTmpDirs, makeTmpDir, REPO } from "../helpers/tree.js";
import { withFolderLock } from "../../src/output/transaction.js";

const ROUNDS = 6;

afterAll(cleanupTmpDirs);

const TRANSACTION = path.join(REPO, "dist", "src", "output", "transaction.js");

const CHILD = `
import { open, unlink } from "node:fs/promises";
const { withFolderLock } = await import(${JSON.stringify(TRANSACTION)});
const [dir, startAt] = process.argv.slice(2);
const inside = dir + ".inside";
// All children of a round contend at the same moment.
while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
await withFolderLock(dir, async () => {
  try {
    const h = await open(inside, "wx");
    await h.close();
  } catch (e) {
    if (e.code !== "EEXIST") throw e;
    process.stdout.write("overlap\\n");
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, Math.random() * 5));
  await unlink(inside);
  process.stdout.write("held\\n");
  // Killed while holding the lock: the next ones find a dead run's lock.
  process.exit(0);
}, { timeoutMs: 120000 });
`;

/** A child that takes the lock `rounds` times; each time it leaves a dead process's lock in its place instead of releasing. */
const LOOPING_CHILD = `
import { randomBytes } from "node:crypto";
import { open, rename, unlink, writeFile } from "node:fs/promises";
const { withFolderLock } = await import(${JSON.stringify(TRANSACTION)});
const [dir, deadPid, rounds, startAt] = process.argv.slice(2);
const lock = dir.replace(/[^/]+$/, (b) => "." + b + ".kqlgen-lock");
const inside = dir + ".inside";
while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
let overlaps = 0;
for (let i = 0; i < Number(rounds); i++) {
  await withFolderLock(dir, async () => {
    try {
      const h = await open(inside, "wx");
      await h.close();
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      overlaps++;
      return;
    }
    await new Promise((r) => setTimeout(r, Math.random() * 3));
    await unlink(inside);
    const tmp = lock + ".dead-" + process.pid;
    await writeFile(tmp, deadPid + "\\n" + randomBytes(8).toString("hex") + "\\n");
    await rename(tmp, lock);
  }, { timeoutMs: 120000 });
}
process.stdout.write(JSON.stringify({ overlaps }) + "\\n");
`;

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((r) => child.once("exit", r));
  return child.pid!;
}

function runChild(file: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the folder lock: takeover of a dead run's lock", () => {
  it("rounds of five processes that all find a dead run's lock and each die holding it: never two holders, nothing left beside the folder", async () => {
    const root = await makeTmpDir("adv-lock-race");
    const childFile = path.join(root, "child.mjs");
    await writeFile(childFile, CHILD);
    const dir = path.join(root, "out");
    const lock = path.join(root, ".out.kqlgen-lock");
    // The first lock they meet is already a dead run's.
    await writeFile(lock, `${await deadPid()}\n`);
    let held = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const startAt = String(Date.now() + 700);
      const results = await Promise.all(Array.from({ length: 5 }, () => runChild(childFile, [dir, startAt])));
      for (const r of results) {
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(r.stdout).toBe("held\n");
      }
      held += results.length;
    }
    expect(held).toBe(ROUNDS * 5);
    // The last holder's lock (it died holding it), and no takeover guard, no half-made lock file.
    expect((await readdir(root)).sort()).toEqual([".out.kqlgen-lock", "child.mjs"]);
    // The next run takes it over and, done, leaves nothing.
    expect(await withFolderLock(dir, async () => "ran")).toBe("ran");
    expect((await readdir(root)).sort()).toEqual(["child.mjs"]);
  }, 300_000);

  it("four processes taking the lock 60 times each, every lock they meet a dead run's: never two holders", async () => {
    const root = await makeTmpDir("adv-lock-loop");
    const childFile = path.join(root, "child.mjs");
    await writeFile(childFile, LOOPING_CHILD);
    const dir = path.join(root, "out");
    const dead = await deadPid();
    await writeFile(path.join(root, ".out.kqlgen-lock"), `${dead}\n`);
    const startAt = String(Date.now() + 1000);
    const results = await Promise.all(Array.from({ length: 4 }, () => runChild(childFile, [dir, String(dead), "60", startAt])));
    for (const r of results) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
    }
    expect(results.map((r) => (JSON.parse(r.stdout) as { overlaps: number }).overlaps)).toEqual([0, 0, 0, 0]);
    expect((await readdir(root)).sort()).toEqual([".out.kqlgen-lock", "child.mjs"]);
  }, 180_000);
});
