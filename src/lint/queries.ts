/**
 * The queries of a file, each with a way back from an offset in the query to
 * a line and column of the file: a `.kql` file is one query; a YAML rule file
 * holds one under every `query:` key, at any depth (js-yaml's event stream
 * gives each scalar's place in the source; offsets inside the decoded value
 * are mapped back through block indentation, line folding and escapes).
 */
import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents, type Event, type ScalarEvent } from "js-yaml";
import { pointerToken } from "../../templates/runtime/validation.js";

/** A 1-based line and column (in UTF-16 code units). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Query {
  readonly text: string;
  /** JSON Pointer of the query in a YAML file, e.g. "/query" or "/rules/2/query"; undefined for a KQL file. */
  readonly pointer?: string;
  /** May hold several blank-line-separated queries (a .kql file, a Markdown code block); a YAML rule's query is one. */
  readonly multi?: boolean;
  /** The file position of an offset in `text` (an offset past the end maps after the last character). */
  position(offset: number): Position;
}

export interface SyntaxProblem {
  readonly position: Position;
  readonly message: string;
}

export interface FileQueries {
  readonly queries: readonly Query[];
  /** A YAML file that does not parse. */
  readonly problem?: SyntaxProblem;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** A function from an offset in `text` to a 1-based line and column. */
export function positionsOf(text: string): (offset: number) => Position {
  const starts = lineStarts(text);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: at - starts[lo]! + 1 };
  };
}

/** A .kql file: the whole text, one query or several separated by blank lines (see split.ts). */
export function kqlFileQueries(text: string): FileQueries {
  const position = positionsOf(text);
  return { queries: text.trim() === "" ? [] : [{ text, position, multi: true }] };
}

/** Info strings of fenced code blocks that hold KQL. */
const KQL_FENCES = new Set(["kql", "kusto", "csl"]);

/**
 * A Markdown (or plain text) file: every fenced code block marked kql or kusto
 * (``` or ~~~, CommonMark's rules for opening and closing fences), each with
 * positions in the file.
 */
export function markdownFileQueries(text: string): FileQueries {
  const position = positionsOf(text);
  const queries: Query[] = [];
  const lines = text.split("\n");
  let offset = 0;
  let open: { fence: string; indent: number; kql: boolean; start: number } | undefined;
  for (const line of lines) {
    const lineStart = offset;
    offset += line.length + 1;
    const m = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line.replace(/\r$/, ""));
    if (!open) {
      if (!m) continue;
      const info = m[3]!.trim();
      if (m[2]![0] === "`" && info.includes("`")) continue;
      const lang = info.split(/[\s{]/)[0]!.toLowerCase();
      open = { fence: m[2]!, indent: m[1]!.length, kql: KQL_FENCES.has(lang), start: Math.min(offset, text.length) };
    } else if (m && m[2]![0] === open.fence[0] && m[2]!.length >= open.fence.length && m[3]!.trim() === "") {
      if (open.kql) {
        const start = open.start;
        const body = text.slice(start, lineStart);
        if (body.trim() !== "") queries.push({ text: body, multi: true, position: (o) => position(start + Math.max(0, Math.min(o, body.length))) });
      }
      open = undefined;
    }
  }
  if (open?.kql) {
    // A block left open runs to the end of the file (CommonMark).
    const start = open.start;
    const body = text.slice(start);
    if (body.trim() !== "") queries.push({ text: body, multi: true, position: (o) => position(start + Math.max(0, Math.min(o, body.length))) });
  }
  return { queries };
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\r" || c === "\n";

/** What a double-quoted YAML escape at `j` stands for, and its length; text "" for an escaped line break. */
function yamlEscape(src: string, j: number): { text: string; length: number } | undefined {
  const c = src[j + 1];
  const simple: Record<string, string> = {
    "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
    " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029",
  };
  if (c === undefined) return undefined;
  if (c in simple) return { text: simple[c]!, length: 2 };
  if (c === "\n") return { text: "", length: 2 };
  if (c === "\r") return { text: "", length: src[j + 2] === "\n" ? 3 : 2 };
  const digits = c === "x" ? 2 : c === "u" ? 4 : c === "U" ? 8 : 0;
  if (!digits) return undefined;
  const hex = src.slice(j + 2, j + 2 + digits);
  if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
  const code = parseInt(hex, 16);
  if (code > 0x10ffff) return undefined;
  return { text: String.fromCodePoint(code), length: 2 + digits };
}

/**
 * For each character of a scalar's decoded value, its offset in the source
 * (plus one entry for the end); undefined when the two cannot be aligned.
 */
export function alignScalar(src: string, event: ScalarEvent, value: string): number[] | undefined {
  const { valueStart: start, valueEnd: end, style } = event;
  const block = style === SCALAR_STYLE.LITERAL_BLOCK || style === SCALAR_STYLE.FOLDED_BLOCK;
  const offsets: number[] = new Array(value.length + 1);
  let i = 0;
  let j = start;
  let lineStart = block;
  while (i < value.length) {
    if (lineStart) {
      for (let k = 0; k < event.indent && src[j] === " "; k++) j++;
      lineStart = false;
    }
    if (j >= end) return undefined;
    const c = src[j]!;
    if (style === SCALAR_STYLE.DOUBLE_QUOTED && c === "\\") {
      const escape = yamlEscape(src, j);
      if (!escape) return undefined;
      if (escape.text !== "") {
        if (!value.startsWith(escape.text, i)) return undefined;
        for (let k = 0; k < escape.text.length; k++) offsets[i + k] = j;
        i += escape.text.length;
      }
      j += escape.length;
      continue;
    }
    if (style === SCALAR_STYLE.SINGLE_QUOTED && c === "'" && src[j + 1] === "'") {
      if (value[i] !== "'") return undefined;
      offsets[i++] = j;
      j += 2;
      continue;
    }
    if (c === value[i] || (isSpace(c) && isSpace(value[i]))) {
      // The same character, or a line break folded into a space (or kept as a line break).
      offsets[i++] = j++;
      if (c === "\n") lineStart = block;
      continue;
    }
    if (isSpace(c)) {
      // Indentation of a continuation line, or a line break the value folded away.
      j++;
      if (c === "\n") lineStart = block;
      continue;
    }
    return undefined;
  }
  offsets[value.length] = value.length > 0 ? offsets[value.length - 1]! + 1 : start;
  return offsets;
}

type Frame =
  | { readonly kind: "map"; readonly pointer: string; key: string | undefined; expectKey: boolean }
  | { readonly kind: "seq"; readonly pointer: string; index: number }
  | { readonly kind: "doc"; readonly pointer: string }
  | { readonly kind: "key"; readonly pointer: string };


/** The anchor an event defines (`&name`) or an alias refers to (`*name`), without its sigil. */
function anchorName(text: string, event: { anchorStart: number; anchorEnd: number }): string | undefined {
  if (!(event.anchorStart >= 0) || !(event.anchorEnd > event.anchorStart)) return undefined;
  return text.slice(event.anchorStart, event.anchorEnd).replace(/^[&*]/, "");
}

/** Whether a mapping key names a query. */
export function isQueryKey(key: string): boolean {
  return key.toLowerCase() === "query";
}

/** The queries of a YAML rule file: every string under a `query:` key. */
export function yamlFileQueries(text: string): FileQueries {
  const position = positionsOf(text);
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch (e) {
    const err = e as { reason?: string; message?: string; mark?: { line: number; column: number } };
    const mark = err.mark;
    return {
      queries: [],
      problem: {
        position: mark ? { line: mark.line + 1, column: mark.column + 1 } : { line: 1, column: 1 },
        message: `the YAML does not parse: ${err.reason ?? err.message ?? String(e)}`,
      },
    };
  }
  const scalarQuery = (event: ScalarEvent, value: string, pointer: string): Query => {
    const offsets = alignScalar(text, event, value);
    const start = event.valueStart;
    return { text: value, pointer, position: (offset) => position(offsets ? offsets[Math.max(0, Math.min(offset, value.length))]! : start) };
  };
  const queries: Query[] = [];
  const stack: Frame[] = [];
  /** Anchored scalars (`&name`), for `query: *name`: the query text is linted where the anchor defines it. */
  const anchors = new Map<string, { event: ScalarEvent; value: string; isQuery: boolean }>();
  /** Where the next node goes: its JSON Pointer and, for a map value, its key; "key" for a map key. */
  const place = (): { pointer: string; key?: string; isKey: boolean } => {
    const top = stack[stack.length - 1];
    if (!top) return { pointer: "", isKey: false };
    switch (top.kind) {
      case "map":
        if (top.expectKey) return { pointer: top.pointer, isKey: true };
        return { pointer: `${top.pointer}/${pointerToken(top.key ?? "?")}`, key: top.key, isKey: false };
      case "seq":
        return { pointer: `${top.pointer}/${top.index}`, isKey: false };
      default:
        return { pointer: top.pointer, isKey: top.kind === "key" };
    }
  };
  /** Records that a node took its place in the parent. */
  const advance = (keyValue?: string) => {
    const top = stack[stack.length - 1];
    if (top?.kind === "map") {
      if (top.expectKey) top.key = keyValue;
      top.expectKey = !top.expectKey;
    } else if (top?.kind === "seq") top.index++;
  };
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        stack.push({ kind: "doc", pointer: "" });
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const { pointer, isKey } = place();
        advance(undefined);
        if (isKey) stack.push({ kind: "key", pointer });
        else if (event.type === EVENT_ID.MAPPING) stack.push({ kind: "map", pointer, key: undefined, expectKey: true });
        else stack.push({ kind: "seq", pointer, index: 0 });
        break;
      }
      case EVENT_ID.POP:
        stack.pop();
        break;
      case EVENT_ID.ALIAS: {
        const { pointer, key, isKey } = place();
        advance(undefined);
        const anchor = anchors.get(anchorName(text, event) ?? "");
        // An alias of a scalar already linted as a query (under its own query: key) is not linted twice.
        if (isKey || key === undefined || !isQueryKey(key) || !anchor || anchor.isQuery || anchor.value.trim() === "") break;
        anchor.isQuery = true;
        queries.push(scalarQuery(anchor.event, anchor.value, pointer));
        break;
      }
      case EVENT_ID.SCALAR: {
        const { pointer, key, isKey } = place();
        const top = stack[stack.length - 1];
        if (top?.kind === "key") break; // inside a complex key: ignored
        const value = getScalarValue(text, event);
        advance(isKey ? value : undefined);
        const isQuery = !isKey && key !== undefined && isQueryKey(key) && value.trim() !== "";
        const anchor = anchorName(text, event);
        if (anchor) anchors.set(anchor, { event, value, isQuery });
        if (isQuery) queries.push(scalarQuery(event, value, pointer));
        break;
      }
    }
  }
  return { queries };
}
