/**
 * Functions a query may call that are not Kusto's own: Defender advanced
 * hunting's built-in functions (the portal flavour), Log Analytics' `arg("")`
 * and `_GetWatchlist()` (the log-analytics flavour), and functions a team
 * declares in kqlgen.config.json. Described as data; kusto.ts turns them into
 * Kusto.Language function symbols (no KQL text is built from them).
 */
import type { KustoType } from "../model/kusto-types.js";

export const FLAVOURS = ["portal", "log-analytics"] as const;
/** Where a query runs: the Defender portal's advanced hunting, or Log Analytics / Sentinel. */
export type Flavour = (typeof FLAVOURS)[number];

export interface FunctionColumn {
  readonly name: string;
  readonly type: KustoType;
}

export interface FunctionParameter {
  readonly name: string;
  readonly type: KustoType;
  /** May be left out (a trailing parameter). */
  readonly optional?: boolean;
}

/** A function the analyzer should know. */
export interface FunctionDef {
  readonly name: string;
  /** Scalar parameters, after the tabular input when `input` is set. */
  readonly parameters: readonly FunctionParameter[];
  /**
   * "extend": the function takes the piped table (`T | invoke F()`) and returns
   * it with `columns` added; "none": it returns a table of `columns` only.
   */
  readonly input: "extend" | "none";
  readonly columns: readonly FunctionColumn[];
  /** The result may hold columns not listed (any other column is accepted, unchecked). */
  readonly open?: boolean;
  /** Parameters (indexes into `parameters`) whose argument may be a column name of the input, as the portal accepts. */
  readonly columnArguments?: readonly number[];
  /** A function that returns a database of open tables (`arg("").Resources`). */
  readonly database?: readonly string[];
  readonly description?: string;
}

const c = (name: string, type: KustoType): FunctionColumn => ({ name, type });

/**
 * Defender advanced hunting's built-in functions (the Graph hunting schema's
 * builtInFunctions), with the parameters and output columns Microsoft documents.
 */
export const PORTAL_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "FileProfile",
    description: "Adds file details (prevalence, signer, certificate) to rows with a SHA1 or SHA256: `| invoke FileProfile(SHA1, 1000)`.",
    input: "extend",
    // x: the file ID column (SHA1, SHA256, InitiatingProcessSHA1, InitiatingProcessSHA256; default SHA1), y: a row limit, 1 to 1,000 (default 100).
    parameters: [
      { name: "x", type: "string", optional: true },
      { name: "y", type: "long", optional: true },
    ],
    columnArguments: [0],
    columns: [
      c("SHA1", "string"),
      c("SHA256", "string"),
      c("MD5", "string"),
      c("FileSize", "int"),
      c("GlobalPrevalence", "int"),
      c("GlobalFirstSeen", "datetime"),
      c("GlobalLastSeen", "datetime"),
      c("Signer", "string"),
      c("Issuer", "string"),
      c("SignerHash", "string"),
      c("IsCertificateValid", "bool"),
      c("IsRootSignerMicrosoft", "bool"),
      c("SignatureState", "string"),
      c("IsExecutable", "bool"),
      c("ThreatName", "string"),
      c("Publisher", "string"),
      c("SoftwareName", "string"),
      c("ProfileAvailability", "string"),
    ],
  },
  {
    name: "SeenBy",
    description: "Adds the onboarded devices that saw a device (device discovery) to rows with a DeviceId: `| invoke SeenBy()`.",
    input: "extend",
    parameters: [{ name: "x", type: "string", optional: true }],
    columnArguments: [0],
    columns: [c("SeenBy", "dynamic")],
  },
  {
    name: "DeviceFromIP",
    description: "Adds the devices assigned an IP address to rows with an IP column: `| invoke DeviceFromIP()`.",
    input: "extend",
    parameters: [
      { name: "x", type: "string", optional: true },
      { name: "y", type: "datetime", optional: true },
    ],
    columnArguments: [0],
    columns: [c("IP", "string"), c("DeviceId", "string")],
  },
  {
    name: "AssignedIPAddresses",
    description: "The IP addresses assigned to a device (DeviceId or DeviceName) at a time: `AssignedIPAddresses(\"host\", ago(1d))`.",
    input: "none",
    parameters: [
      { name: "x", type: "string" },
      { name: "y", type: "datetime", optional: true },
    ],
    columns: [c("Timestamp", "datetime"), c("IPAddress", "string"), c("IPType", "string"), c("NetworkAdapterType", "string"), c("ConnectedNetworks", "string")],
  },
];

/** Azure Resource Graph's tables, reachable from Log Analytics as `arg("").<table>` (lower case and as often written). */
const ARG_TABLES = [
  "Resources",
  "ResourceContainers",
  "AdvisorResources",
  "AlertsManagementResources",
  "AuthorizationResources",
  "HealthResources",
  "PolicyResources",
  "SecurityResources",
  "ServiceHealthResources",
  "MaintenanceResources",
  "GuestConfigurationResources",
  "NetworkResources",
  "ComputeResources",
  "ResourceChanges",
].flatMap((t) => [t, t.toLowerCase()]);

/** Log Analytics / Sentinel functions kqlgen knows. */
export const LOG_ANALYTICS_FUNCTIONS: readonly FunctionDef[] = [
  {
    name: "_GetWatchlist",
    description: "A Sentinel watchlist's items: SearchKey and the watchlist's own columns (unchecked).",
    input: "none",
    parameters: [{ name: "watchlistAlias", type: "string" }],
    columns: [c("_DTItemId", "string"), c("LastUpdatedTimeUTC", "datetime"), c("SearchKey", "string"), c("WatchlistItem", "dynamic")],
    open: true,
  },
  {
    name: "arg",
    description: "Azure Resource Graph from Log Analytics: `arg(\"\").Resources` (tables open, columns unchecked).",
    input: "none",
    parameters: [{ name: "scope", type: "string" }],
    columns: [],
    database: ARG_TABLES,
  },
];

export function builtinFunctions(flavour: Flavour): readonly FunctionDef[] {
  return flavour === "portal" ? PORTAL_FUNCTIONS : LOG_ANALYTICS_FUNCTIONS;
}
