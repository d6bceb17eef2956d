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
 * `(x{1,3})+`: nested quantifiers), when a repeated group's alternatives can
 * start the same way (`(a|ab)*`, `(.|x)+`), and when it uses backreferences.
 * What is left backtracks at most polynomially.
 */

interface Node {
  /** The node (a group, or the whole pattern) holds a variable quantifier somewhere inside. */
  variable: boolean;
  /** First literal character of each alternative ("" when it does not start with one). */
  firsts: string[];
  /** Whether an alternative is still empty (to record its first atom). */
  starting: boolean;
  hasAlternation: boolean;
}

export type PatternVerdict = { readonly ok: true } | { readonly ok: false; readonly why: string };

/** Parses `{n}`, `{n,}`, `{n,m}` at i; returns [min, max, end] or undefined when it is a literal brace. */
function braces(p: string, i: number): [number, number, number] | undefined {
  const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
  if (!m) return undefined;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
  return [min, max, i + m[0].length];
}

/** Whether the pattern can backtrack catastrophically (see the module comment). */
export function checkPattern(pattern: string): PatternVerdict {
  try {
    new RegExp(pattern, "u");
  } catch (e) {
    return { ok: false, why: `it is not a valid regular expression (${(e as Error).message.slice(0, 120)})` };
  }
  const stack: Node[] = [{ variable: false, firsts: [], starting: true, hasAlternation: false }];
  /** The node of the atom just closed (a group), or undefined for a plain atom. */
  let lastGroup: Node | undefined;
  let lastAtom: string | undefined;
  let i = 0;
  const top = () => stack[stack.length - 1]!;
  const atom = (first: string, group?: Node) => {
    const t = top();
    if (t.starting) {
      t.firsts.push(first);
      t.starting = false;
    }
    lastGroup = group;
    lastAtom = first;
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9]/.test(next) || (next === "k" && pattern[i + 2] === "<")) return { ok: false, why: "it uses a backreference, which can take exponential time" };
      // \d, \w, \s, \p{..}: a class, not a literal.
      const literal = /[dDwWsSpPbB]/.test(next) ? "" : next;
      if ((next === "p" || next === "P") && pattern[i + 2] === "{") i = pattern.indexOf("}", i) + 1;
      else if (next === "u" && pattern[i + 2] === "{") i = pattern.indexOf("}", i) + 1;
      else if (next === "u") i += 6;
      else if (next === "x") i += 4;
      else i += 2;
      atom(literal);
      continue;
    }
    if (c === "[") {
      let j = i + 1;
      if (pattern[j] === "^") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") j += pattern[j] === "\\" ? 2 : 1;
      i = j + 1;
      atom("");
      continue;
    }
    if (c === "(") {
      let j = i + 1;
      if (pattern[j] === "?") {
        j++;
        if (pattern[j] === "<" && pattern[j + 1] !== "=" && pattern[j + 1] !== "!") j = pattern.indexOf(">", j) + 1;
        else j += pattern[j] === "<" ? 2 : 1;
      }
      stack.push({ variable: false, firsts: [], starting: true, hasAlternation: false });
      i = j;
      continue;
    }
    if (c === ")") {
      const node = stack.pop()!;
      if (node.starting) node.firsts.push("");
      if (stack.length === 0) return { ok: false, why: "it has an unmatched ')'" };
      if (node.variable) top().variable = true;
      i++;
      atom(node.firsts[0] ?? "", node);
      continue;
    }
    if (c === "|") {
      const t = top();
      if (t.starting) t.firsts.push("");
      t.starting = true;
      t.hasAlternation = true;
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
    if (quant !== undefined && (lastGroup !== undefined || lastAtom !== undefined)) {
      const [min, max, end] = quant;
      i = end;
      if (pattern[i] === "?") i++;
      const repeats = max > 1;
      if (repeats && lastGroup?.variable) {
        return { ok: false, why: "a repeated group holds another repetition (nested quantifiers such as (a+)+), which can take exponential time" };
      }
      if (repeats && lastGroup?.hasAlternation) {
        const firsts = lastGroup.firsts;
        const overlapping = firsts.some((f) => f === "" || f === ".") || new Set(firsts).size < firsts.length;
        if (overlapping) return { ok: false, why: "a repeated group has alternatives that can match the same text (such as (a|ab)*), which can take exponential time" };
      }
      if (min !== max) top().variable = true;
      lastGroup = undefined;
      lastAtom = undefined;
      continue;
    }
    i++;
    atom(c === "." || c === "^" || c === "$" ? (c === "." ? "." : "") : c);
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
