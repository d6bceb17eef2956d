/**
 * Regular expressions from the config (`pattern` and `patternProperties` in a
 * dynamic column's JSON Schema) run against every value of streamed data,
 * with JavaScript's backtracking engine (Ajv compiles them with the `u`
 * flag). A pattern such as `^(a+)+$` takes exponential time on a 35-byte
 * value: one record would hang `validate` and every consumer of the
 * generated package. Such patterns are refused here, before anything is
 * generated.
 *
 * The check is conservative: it proves a pattern safe or refuses it. A
 * backtracking engine explores the ways (parse trees) in which the pattern
 * can match a prefix of the input; it is slow only when one piece of input
 * can be matched in many ways. The pattern is turned into an automaton
 * whose paths are exactly its parse trees (Thompson's construction: every
 * alternative, every iteration of a loop, every choice to skip an optional
 * part is a path of its own; counted repetition `x{n,m}` unrolled into
 * copies, or taken as `x+` when large), and the automaton is searched for
 * the two shapes that make backtracking super-linear (Weber and Seidl's
 * criteria of infinite ambiguity):
 *
 * - EDA (exponential): a state and two different paths from it back to it
 *   reading the same text, e.g. `(a+)+`, `(a|aa)*`, `(.|a)+`, `(\w+\s?)*`.
 *   Found as a strongly connected part of the product automaton (pairs of
 *   states reading the same characters) that holds a pair of equal states
 *   and either a pair of different ones or two different moves.
 * - IDA (polynomial of degree 2 and more): two states p ≠ q, each on a loop,
 *   with paths p→p, p→q, q→q reading the same text, e.g. `\d*\d*`,
 *   `.*a.*`, `a+a+$` on a long run of `a`. Found, over-approximated (the
 *   three texts are not required to be the same), by reachability in the
 *   product automaton: (p,p) reaches (p,q), which reaches (q,q).
 *
 * What is refused, and why:
 * 1. backreferences (`\1`, `\k<name>`) and lookarounds (`(?=`, `(?!`,
 *    `(?<=`, `(?<!`): they are not regular, and matching them can take
 *    exponential time in any engine;
 * 2. a repeated or optional part that can match the empty string (`(a*)*`,
 *    `(a?)+`, `(x*)?`), and an alternation with two alternatives that can
 *    match the empty string (`(|a?)`): each adds ways to match nothing,
 *    which multiply under a loop;
 * 3. EDA and IDA as above;
 * 4. more than MAX_DIVERGENCES places where two ways to match the same text
 *    part and can meet again, outside loops (`(a|a)(a|a)(a|a)…`: each may
 *    double the work, without any loop to show it);
 * 5. patterns too large to check (more than MAX_STATES character positions
 *    once counted repetition is unrolled, or too many pairs of them).
 * Counted repetition with a wide range (`x{0,99}`: more than MAX_RANGE
 * optional copies) is checked as the loop `x*` it behaves like, so
 * `.{0,99}.{0,99}` is refused as `.*.*` is; exact counts (`[0-9a-f]{64}`)
 * and narrow ranges (`[0-9]{1,3}`) are unrolled and cost nothing.
 *
 * What passes has, for every text, a number of ways to match bounded by a
 * constant of the pattern (no loop multiplies them), so backtracking grows
 * with a low power of the value's length, never exponentially; the property
 * test (test/adversarial/regex-safety.test.ts) runs thousands of accepted
 * patterns on adversarial values. Anchors and `\b` are taken as matching
 * everywhere (more paths, never fewer); `\p{...}` classes as matching every
 * character.
 */

export type PatternVerdict = { readonly ok: true } | { readonly ok: false; readonly why: string };

/** Largest automaton checked (states that read a character). */
const MAX_STATES = 1500;
/** Counted repetition unrolled up to this many copies; above it, `x{n,m}` is checked as `x+` (or `(x+)?`). */
const MAX_UNROLL = 100;
/** `x{n,m}` with more optional copies than this is checked as `x{n,}`. */
const MAX_RANGE = 3;
/** Most places where two ways to match the same text may part and meet again, outside loops. */
const MAX_DIVERGENCES = 16;
/** Deepest nesting of groups followed. */
const MAX_DEPTH = 64;

// ------------------------------------------------------------ character sets

/** Sorted, disjoint, inclusive code point ranges. */
type CharSet = readonly (readonly [number, number])[];
const MAX_CP = 0x10ffff;
const ALL: CharSet = [[0, MAX_CP]];

function normalize(ranges: [number, number][]): CharSet {
  const sorted = ranges.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function negate(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [a, b] of set) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

function overlaps(x: CharSet, y: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i]![1] < y[j]![0]) i++;
    else if (y[j]![1] < x[i]![0]) j++;
    else return true;
  }
  return false;
}

const cp = (ch: string) => ch.codePointAt(0)!;
const DIGIT: CharSet = [[48, 57]];
const WORD: CharSet = normalize([[48, 57], [65, 90], [95, 95], [97, 122]]);
const SPACE: CharSet = normalize([[9, 13], [32, 32], [160, 160], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]);
const LINE_TERMINATORS: CharSet = normalize([[10, 10], [13, 13], [0x2028, 0x2029]]);
const DOT: CharSet = negate(LINE_TERMINATORS);

// ------------------------------------------------------------ parsing

type Ast =
  | { readonly kind: "chars"; readonly set: CharSet }
  | { readonly kind: "empty" }
  | { readonly kind: "seq"; readonly items: readonly Ast[] }
  | { readonly kind: "alt"; readonly items: readonly Ast[] }
  | { readonly kind: "repeat"; readonly body: Ast; readonly min: number; readonly max: number };

class Refused extends Error {}

/** A parser for the regular expressions of the `u` flag (the syntax is already valid: `new RegExp(p, "u")` accepted it). */
class Parser {
  private i = 0;
  constructor(private readonly p: string) {}

  parse(): Ast {
    const ast = this.alternation();
    if (this.i < this.p.length) throw new Refused("it has an unmatched ')'");
    return ast;
  }

  private alternation(): Ast {
    const items = [this.sequence()];
    while (this.p[this.i] === "|") {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { kind: "alt", items };
  }

  private sequence(): Ast {
    const items: Ast[] = [];
    while (this.i < this.p.length && this.p[this.i] !== "|" && this.p[this.i] !== ")") {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? items[0]! : { kind: "seq", items };
  }

  private quantified(atom: Ast): Ast {
    const p = this.p;
    let min: number;
    let max: number;
    const c = p[this.i];
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(this.i, this.i + 40));
      if (!m) return atom;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (p[this.i] === "?") this.i++; // lazy: the same paths, another order
    return { kind: "repeat", body: atom, min, max };
  }

  private depth = 0;

  private atom(): Ast {
    const p = this.p;
    const c = p[this.i]!;
    if (c === "(") {
      this.i++;
      if (++this.depth > MAX_DEPTH) throw new Refused(`it nests groups more than ${MAX_DEPTH} deep, more than this check follows`);
      if (p[this.i] === "?") {
        const kind = p.slice(this.i, this.i + 3);
        if (kind.startsWith("?=") || kind.startsWith("?!") || kind === "?<=" || kind === "?<!") {
          throw new Refused("it uses a lookaround ((?=, (?!, (?<=, (?<!), which this check cannot prove safe");
        }
        if (kind.startsWith("?:")) this.i += 2;
        else if (kind.startsWith("?<")) this.i = p.indexOf(">", this.i) + 1;
        else throw new Refused("it uses a group modifier this check does not know");
      }
      const inner = this.alternation();
      if (p[this.i] !== ")") throw new Refused("it has an unmatched '('");
      this.i++;
      this.depth--;
      return inner;
    }
    if (c === "^" || c === "$") {
      this.i++;
      return { kind: "empty" };
    }
    if (c === "[") return { kind: "chars", set: this.charClass() };
    if (c === ".") {
      this.i++;
      return { kind: "chars", set: DOT };
    }
    if (c === "\\") {
      const next = p[this.i + 1] ?? "";
      if (next === "b" || next === "B") {
        this.i += 2;
        return { kind: "empty" };
      }
      if (/[1-9]/.test(next) || next === "k") throw new Refused("it uses a backreference, which can take exponential time");
      return { kind: "chars", set: this.escape(false) };
    }
    const ch = String.fromCodePoint(p.codePointAt(this.i)!);
    this.i += ch.length;
    return { kind: "chars", set: [[cp(ch), cp(ch)]] };
  }

  /** An escape at i (backslash included); in a class, `\b` is a backspace. */
  private escape(inClass: boolean): CharSet {
    const p = this.p;
    const next = p[this.i + 1]!;
    this.i += 2;
    switch (next) {
      case "d":
        return DIGIT;
      case "D":
        return negate(DIGIT);
      case "w":
        return WORD;
      case "W":
        return negate(WORD);
      case "s":
        return SPACE;
      case "S":
        return negate(SPACE);
      case "p":
      case "P":
        this.i = p.indexOf("}", this.i) + 1;
        return ALL; // a Unicode property: taken as every character (more paths, never fewer)
      case "n":
        return [[10, 10]];
      case "r":
        return [[13, 13]];
      case "t":
        return [[9, 9]];
      case "f":
        return [[12, 12]];
      case "v":
        return [[11, 11]];
      case "0":
        return [[0, 0]];
      case "b":
        return inClass ? [[8, 8]] : ALL;
      case "c": {
        const code = p.charCodeAt(this.i) % 32;
        this.i++;
        return [[code, code]];
      }
      case "x": {
        const code = parseInt(p.slice(this.i, this.i + 2), 16);
        this.i += 2;
        return [[code, code]];
      }
      case "u": {
        let code: number;
        if (p[this.i] === "{") {
          const end = p.indexOf("}", this.i);
          code = parseInt(p.slice(this.i + 1, end), 16);
          this.i = end + 1;
        } else {
          code = parseInt(p.slice(this.i, this.i + 4), 16);
          this.i += 4;
          // A surrogate pair written as two escapes is one character.
          if (code >= 0xd800 && code <= 0xdbff && p.slice(this.i, this.i + 2) === "\\u") {
            const low = parseInt(p.slice(this.i + 2, this.i + 6), 16);
            if (low >= 0xdc00 && low <= 0xdfff) {
              code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
              this.i += 6;
            }
          }
        }
        return [[code, code]];
      }
      default: {
        const ch = String.fromCodePoint(p.codePointAt(this.i - 1)!);
        this.i += ch.length - 1;
        return [[cp(ch), cp(ch)]];
      }
    }
  }

  private charClass(): CharSet {
    const p = this.p;
    this.i++; // [
    const negated = p[this.i] === "^";
    if (negated) this.i++;
    const ranges: [number, number][] = [];
    /** One class member: a single character (its code point) or a set (\d and the like). */
    const member = (): number | CharSet => {
      if (p[this.i] === "\\") {
        const isSet = /[dDwWsSpP]/.test(p[this.i + 1] ?? "");
        const set = this.escape(true);
        return isSet ? set : set[0]![0];
      }
      const ch = String.fromCodePoint(p.codePointAt(this.i)!);
      this.i += ch.length;
      return cp(ch);
    };
    while (this.i < p.length && p[this.i] !== "]") {
      const from = member();
      if (p[this.i] === "-" && p[this.i + 1] !== "]" && typeof from === "number") {
        this.i++;
        const to = member();
        if (typeof to === "number") {
          ranges.push([from, to]);
          continue;
        }
        ranges.push([from, from], [45, 45], ...to.map(([a, b]) => [a, b] as [number, number]));
        continue;
      }
      if (typeof from === "number") ranges.push([from, from]);
      else ranges.push(...from.map(([a, b]) => [a, b] as [number, number]));
    }
    this.i++; // ]
    const set = normalize(ranges);
    return negated ? negate(set) : set;
  }
}

// ------------------------------------------------------------ the automaton

function nullable(ast: Ast): boolean {
  switch (ast.kind) {
    case "chars":
      return false;
    case "empty":
      return true;
    case "seq":
      return ast.items.every(nullable);
    case "alt":
      return ast.items.some(nullable);
    case "repeat":
      return ast.min === 0 || nullable(ast.body);
  }
}

/** Rule 2 (see the module comment). */
function checkEmptyMatches(ast: Ast): void {
  switch (ast.kind) {
    case "seq":
      ast.items.forEach(checkEmptyMatches);
      return;
    case "alt":
      if (ast.items.filter(nullable).length > 1) throw new Refused("two alternatives can both match the empty string, which can take exponential time");
      ast.items.forEach(checkEmptyMatches);
      return;
    case "repeat":
      if (ast.max > 0 && nullable(ast.body)) throw new Refused("a repeated or optional part can match the empty string (such as (a*)* or (a?)+), which can take exponential time");
      checkEmptyMatches(ast.body);
      return;
    default:
      return;
  }
}

/** Counted repetition as copies (nested optional copies for the optional ones), or as a loop when large. */
function unroll(ast: Ast): Ast {
  switch (ast.kind) {
    case "seq":
      return { kind: "seq", items: ast.items.map(unroll) };
    case "alt":
      return { kind: "alt", items: ast.items.map(unroll) };
    case "repeat": {
      const body = unroll(ast.body);
      const { min, max } = ast;
      if (max === 0) return { kind: "empty" };
      if (min === max && min === 1) return body;
      if (max === Infinity) {
        if (min <= 1) return { kind: "repeat", body, min, max };
        if (min > MAX_UNROLL) return { kind: "repeat", body, min: 1, max: Infinity };
        return { kind: "seq", items: [...Array.from({ length: min - 1 }, () => body), { kind: "repeat", body, min: 1, max: Infinity }] };
      }
      // A wide range is checked as a loop: unrolled, its copies would be ways to split a text without any loop to show it.
      if (max > MAX_UNROLL || max - min > MAX_RANGE) {
        if (min <= 1 || min > MAX_UNROLL) return { kind: "repeat", body, min: Math.min(min, 1), max: Infinity };
        return { kind: "seq", items: [...Array.from({ length: min - 1 }, () => body), { kind: "repeat", body, min: 1, max: Infinity }] };
      }
      // x{n,m} = x … x (x (x …)?)?: each optional copy only after the one before it.
      let optional: Ast | undefined;
      for (let k = 0; k < max - min; k++) optional = { kind: "repeat", body: optional ? { kind: "seq", items: [body, optional] } : body, min: 0, max: 1 };
      const items = [...Array.from({ length: min }, () => body), ...(optional ? [optional] : [])];
      return items.length === 1 ? items[0]! : { kind: "seq", items };
    }
    default:
      return ast;
  }
}

/**
 * Thompson's automaton: states that read a character (`sets`) and silent
 * moves between states. Returns the moves from each state after it reads
 * its character, as lists of reading states with the number of distinct
 * silent paths to each (capped at 2).
 */
function automaton(ast: Ast): { sets: CharSet[]; next: Map<number, number>[] } {
  const sets: CharSet[] = [];
  /** Silent moves; state ids: reading states and silent ones share one numbering. */
  const silent: number[][] = [];
  const reading = new Map<number, number>(); // state id → index in sets
  const state = () => {
    silent.push([]);
    return silent.length - 1;
  };
  const build = (node: Ast): [number, number] => {
    switch (node.kind) {
      case "chars": {
        const s = state();
        const out = state();
        reading.set(s, sets.length);
        sets.push(node.set);
        if (sets.length > MAX_STATES) throw new Refused(`it is too large to check (more than ${MAX_STATES} character positions once counted repetition is unrolled)`);
        // The move from s to out reads the character; kept apart from the silent moves.
        readMove.set(s, out);
        return [s, out];
      }
      case "empty": {
        const s = state();
        return [s, s];
      }
      case "seq": {
        const start = state();
        let end = start;
        for (const item of node.items) {
          const [a, b] = build(item);
          silent[end]!.push(a);
          end = b;
        }
        return [start, end];
      }
      case "alt": {
        const start = state();
        const end = state();
        for (const item of node.items) {
          const [a, b] = build(item);
          silent[start]!.push(a);
          silent[b]!.push(end);
        }
        return [start, end];
      }
      case "repeat": {
        // After unroll: min 0 or 1, max 1 or Infinity.
        const start = state();
        const end = state();
        const [a, b] = build(node.body);
        silent[start]!.push(a);
        if (node.min === 0) silent[start]!.push(end);
        silent[b]!.push(end);
        if (node.max === Infinity) silent[b]!.push(a);
        return [start, end];
      }
    }
  };
  const readMove = new Map<number, number>();
  const [start] = build(ast);
  void start;
  // From each reading state's after-state, the reading states reached by silent paths, with how many paths.
  const memo = new Map<number, Map<number, number>>();
  const reach = (s: number): Map<number, number> => {
    const known = memo.get(s);
    if (known) return known;
    const out = new Map<number, number>();
    memo.set(s, out);
    const r = reading.get(s);
    if (r !== undefined) {
      out.set(r, 1);
      return out;
    }
    for (const t of silent[s]!) for (const [k, n] of reach(t)) out.set(k, Math.min(2, (out.get(k) ?? 0) + n));
    return out;
  };
  const next: Map<number, number>[] = [];
  for (const [s, idx] of reading) next[idx] = reach(readMove.get(s)!);
  return { sets, next };
}

/** Rule 3 (see the module comment) on the automaton's product. */
function checkAmbiguity(sets: readonly CharSet[], next: readonly Map<number, number>[]): void {
  const n = sets.length;
  const key = (p: number, q: number) => p * n + q;
  /** Product moves from (p,q): pairs of next states whose characters overlap; `twice` when p = q and the two moves differ. */
  const moves = (p: number, q: number): { to: number; twice: boolean }[] => {
    const out: { to: number; twice: boolean }[] = [];
    for (const [p2, np] of next[p]!) {
      for (const [q2] of next[q]!) {
        if (p2 !== q2 && !overlaps(sets[p2]!, sets[q2]!)) continue;
        out.push({ to: key(p2, q2), twice: p === q && p2 === q2 && np > 1 });
      }
    }
    return out;
  };
  // The product states reachable from the diagonal (two paths from one state), with their moves.
  const graph = new Map<number, { to: number; twice: boolean }[]>();
  const queue: number[] = [];
  for (let p = 0; p < n; p++) {
    queue.push(key(p, p));
    graph.set(key(p, p), []);
  }
  for (let h = 0; h < queue.length; h++) {
    const k = queue[h]!;
    const m = moves(Math.floor(k / n), k % n);
    graph.set(k, m);
    for (const { to } of m) {
      if (!graph.has(to)) {
        graph.set(to, []);
        queue.push(to);
      }
    }
    if (queue.length > 400_000) throw new Refused("it is too large to check");
  }
  // Strongly connected parts (Tarjan, without recursion).
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const comp = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  let counter = 0;
  let comps = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: [number, number][] = [[root, 0]];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      const edges = graph.get(v)!;
      if (i < edges.length) {
        top[1]++;
        const w = edges[i]!.to;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]![0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        for (;;) {
          const w = stack.pop()!;
          onStack.delete(w);
          comp.set(w, comps);
          if (w === v) break;
        }
        comps++;
      }
    }
  }
  // EDA: a part with a diagonal state and a different pair, or two different moves inside it.
  const diagonal = new Set<number>();
  const mixed = new Set<number>();
  for (const [k, edges] of graph) {
    const c = comp.get(k)!;
    const p = Math.floor(k / n);
    const q = k % n;
    for (const { to, twice } of edges) {
      if (comp.get(to) !== c) continue;
      if (p === q) diagonal.add(c);
      if (p !== q || twice) mixed.add(c);
    }
  }
  for (const c of diagonal) {
    if (mixed.has(c)) throw new Refused("one piece of text can be matched in two ways again and again (nested or overlapping repetition such as (a+)+ or (a|aa)*), which takes exponential time");
  }
  // Finite ambiguity: each place where two ways to match the same text part (and can meet again) may double the work.
  const meets = new Set<number>();
  const reverse = new Map<number, number[]>();
  for (const [k, edges] of graph) for (const { to } of edges) (reverse.get(to) ?? reverse.set(to, []).get(to)!).push(k);
  const todo: number[] = [];
  for (let p = 0; p < n; p++) (meets.add(key(p, p)), todo.push(key(p, p)));
  while (todo.length > 0) for (const from of reverse.get(todo.pop()!) ?? []) if (!meets.has(from)) (meets.add(from), todo.push(from));
  let divergences = 0;
  for (let p = 0; p < n; p++) for (const { to, twice } of graph.get(key(p, p))!) if (twice || (to % n !== Math.floor(to / n) && meets.has(to))) divergences++;
  if (divergences > MAX_DIVERGENCES) {
    throw new Refused(`one piece of text can be matched in more than ${MAX_DIVERGENCES} places in two ways (such as (a|a)(a|a)…), which can take exponential time`);
  }
  // IDA: p ≠ q on loops, (p,p) reaches (p,q) reaches (q,q).
  const looping = (p: number) => diagonal.has(comp.get(key(p, p))!);
  const reachable = (from: number): Set<number> => {
    const seen = new Set([from]);
    const todo = [from];
    while (todo.length > 0) for (const { to } of graph.get(todo.pop()!)!) if (!seen.has(to)) (seen.add(to), todo.push(to));
    return seen;
  };
  for (let p = 0; p < n; p++) {
    if (!looping(p)) continue;
    const fromP = reachable(key(p, p));
    for (const k of fromP) {
      const q = k % n;
      if (Math.floor(k / n) !== p || q === p || !looping(q)) continue;
      if (reachable(k).has(key(q, q))) {
        throw new Refused("two repetitions can match the same text one after the other (such as \\d*\\d* or .*a.*), which takes polynomial time of a high degree");
      }
    }
  }
}

/** Whether the pattern is proven free of super-linear backtracking (see the module comment). */
export function checkPattern(pattern: string): PatternVerdict {
  try {
    new RegExp(pattern, "u");
  } catch (e) {
    return { ok: false, why: `it is not a valid regular expression (${(e as Error).message.slice(0, 120)})` };
  }
  try {
    const ast = new Parser(pattern).parse();
    checkEmptyMatches(ast);
    const { sets, next } = automaton(unroll(ast));
    checkAmbiguity(sets, next);
    return { ok: true };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, why: e.message };
    throw e;
  }
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
