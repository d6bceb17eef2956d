/**
 * Several queries in one text, as rule repositories and Microsoft's webcast
 * files write them: separated by blank lines, with `let` statements that the
 * queries after them use. Kusto's parser decides:
 *
 * - a text that parses as it is, is one query (blank lines inside it or not);
 * - otherwise it is cut at blank lines, and neighbouring pieces are joined back
 *   when the next piece continues the previous one (it starts with `|`), when the
 *   previous is only comments, or when together they parse better than apart
 *   (a string or parenthesis spanning a blank line);
 * - a piece of only `let` statements is carried into every query after it.
 *
 * Each query knows the place of every offset in the original text, so findings
 * point at the file's own lines and columns.
 */
import type { Kusto } from "./kusto.js";
import type { Query } from "./queries.js";

/** A piece of the original text, as [start, end) offsets. */
interface Piece {
  readonly start: number;
  readonly end: number;
}

/** Pieces of a text between blank lines (lines of only white space). */
function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let start = -1;
  let offset = 0;
  let lastEnd = 0;
  for (const line of text.split("\n")) {
    const lineEnd = offset + line.length;
    if (line.trim() === "") {
      if (start !== -1) out.push({ start, end: lastEnd });
      start = -1;
    } else {
      if (start === -1) start = offset;
      lastEnd = lineEnd;
    }
    offset = lineEnd + 1;
  }
  if (start !== -1) out.push({ start, end: lastEnd });
  return out;
}

/** Whether a text is only `//` comments. */
function onlyComments(text: string): boolean {
  return text.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("//"));
}

/** A query made of pieces of another's text: offsets map back through the pieces. */
function composed(parent: Query, parts: readonly Piece[]): Query {
  let text = "";
  const map: { at: number; start: number; length: number }[] = [];
  for (const p of parts) {
    if (text !== "") text += "\n";
    map.push({ at: text.length, start: p.start, length: p.end - p.start });
    text += parent.text.slice(p.start, p.end);
  }
  return {
    text,
    ...(parent.pointer !== undefined ? { pointer: parent.pointer } : {}),
    position(offset) {
      let segment = map[0]!;
      for (const m of map) if (m.at <= offset) segment = m;
      return parent.position(segment.start + Math.max(0, Math.min(offset - segment.at, segment.length)));
    },
  };
}

/** The queries of a text that may hold several (see the file comment). */
export function splitQueries(kusto: Kusto, query: Query): Query[] {
  if (!query.multi || kusto.syntaxErrors(query.text).count === 0) return [query];
  const all = pieces(query.text);
  if (all.length <= 1) return [query];
  const slice = (p: Piece) => query.text.slice(p.start, p.end);
  // Joining by parsing re-parses growing texts: a budget of characters parsed keeps a hostile file linear.
  let budget = 8 * query.text.length + 100_000;
  const errors = (p: Piece) => {
    budget -= p.end - p.start;
    return kusto.syntaxErrors(slice(p)).count;
  };
  const groups: Piece[] = [];
  for (const piece of all) {
    const previous = groups[groups.length - 1];
    if (previous) {
      const joined = { start: previous.start, end: piece.end };
      const continues = slice(piece).trimStart().startsWith("|") || onlyComments(slice(previous));
      const before = continues || budget < 0 ? 0 : errors(previous);
      if (continues || (before > 0 && errors(joined) < before + errors(piece))) {
        groups[groups.length - 1] = joined;
        continue;
      }
    }
    groups.push(piece);
  }
  // Trailing comments belong to the query before them.
  if (groups.length > 1 && onlyComments(slice(groups[groups.length - 1]!))) {
    const last = groups.pop()!;
    groups[groups.length - 1] = { start: groups[groups.length - 1]!.start, end: last.end };
  }
  const out: Query[] = [];
  const lets: Piece[] = [];
  let pendingLets = false;
  for (const group of groups) {
    if (kusto.onlyLets(slice(group))) {
      lets.push(group);
      pendingLets = true;
      continue;
    }
    out.push(composed(query, [...lets, group]));
    pendingLets = false;
  }
  // Definitions no query follows are still checked.
  if (pendingLets || out.length === 0) out.push(composed(query, lets));
  return out;
}
