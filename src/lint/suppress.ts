/**
 * Suppression comments, on a line of their own (in a .kql file, a YAML block
 * scalar, a Markdown code block):
 *
 *   // kqlgen-ignore-next-line KS142 KS106   (the next line; no codes: every code)
 *   // kqlgen-ignore-file KS204             (the whole file)
 *
 * Text after ` -- ` is a reason, for people. A suppression that silences
 * nothing is reported.
 */
import type { Position } from "./queries.js";

export interface Suppression {
  readonly kind: "next-line" | "file";
  /** The comment's own place. */
  readonly position: Position;
  /** Codes silenced; empty: every code. */
  readonly codes: readonly string[];
  /** Codes that silenced a finding ("*" for a suppression without codes). */
  readonly used: Set<string>;
}

const COMMENT = /^(\s*)\/\/\s*kqlgen-ignore-(next-line|file)\b(.*)$/;

/** The suppression comments of a file. */
export function suppressions(text: string): Suppression[] {
  const out: Suppression[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = COMMENT.exec(lines[i]!.replace(/\r$/, ""));
    if (!m) continue;
    const rest = m[3]!.split(/\s--\s|\s--$/)[0]!;
    const codes = rest.split(/[\s,]+/).filter((c) => c !== "");
    out.push({ kind: m[2] as Suppression["kind"], position: { line: i + 1, column: m[1]!.length + 1 }, codes, used: new Set() });
  }
  return out;
}

/** Whether a finding of `code` on `line` is silenced; marks the suppression used. */
export function suppressed(list: readonly Suppression[], code: string, line: number): boolean {
  for (const s of list) {
    if (s.kind === "next-line" && s.position.line !== line - 1) continue;
    if (s.codes.length === 0) {
      s.used.add("*");
      return true;
    }
    if (s.codes.includes(code)) {
      s.used.add(code);
      return true;
    }
  }
  return false;
}

/** The unused parts of suppressions: each with its place and the codes that silenced nothing. */
export function unused(list: readonly Suppression[]): { position: Position; kind: Suppression["kind"]; codes: readonly string[] }[] {
  const out: { position: Position; kind: Suppression["kind"]; codes: readonly string[] }[] = [];
  for (const s of list) {
    if (s.codes.length === 0) {
      if (!s.used.has("*")) out.push({ position: s.position, kind: s.kind, codes: [] });
    } else {
      const idle = s.codes.filter((c) => !s.used.has(c));
      if (idle.length) out.push({ position: s.position, kind: s.kind, codes: idle });
    }
  }
  return out;
}
