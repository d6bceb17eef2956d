/**
 * Test helper: the schema folders tests read.
 * - FIXTURES: fixtures/, the published example (the Defender tables);
 * - TEST_SCHEMAS: test/fixtures/schemas/, the made-up Kqlgen* tables that cover
 *   every Kusto type, type spelling and awkward column name;
 * - ALL_SCHEMAS: one folder with both, for tests that generate from both.
 *
 * ALL_SCHEMAS is a copy under test/.tmp/ named by the hash of what it holds,
 * made once (by whichever test process comes first: made aside, then renamed
 * into place) and left for the next run.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const FIXTURES = path.join(REPO, "fixtures");
export const TEST_SCHEMAS = path.join(REPO, "test", "fixtures", "schemas");

const SCHEMA_FILE = /\.(json|csv)$/i;

/** The schema files of a folder (not its README), sorted. */
export function schemaFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => SCHEMA_FILE.test(f))
    .sort();
}

function combined(): string {
  const sources = [...schemaFiles(FIXTURES).map((f) => path.join(FIXTURES, f)), ...schemaFiles(TEST_SCHEMAS).map((f) => path.join(TEST_SCHEMAS, f))];
  const hash = createHash("sha256");
  for (const file of sources) hash.update(`${path.basename(file)}\0`).update(readFileSync(file)).update("\0");
  const tmp = path.join(REPO, "test", ".tmp");
  const dir = path.join(tmp, `all-schemas-${hash.digest("hex").slice(0, 12)}`);
  if (existsSync(dir)) return dir;
  mkdirSync(tmp, { recursive: true });
  const aside = mkdtempSync(path.join(tmp, "all-schemas-new-"));
  for (const file of sources) copyFileSync(file, path.join(aside, path.basename(file)));
  try {
    renameSync(aside, dir);
  } catch {
    // Another test process put it in place first.
    rmSync(aside, { recursive: true, force: true });
  }
  return dir;
}

/** fixtures/ and test/fixtures/schemas/ in one folder. */
export const ALL_SCHEMAS = combined();
