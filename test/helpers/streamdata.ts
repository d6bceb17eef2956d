/**
 * Realistic Defender streaming records for the fixture tables, seeded and
 * deterministic: shared by the validate tests and bench/validate.bench.mjs
 * (which transpiles this file, so it imports nothing).
 *
 * Values follow what Defender sends: 40-hex device ids, SIDs, UPNs, Windows
 * paths, command lines full of quotes and backslashes, AdditionalFields as a
 * JSON-encoded string, many empty strings, datetimes with 7 fraction digits,
 * now and then a non-ASCII name. Faults are injected on request and listed,
 * so a test can derive the report it expects.
 */

export interface ColumnShape {
  readonly name: string;
  /** Kusto type: string, bool, int, long, real, decimal, datetime, timespan, guid, dynamic. */
  readonly type: string;
}

export interface TableShape {
  readonly name: string;
  readonly columns: readonly ColumnShape[];
}

export interface StreamedRecord {
  time: string;
  tenantId: string;
  category: string;
  properties: Record<string, unknown>;
}

export const CATEGORY_PREFIX = "AdvancedHunting-";
export const TENANT_ID = "8f3e2a1c-5b7d-4e9f-a0c2-1d3b5f7e9a0b";

/** mulberry32: small, fast, deterministic. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** 0 ≤ n < max. */
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  hex(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += "0123456789abcdef"[this.int(16)];
    return s;
  }
}

const HOSTS = ["ws-fin-0142", "srv-sql-07", "lt-hr-2291", "dc01", "ws-dev-0007", "kiosk-lobby", "büro-pc-12", "café-pos-3"];
const DOMAINS = ["contoso", "fabrikam", "nt authority", "corp"];
const USERS = ["alice", "bob.smith", "svc_backup", "system", "local service", "jürgen.müller", "admin", "carol"];
const ACTIONS = ["ProcessCreated", "FileCreated", "FileModified", "ConnectionSuccess", "LogonSuccess", "RegistryValueSet", "ImageLoaded", "DnsQueryResponse"];
const FOLDERS = [
  "C:\\Windows\\System32",
  "C:\\Program Files\\Microsoft Office\\root\\Office16",
  "C:\\Users\\alice\\AppData\\Local\\Temp",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application",
  "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24010.12-0",
  "/usr/bin",
  "C:\\Users\\jürgen.müller\\Documents\\Übersicht",
];
const FILES = ["powershell.exe", "cmd.exe", "svchost.exe", "WINWORD.EXE", "chrome.exe", "MsMpEng.exe", "bash", "rundll32.exe", "Résumé.docx"];
/** Names beyond Latin-1 (they make V8 strings two-byte): rare, as in most tenants' data. */
const RARE_HOST = "ws-東京-04";
const RARE_FILE = "報告書.xlsx";
const COMPANIES = ["Microsoft Corporation", "Google LLC", "Adobe Inc.", "", "Oracle America, Inc."];
const LEVELS = ["System", "High", "Medium", "Low", ""];
const ELEVATION = ["TokenElevationTypeDefault", "TokenElevationTypeFull", "TokenElevationTypeLimited", "None"];

function datetime(rng: Rng): string {
  const d = new Date(Date.UTC(2024, rng.int(12), 1 + rng.int(28), rng.int(24), rng.int(60), rng.int(60)));
  return `${d.toISOString().slice(0, 19)}.${String(rng.int(10_000_000)).padStart(7, "0")}Z`;
}

function guid(rng: Rng): string {
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-a${rng.hex(3)}-${rng.hex(12)}`;
}

function ipv4(rng: Rng): string {
  return `${rng.pick([10, 172, 192, 20, 52, 104])}.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
}

function commandLine(rng: Rng): string {
  const exe = `${rng.pick(FOLDERS)}\\${rng.pick(FILES)}`;
  switch (rng.int(4)) {
    case 0:
      return `"${exe}" -NoProfile -ExecutionPolicy Bypass -Command "& {Get-ChildItem -Path 'C:\\Users\\${rng.pick(USERS)}' -Recurse | Where-Object { $_.Length -gt ${rng.int(100000)} }}"`;
    case 1:
      return `${exe} /c "echo %USERPROFILE% > \\\\fileserver\\share$\\out-${rng.hex(6)}.txt"`;
    case 2:
      return `"${exe}" --type=renderer --field-trial-handle=${rng.int(9999)},i,${rng.hex(16)} --lang=en-US --mojo-platform-channel-handle=${rng.int(9999)} /prefetch:${rng.int(9)}`;
    default:
      return `svchost.exe -k netsvcs -p -s ${rng.pick(["Schedule", "BITS", "wuauserv", "Winmgmt"])}`;
  }
}

function additionalFields(rng: Rng): string {
  if (rng.chance(0.3)) return "";
  return JSON.stringify({
    ProcessName: rng.pick(FILES),
    Reason: rng.pick(["Policy", "Heuristic", "Cloud \"block\" verdict", "User action"]),
    Count: rng.int(50),
    Path: `${rng.pick(FOLDERS)}\\${rng.pick(FILES)}`,
  });
}

function stringValue(name: string, rng: Rng): string {
  if (/SHA256$/.test(name)) return rng.hex(64);
  if (/SHA1$|DeviceId$|SignerHash$|IssuerHash$/.test(name)) return rng.hex(40);
  if (/MD5$/.test(name)) return rng.hex(32);
  if (/Sid$/.test(name)) return `S-1-5-21-${1000000000 + rng.int(999999999)}-${1000000000 + rng.int(999999999)}-${1000 + rng.int(9000)}`;
  if (/ObjectId$|AadDeviceId$|AlertId$|OAuthAppId$|OAuthApplicationId$|AccountId$|SubscriptionId$/.test(name)) return guid(rng);
  if (/Upn$/.test(name)) return `${rng.pick(USERS).replace(/ /g, ".")}@${rng.pick(DOMAINS).replace(/ /g, "")}.com`;
  if (/AccountName$|LoggedOnUsers$/.test(name)) return rng.pick(USERS);
  if (/Domain$/.test(name)) return rng.pick(DOMAINS);
  if (/IP$|IPAddress$|IPAddresses$|Gateways$|DnsAddresses$/.test(name)) return rng.chance(0.15) ? "" : ipv4(rng);
  if (/Url$|Urls$/.test(name)) return rng.chance(0.5) ? "" : `https://${rng.pick(["login.microsoftonline.com", "cdn.contoso.net", "update.googleapis.com"])}/${rng.hex(8)}?q=${rng.int(1000)}&x=%2F`;
  if (/CommandLine$/.test(name)) return commandLine(rng);
  if (/FolderPath$/.test(name)) return rng.pick(FOLDERS);
  if (/FileName$/.test(name)) return rng.chance(0.001) ? RARE_FILE : rng.pick(FILES);
  if (/DeviceName$/.test(name)) return rng.chance(0.2) ? "" : `${rng.chance(0.001) ? RARE_HOST : rng.pick(HOSTS)}.${rng.pick(DOMAINS).replace(/ /g, "")}.local`;
  if (/ActionType$/.test(name)) return rng.pick(ACTIONS);
  if (/CompanyName$/.test(name)) return rng.pick(COMPANIES);
  if (/ProductVersion$/.test(name)) return `${rng.int(20)}.${rng.int(10)}.${rng.int(30000)}.${rng.int(5000)}`;
  if (/IntegrityLevel$/.test(name)) return rng.pick(LEVELS);
  if (/TokenElevation$/.test(name)) return rng.pick(ELEVATION);
  if (/AdditionalFields$/.test(name)) return additionalFields(rng);
  if (/MachineGroup$/.test(name)) return rng.pick(["UnassignedGroup", "Servers", "Finance Workstations"]);
  if (/Description$|ProductName$|Title$/.test(name)) return rng.pick(["Windows Command Processor", "Microsoft Word", "Host Process for Windows Services", "Suspicious PowerShell download", ""]);
  // Defender sends many empty strings.
  if (rng.chance(0.4)) return "";
  return rng.pick(["Windows", "x64", "Onboarded", "Active", "Unknown", "Medium", "None", "Ethernet", "Domain", "Interactive"]);
}

function dynamicValue(name: string, rng: Rng): unknown {
  if (name === "IPTags" || name === "UserAgentTags") return rng.chance(0.5) ? [] : ["Tor", "Anonymous proxy"].slice(0, 1 + rng.int(2));
  if (name === "ActivityObjects") {
    return Array.from({ length: 1 + rng.int(3) }, () => ({ Type: rng.pick(["User", "File", "Folder"]), Name: rng.pick(USERS), Id: guid(rng), Role: rng.pick(["Actor", "Target"]) }));
  }
  if (rng.chance(0.3)) return null;
  return { Source: rng.pick(["Audit", "Sensor"]), Level: rng.int(5), Tags: [rng.pick(ACTIONS)], Nested: { Value: rng.hex(6) } };
}

/** A valid value of a column, chosen from its name and type. */
export function columnValue(column: ColumnShape, rng: Rng): unknown {
  switch (column.type) {
    case "string":
      return stringValue(column.name, rng);
    case "bool":
      return rng.chance(0.1) ? null : rng.chance(0.5);
    case "int":
      return /Port$/.test(column.name) ? rng.int(65536) : rng.int(100000) - 10;
    case "long":
      return rng.chance(0.05) ? null : /Id$|ReportId$/.test(column.name) ? rng.int(2 ** 40) : rng.int(10_000_000);
    case "real":
      return Math.round(rng.next() * 1e6) / 100;
    case "decimal":
      return `${rng.int(100000)}.${rng.int(100)}`;
    case "datetime":
      return datetime(rng);
    case "timespan":
      return `${String(rng.int(24)).padStart(2, "0")}:${String(rng.int(60)).padStart(2, "0")}:00`;
    case "guid":
      return guid(rng);
    default:
      return dynamicValue(column.name, rng);
  }
}

/** A valid row of a table, plus the MachineGroup the stream adds when the table has none. */
export function makeRow(table: TableShape, rng: Rng): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of table.columns) row[c.name] = columnValue(c, rng);
  if (!("MachineGroup" in row)) row.MachineGroup = stringValue("MachineGroup", rng);
  return row;
}

/** A valid streamed record `{time, tenantId, category, properties}`. */
export function makeRecord(table: TableShape, rng: Rng): StreamedRecord {
  const properties = makeRow(table, rng);
  const stamp = properties.Timestamp;
  return { time: typeof stamp === "string" ? stamp : datetime(rng), tenantId: TENANT_ID, category: `${CATEGORY_PREFIX}${table.name}`, properties };
}

/** A fault injected into a record: what the report must say about it. */
export type Fault =
  | { readonly kind: "violation"; readonly table: string; readonly column: string; readonly value: unknown }
  | { readonly kind: "unknownColumn"; readonly table: string; readonly column: string }
  | { readonly kind: "unknownCategory"; readonly category: string }
  /** Drift, not an error: the record lacks the table's newest columns (a record older than them). */
  | { readonly kind: "missingColumn"; readonly table: string; readonly column: string }
  /** Not an error: a long column carries an integer beyond 2^53 (number mode warns; bigint and string keep it exact). */
  | { readonly kind: "largeLong"; readonly table: string; readonly column: string };

export interface GeneratedRecord {
  readonly record: StreamedRecord;
  /** Faults injected into this record (none: a valid record of a known table). */
  readonly faults: readonly Fault[];
}

export interface MixOptions {
  readonly seed: number;
  readonly tables: readonly TableShape[];
  /** Every n-th record gets one wrong value (0: never). */
  readonly invalidEvery?: number;
  /** Every n-th record carries a column its table does not know (0: never). */
  readonly unknownColumnEvery?: number;
  /** Every n-th record is of a category no schema knows (0: never). */
  readonly unknownCategoryEvery?: number;
  /** The share of string values sent as null, as the stream does (default 0). */
  readonly nullStrings?: number;
  /** The share of records that lack their table's newest columns (default 0). */
  readonly lackNewest?: number;
  /** How many of a table's last columns are its newest (default 4). */
  readonly newestColumns?: number;
  /** Every n-th record carries a long beyond 2^53 in a long column (0: never). */
  readonly largeLongEvery?: number;
}

/** Wrong values Defender's data could plausibly carry, per Kusto type of the column. */
function wrongValue(column: ColumnShape, rng: Rng): unknown {
  switch (column.type) {
    case "string":
      return rng.pick([true, 42]); // null is what the stream sends for a string: valid
    case "bool":
      return rng.pick([0, "true"]);
    case "int":
    case "long":
      return rng.pick(["12345", 1.5]);
    case "datetime":
      return rng.pick(["2024-05-01 12:00:00", "yesterday"]);
    case "guid":
      return "{not-a-guid}";
    default:
      return rng.pick([{}, [1]]); // an absent column is drift, not an error
  }
}

/** Columns the generator may break: not dynamic (anything goes there). */
function breakable(table: TableShape): readonly ColumnShape[] {
  return table.columns.filter((c) => c.type !== "dynamic");
}

/** `count` records mixing the tables, with faults injected as asked. Deterministic for a seed. */
export function* mixedRecords(count: number, options: MixOptions): Generator<GeneratedRecord> {
  const rng = new Rng(options.seed);
  const tables = options.tables;
  for (let i = 1; i <= count; i++) {
    const every = (n: number | undefined) => n !== undefined && n > 0 && i % n === 0;
    if (every(options.unknownCategoryEvery)) {
      const table = tables[rng.int(tables.length)]!;
      const record = makeRecord(table, rng);
      record.category = `${CATEGORY_PREFIX}DeviceTomorrowEvents`;
      yield { record, faults: [{ kind: "unknownCategory", category: record.category }] };
      continue;
    }
    const table = tables[rng.int(tables.length)]!;
    const record = makeRecord(table, rng);
    const faults: Fault[] = [];
    if (options.nullStrings) {
      for (const c of table.columns) if (c.type === "string" && c.name !== "Timestamp" && rng.chance(options.nullStrings)) record.properties[c.name] = null;
    }
    if (options.lackNewest && rng.chance(options.lackNewest)) {
      for (const c of table.columns.slice(-(options.newestColumns ?? 4))) {
        if (c.name === "MachineGroup" || c.name === "Timestamp") continue;
        delete record.properties[c.name];
        faults.push({ kind: "missingColumn", table: table.name, column: c.name });
      }
    }
    if (every(options.largeLongEvery)) {
      const longs = table.columns.filter((c) => c.type === "long" && c.name in record.properties);
      if (longs.length > 0) {
        const column = longs.find((c) => c.name === "ReportId") ?? longs[0]!;
        record.properties[column.name] = 2 ** 59 + rng.int(2 ** 30) * 1024;
        faults.push({ kind: "largeLong", table: table.name, column: column.name });
      }
    }
    if (every(options.invalidEvery)) {
      const candidates = breakable(table);
      const column = candidates[rng.int(candidates.length)]!;
      const value = wrongValue(column, rng);
      record.properties[column.name] = value;
      // A column the record lacked is present now: no longer missing.
      const lacked = faults.findIndex((f) => f.kind === "missingColumn" && f.column === column.name);
      if (lacked >= 0) faults.splice(lacked, 1);
      faults.push({ kind: "violation", table: table.name, column: column.name, value });
    }
    if (every(options.unknownColumnEvery)) {
      const column = rng.pick(["DeviceTrustLevel", "IsSensitive"]);
      record.properties[column] = column === "IsSensitive" ? rng.chance(0.5) : rng.pick(["High", "Low"]);
      faults.push({ kind: "unknownColumn", table: table.name, column });
    }
    yield { record, faults };
  }
}

/** An Event Hubs message body of these records. */
export function messageBody(records: readonly StreamedRecord[]): string {
  return JSON.stringify({ records });
}

/** Storage JSON lines of these records (each line ends with `\n`). */
export function jsonLines(records: readonly StreamedRecord[]): string {
  let text = "";
  for (const r of records) text += JSON.stringify(r) + "\n";
  return text;
}
