/**
 * Replaces the process's environment in place. Assigning a new object to
 * `process.env` is not seen by child processes on Node 26 (child_process.exec
 * without `env` reads the real environment), so tests that point PATH at a
 * fake `az` must change the variables themselves.
 */
export function setEnv(next: Readonly<Record<string, string | undefined>>): void {
  for (const key of Object.keys(process.env)) if (!(key in next)) delete process.env[key];
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}
