/**
 * Regular expressions from the config (`pattern` and `patternProperties` in a
 * dynamic column's JSON Schema) run against every value of streamed data,
 * with JavaScript's backtracking engine. A pattern such as `^(a+)+$` takes
 * exponential time on a 35-byte value: one record would hang `validate` and
 * every consumer of the generated package. Such patterns are refused here,
 * before anything is generated.
 *
 * The check is structural (no engine runs): a pattern is refused when a
 * repeated group holds another variable repetition (`(a+)+`, `(a*b?)*`,
 * `(x{1,3})+`, `(\w+\s?)*`: nested quantifiers) with no separator fixing
 * where each repetition ends (`(\d+\.)+` and `([a-z]+-)*` are fine: the
 * repeated parts cannot match the `.` or `-`), when a repeated group's
 * alternatives can start the same way (`(a|ab)*`, `(.|x)+`), and when it uses
 * backreferences. It is a heuristic on the safe side: what passes backtracks
 * at most polynomially in the cases it knows.
 */

interface Node {
  /** Sources of the atoms under a variable quantifier somewhere inside (`\\d` of `\\d+`). */
  varAtoms: string[];
  /** Sources of every atom inside. */
  atoms: string[];
  /** Literal characters every match of the node contains (outside alternations and optional parts). */
  literals: string[];
  /** First literal character of each alternative ("" when it does not start with one). */
  firsts: string[];
  /** Whether an alternative is still empty (to record its first atom). */
  starting: boolean;
  hasAlternation: boolean;
}

const newNode = (): Node => ({ varAtoms: [], atoms: [], literals: [], firsts: [], starting: true, hasAlternation: false });

export type PatternVerdict = { readonly ok: true } | { readonly ok: false; readonly why: string };

/** Parses `{n}`, `{n,}`, `{n,m}` at i; returns [min, max, end] or undefined when it is a literal brace. */
function braces(p: string, i: number): [number, number, number] | undefined {
  const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
  return [min, max, i + m[0].length];
}

/** Whether an atom (its source: a literal, an escape, a class, ".") can match the character `ch`. */
function canMatch(atom: string, ch: string): boolean {
  try {
    return new RegExp(`^(?:${atom})$`, "u").test(ch);
  } catch {
    return true;
  }
}

/**
 * A repeated group whose body holds a variable repetition backtracks
 * exponentially, unless every match of the body contains a literal character
 * none of the variable parts can match: a separator (`(\\d+\\.)+`,
 * `([a-z]+-)*`), which fixes where each repetition ends.
 */
function separated(group: Node): boolean {
  return group.literals.some((l) => group.varAtoms.every((a) => !canMatch(a, l)));
}

/** Whether the pattern can backtrack catastrophically (see the module comment). */
export function checkPattern(pattern: string): PatternVerdict {
  try {
    new RegExp(pattern, "u");
  } catch (e) {
    return { ok: false, why: `it is not a valid regular expression (${(e as Error).message.slice(0, 120)})` };
  }
  const stack: Node[] = [newNode()];
  /** The group just closed, or undefined for a plain atom. */
  let lastGroup: Node | undefined;
  /** The source of the atom just read (a group: undefined). */
  let lastAtom: string | undefined;
  /** Whether the atom just read is a literal character (pushed to `literals`). */
  let lastLiteral = false;
  let i = 0;
  const top = () => stack[stack.length - 1]!;
  const atom = (first: string, source: string | undefined, literal: boolean, group?: Node) => {
    const t = top();
    if (t.starting) {
      t.firsts.push(first);
      t.starting = false;
    }
    if (source !== undefined) t.atoms.push(source);
    if (literal) t.literals.push(source!);
    lastGroup = group;
    lastAtom = source ?? (group ? "" : undefined);
    lastLiteral = literal;
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9]/.test(next) || (next === "k" && pattern[i + 2] === "<")) return { ok: false, why: "it uses a backreference, which can take exponential time" };
      const start = i;
      if ((next === "p" || next === "P" || next === "u") && pattern[i + 2] === "{") i = pattern.indexOf("}", i) + 1;
      else if (next === "u") i += 6;
      else if (next === "x") i += 4;
      else if (next === "c") i += 3;
      else i += 2;
      const source = pattern.slice(start, i);
      // \d, \w, \s, \p{..}, \b: classes and assertions, not literals.
      const isClass = /[dDwWsSpPbB]/.test(next);
      atom(isClass ? "" : next, source, !isClass && !/[bB]/.test(next));
      continue;
    }
    if (c === "[") {
      let j = i + 1;
      if (pattern[j] === "^") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") j += pattern[j] === "\\" ? 2 : 1;
      const source = pattern.slice(i, j + 1);
      i = j + 1;
      atom("", source, false);
      continue;
    }
    if (c === "(") {
      let j = i + 1;
      if (pattern[j] === "?") {
        j++;
        if (pattern[j] === "<" && pattern[j + 1] !== "=" && pattern[j + 1] !== "!") j = pattern.indexOf(">", j) + 1;
        else j += pattern[j] === "<" ? 2 : 1;
      }
      stack.push(newNode());
      i = j;
      continue;
    }
    if (c === ")") {
      const node = stack.pop()!;
      if (node.starting) node.firsts.push("");
      if (stack.length === 0) return { ok: false, why: "it has an unmatched ')'" };
      const parent = top();
      parent.varAtoms.push(...node.varAtoms);
      parent.atoms.push(...node.atoms);
      i++;
      // The group's literals are the parent's too, unless a quantifier makes the group optional (handled below).
      if (!node.hasAlternation) parent.literals.push(...node.literals);
      if (parent.starting) {
        parent.firsts.push(node.firsts[0] ?? "");
        parent.starting = false;
      }
      lastGroup = node;
      lastAtom = "";
      lastLiteral = false;
      continue;
    }
    if (c === "|") {
      const t = top();
      if (t.starting) t.firsts.push("");
      t.starting = true;
      t.hasAlternation = true;
      // Literals before an alternative are not in every match.
      t.literals.length = 0;
      lastGroup = undefined;
      lastAtom = undefined;
      i++;
      continue;
    }
    let quant: [number, number, number] | undefined;
    if (c === "*") quant = [0, Infinity, i + 1];
    else if (c === "+") quant = [1, Infinity, i + 1];
    else if (c === "?") quant = [0, 1, i + 1];
    else if (c === "{") quant = braces(pattern, i);
    if (quant !== undefined && lastAtom !== undefined) {
      const [min, max, end] = quant;
      i = end;
      if (pattern[i] === "?") i++;
      const t = top();
      const group = lastGroup;
      if (max > 1 && group !== undefined) {
        if (group.varAtoms.length > 0 && !separated(group)) {
          return { ok: false, why: "a repeated group holds another repetition (nested quantifiers such as (a+)+), which can take exponential time" };
        }
        if (group.hasAlternation) {
          const firsts = group.firsts;
          const overlapping = firsts.some((f) => f === "" || f === ".") || new Set(firsts).size < firsts.length;
          if (overlapping) return { ok: false, why: "a repeated group has alternatives that can match the same text (such as (a|ab)*), which can take exponential time" };
        }
      }
      if (min === 0) {
        // Optional: what it holds is not in every match.
        if (group !== undefined && !group.hasAlternation) t.literals.splice(t.literals.length - group.literals.length, group.literals.length);
        else if (lastLiteral) t.literals.pop();
      }
      if (min !== max) {
        if (group !== undefined) t.varAtoms.push(...group.atoms);
        else t.varAtoms.push(lastAtom);
      }
      lastGroup = undefined;
      lastAtom = undefined;
      lastLiteral = false;
      continue;
    }
    i++;
    if (c === "^" || c === "$") {
      lastAtom = undefined;
      lastGroup = undefined;
      continue;
    }
    atom(c === "." ? "." : c, c === "." ? "." : c.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&"), c !== ".");
  }
  return { ok: true };
}

/**
 * Every `pattern` and `patternProperties` key in a JSON Schema, with its JSON
 * Pointer. Walks without recursion (the schema comes from the user).
 */
export function schemaPatterns(schema: unknown, base: string): { pointer: string; pattern: string }[] {
  const found: { pointer: string; pattern: string }[] = [];
  const stack: [unknown, string][] = [[schema, base]];
  const token = (k: string) => k.replace(/~/g, "~0").replace(/\//g, "~1");
  while (stack.length > 0) {
    const [value, at] = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, `${at}/${i}`]));
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    for (const [k, v] of Object.entries(value)) {
      if (k === "pattern" && typeof v === "string") found.push({ pointer: `${at}/pattern`, pattern: v });
      if (k === "patternProperties" && typeof v === "object" && v !== null && !Array.isArray(v)) {
        for (const p of Object.keys(v)) found.push({ pointer: `${at}/patternProperties/${token(p)}`, pattern: p });
      }
      if (k !== "const" && k !== "enum" && k !== "default" && k !== "examples") stack.push([v, `${at}/${token(k)}`]);
    }
  }
  return found;
}
