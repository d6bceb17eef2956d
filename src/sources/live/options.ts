/** The pull's choices and defaults, kept apart from the Azure SDK so the CLI can show them without loading it. */
export const PULL_SOURCES = ["log-analytics", "graph"] as const;
export type PullSource = (typeof PULL_SOURCES)[number];

/** Tables asked for at once. */
export const DEFAULT_CONCURRENCY = 4;
/** Per request. */
export const DEFAULT_TIMEOUT_MS = 60_000;
