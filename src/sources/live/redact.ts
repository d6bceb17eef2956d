/**
 * Redaction: nothing that is or looks like a credential reaches a message or a
 * log line. Three nets: the exact secrets this process handled (every token a
 * credential handed out, client secrets from the environment) and any long
 * piece of them (a service may echo half a token, or split it across lines);
 * the shapes of tokens (JWTs, `Bearer …`, `Basic …`, `access_token=…`); and
 * long random-looking runs (opaque tokens kqlgen never saw).
 */

const known = new Set<string>();

/** Remembers a secret this process holds, so that it (and any long piece of it) is redacted wherever it appears. */
export function rememberSecret(secret: string | undefined | null): void {
  if (typeof secret === "string" && secret.length >= 8) known.add(secret);
}

/** Environment variables whose values are secrets the Azure SDK may handle. */
const SECRET_ENV = ["AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PASSWORD", "AZURE_PASSWORD", "AZURE_FEDERATED_TOKEN", "IDENTITY_HEADER", "MSI_SECRET"];

/** Remembers the secrets the environment holds for the Azure SDK. */
export function rememberEnvironmentSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of SECRET_ENV) rememberSecret(env[name]);
}

const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const SCHEME = /\b(Bearer|Basic|SharedAccessSignature|SharedKey|PoP)\s+[A-Za-z0-9._~+/=:%-]+/gi;
const SECRET_PARAM =
  /\b(access_token|refresh_token|id_token|client_secret|client_assertion|assertion|password|passwd|pwd|sig|api[_-]?key|x-api-key|account_?key|shared_?access_?key)(["']?\s*[=:]\s*["']?)[^\s"'&,;}]+/gi;
/** A run of token characters. */
const RUN = /[A-Za-z0-9._~+/=-]{10,}/g;
const HEX_OR_GUID = /^[0-9a-fA-F-]+$/;

/** Bits of entropy per character of a string. */
function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Whether a run of token characters looks like an opaque credential: long, mixed, random. */
function looksRandom(run: string): boolean {
  if (run.length < 32 || HEX_OR_GUID.test(run)) return false;
  // Paths and URLs are made of words: judge the longest piece between separators.
  const piece = run.split(/[/.]/).reduce((a, b) => (b.length > a.length ? b : a), "");
  if (piece.length < 32) return false;
  return /[a-z]/.test(piece) && /[A-Z]/.test(piece) && /[0-9]/.test(piece) && entropy(piece) >= 4.3;
}

function isPieceOfKnown(run: string): boolean {
  for (const secret of known) if (secret.includes(run)) return true;
  return false;
}

/** Replaces anything that is or looks like a token or secret with "[redacted]". */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join("[redacted]");
  out = out.replace(JWT, "[redacted]").replace(SCHEME, "$1 [redacted]").replace(SECRET_PARAM, "$1$2[redacted]");
  return out.replace(RUN, (run) => (isPieceOfKnown(run) || looksRandom(run) ? "[redacted]" : run));
}
