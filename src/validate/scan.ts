/**
 * Finds the records in streamed data, incrementally, without holding a whole
 * file: Event Hubs message bodies `{"records":[...]}` (one per file, one per
 * line, or pretty-printed) and Storage JSON lines, told apart by content.
 *
 * It works on the bytes. Data arrives in chunks; `feed` handles every complete
 * unit it can and says how far it got, and the caller keeps the rest and feeds
 * it again with more. Each record's bytes are decoded and given to
 * `JSON.parse` on their own — a message of any size is never decoded, parsed
 * or held whole, and every string stays small (V8's young generation frees
 * it cheaply).
 *
 * Finding where a record ends is the cost to keep small: a byte-by-byte scan
 * costs about a third of `JSON.parse`. Instead, the opening of the message's
 * first record (`{"time":` as Defender writes it) is learned, its next
 * occurrence found with `indexOf` (memchr speed), and the bytes before it
 * parsed. A successful parse proves the cut right: a JSON value that starts at
 * `{` ends exactly at its matching `}`, and JSON.parse accepts nothing after
 * it. A failed one falls back to the exact scan (strings, escapes, nesting),
 * which also locates corrupt records. JSON lines are cut at line ends.
 */

import { isUtf8 } from "node:buffer";

/** What the scanner finds. Positions are byte indexes in the buffer of the current `feed`. */
export interface ScanHandler {
  /**
   * A parsed record: `start` is where its bytes start; `record` its index in
   * the message's `records` array, or -1 for a line of JSON lines. `text`:
   * the JSON text it was parsed from (it may hold more than the record: the
   * records of a message parsed whole come in order, with the same text).
   */
  value(value: unknown, start: number, record: number, text: string): void;
  /** Bytes that are not what they should be (malformed or truncated), at `at`; `record` as above, -1 when not in a message. */
  corrupt(at: number, record: number, message: string): void;
  /** The file is not streamed data at all (it does not start with a JSON object); the rest of it is skipped. */
  notData(message: string): void;
}

const enum Mode {
  /** Between top-level units (messages or lines). */
  Top,
  /** Inside a message's `records` array, before a record or the closing `]`. */
  Records,
  /** After a message's `records` array, before its closing `}`. */
  MessageEnd,
  /** After broken structure inside a message: looking for the next record or top-level unit. */
  Resync,
  /** Not data: everything is skipped. */
  Skip,
}

/** Bytes enough to tell a message head `{ "records" : [` from a record line. */
const HEAD_LOOKAHEAD = 256;
/** A unit larger than this is reported as corrupt rather than buffered. */
export const MAX_UNIT_BYTES = 64 * 1024 * 1024;

/** Where the bytes from `pos` to `end` stop being valid UTF-8 (an offset from `pos`), or -1 when they are valid. */
function badUtf8(buf: Buffer, pos: number, end: number): number {
  if (isUtf8(buf.subarray(pos, end))) return -1;
  // Rare: walk the sequences to the first one that is not valid (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
  const cont = (k: number, lo = 0x80, hi = 0xbf) => k < end && buf[k]! >= lo && buf[k]! <= hi;
  let i = pos;
  while (i < end) {
    const b = buf[i]!;
    let len = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const ok1 = b === 0xe0 ? cont(i + 1, 0xa0) : b === 0xed ? cont(i + 1, 0x80, 0x9f) : cont(i + 1);
      len = ok1 && cont(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const ok1 = b === 0xf0 ? cont(i + 1, 0x90) : b === 0xf4 ? cont(i + 1, 0x80, 0x8f) : cont(i + 1);
      len = ok1 && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (len === 0) return i - pos;
    i += len;
  }
  return end - pos;
}

const NEED_MORE = -1;
const BROKEN = -2;
const TRUNCATED = -3;

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const LF = 10;
const CR = 13;

const RECORDS_KEY = Buffer.from('"records"');
const NEWLINE_BRACE = Buffer.from("\n{");
const EMPTY = Buffer.alloc(0);

function isWs(c: number): boolean {
  return c === 32 || c === LF || c === CR || c === 9;
}

/** Normalizes V8's JSON.parse message: the reason, and the position it names (a character index of the parsed text), if any. */
export function parseFailure(e: unknown): { reason: string; at: number | undefined } {
  const message = e instanceof Error ? e.message : String(e);
  const positioned = /^(.*?) in JSON at position (\d+)/.exec(message);
  if (positioned) return { reason: positioned[1]!, at: Number(positioned[2]) };
  const token = /^(Unexpected token .*?), .* is not valid JSON$/s.exec(message);
  if (token) return { reason: token[1]!, at: undefined };
  return { reason: message, at: undefined };
}

export class Scanner {
  private mode = Mode.Top;
  private atFileStart = true;
  /** Top-level units seen so far. */
  private units = 0;
  /** The opening of the current message's first record up to its first key (`{"time":`), or undefined when unknown. */
  private opening: Buffer | undefined;
  /** Index of the next record in the current message. */
  private record = 0;
  /** Line where the current message started (for reports of a message that never ends). */
  private messageLine = 1;
  /** The buffer of the current feed, cut at its end (so searches stop there). */
  private buf: Buffer = EMPTY;
  private end = 0;
  // Line bookkeeping: `curLine` is the 1-based line at `linePos`; `nextNewline` the first "\n" at or after
  // linePos (-1: not looked for yet; `end`: none before the end).
  private curLine = 1;
  private linePos = 0;
  private nextNewline = -1;
  /** The line at the start of the next feed. */
  private lineBase = 1;

  constructor(private readonly handler: ScanHandler) {}

  /** The 1-based line of a position of the current feed. */
  lineAt(pos: number): number {
    if (pos === this.linePos) return this.curLine;
    const buf = this.buf;
    if (pos < this.linePos) {
      // Behind the cursor (rare): step back over the newlines in between.
      let line = this.curLine;
      for (let nl = buf.indexOf(LF, pos); nl !== -1 && nl < this.linePos; nl = buf.indexOf(LF, nl + 1)) line--;
      this.curLine = line;
      this.linePos = pos;
      this.nextNewline = -1;
      return line;
    }
    let nl = this.nextNewline;
    if (nl < this.linePos) nl = buf.indexOf(LF, this.linePos);
    let line = this.curLine;
    while (nl !== -1 && nl < pos) {
      line++;
      nl = buf.indexOf(LF, nl + 1);
    }
    this.curLine = line;
    this.linePos = pos;
    this.nextNewline = nl === -1 ? this.end : nl;
    return line;
  }

  /** The line at the end of the data fed so far (after a feed). */
  get line(): number {
    return this.lineBase;
  }

  /** Whether the file was found not to be streamed data (the reader may stop reading it). */
  get skipping(): boolean {
    return this.mode === Mode.Skip;
  }

  /** Moves the line cursor past a newline at `nl`, the first one at or after the cursor. */
  private passNewline(nl: number): void {
    this.curLine++;
    this.linePos = nl + 1;
    this.nextNewline = -1;
  }

  /**
   * Handles every complete unit of buf[start..end) and returns the position
   * up to which it was used; the bytes from there must come back at the start
   * of the next feed. `eof`: no more data follows.
   */
  feed(buf: Buffer, start: number, end: number, eof: boolean): number {
    this.buf = end === buf.length ? buf : buf.subarray(0, end);
    this.end = end;
    this.curLine = this.lineBase;
    this.linePos = start;
    this.nextNewline = -1;
    let pos = start;
    if (this.atFileStart && end > start) {
      if (end - start < 3 && !eof) return start;
      this.atFileStart = false;
      if (buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) pos += 3; // UTF-8 BOM
    }
    const used = this.run(pos, eof);
    this.lineBase = this.lineAt(used);
    this.buf = EMPTY;
    return used;
  }

  private run(pos: number, eof: boolean): number {
    const buf = this.buf;
    const n = this.end;
    for (;;) {
      switch (this.mode) {
        case Mode.Top: {
          this.lineAt(pos);
          while (pos < n) {
            const c = buf[pos]!;
            if (c === LF) this.passNewline(pos);
            else if (!isWs(c)) break;
            pos++;
          }
          if (pos >= n) return pos;
          if (buf[pos] !== LBRACE) {
            // Binary data or a JSON array at the start: not data files at all. Text that is not a
            // record (a file cut at its start, say) is a corrupt line like any other.
            const notData = this.units === 0 ? describeNotData(buf, pos, n) : undefined;
            if (notData !== undefined) {
              this.handler.notData(`not Event Hubs message bodies or JSON lines: ${notData}`);
              this.mode = Mode.Skip;
              return n;
            }
            const nl = buf.indexOf(LF, pos);
            if (nl === -1 && !eof) return pos;
            this.handler.corrupt(pos, -1, `expected an Event Hubs message body {"records":[...]} or one JSON record per line, found ${describeBytes(buf, pos, n)}`);
            if (nl === -1) return n;
            this.passNewline(nl);
            pos = nl + 1;
            continue;
          }
          const head = messageHead(buf, pos, n);
          if (head === NEED_MORE && !eof && n - pos < HEAD_LOOKAHEAD) return pos;
          this.units++;
          if (head >= 0) {
            this.mode = Mode.Records;
            this.messageLine = this.lineAt(pos);
            this.record = 0;
            this.opening = undefined;
            pos = head;
            continue;
          }
          const next = this.lineUnit(pos, eof);
          if (next === NEED_MORE) return pos;
          pos = next;
          continue;
        }
        case Mode.Records: {
          while (pos < n && isWs(buf[pos]!)) pos++;
          if (pos >= n) {
            if (!eof) return pos;
            this.truncatedMessage(n);
            return n;
          }
          if (buf[pos] === RBRACKET) {
            this.mode = Mode.MessageEnd;
            pos++;
            continue;
          }
          const next = this.recordAt(pos, eof);
          if (next === NEED_MORE) return pos;
          pos = next;
          continue;
        }
        case Mode.MessageEnd: {
          while (pos < n && isWs(buf[pos]!)) pos++;
          if (pos >= n) {
            if (!eof) return pos;
            this.truncatedMessage(n);
            return n;
          }
          const c = buf[pos];
          if (c === RBRACE) {
            this.mode = Mode.Top;
            pos++;
            continue;
          }
          if (c === COMMA) {
            // More keys after "records": skip them up to the message's closing brace.
            const close = scanValue(buf, n, pos, pos + 1, 1, eof);
            if (close === NEED_MORE) return pos;
            if (close < 0) {
              this.handler.corrupt(pos, -1, "malformed message body: the keys after the records array do not end");
              this.mode = Mode.Resync;
              continue;
            }
            this.mode = Mode.Top;
            pos = close;
            continue;
          }
          this.handler.corrupt(pos, -1, `malformed message body: expected "}" after the records array, found ${describeBytes(buf, pos, n)}`);
          this.mode = Mode.Resync;
          continue;
        }
        case Mode.Resync: {
          const next = this.resync(pos, eof);
          if (next === NEED_MORE) return pos;
          pos = next;
          continue;
        }
        case Mode.Skip:
          return n;
      }
    }
  }

  /** A top-level unit that is not a message: one JSON record per line (or one pretty-printed record). Returns where the next unit starts. */
  private lineUnit(pos: number, eof: boolean): number {
    const buf = this.buf;
    const n = this.end;
    const nl = buf.indexOf(LF, pos);
    if (nl === -1 && !eof) {
      if (n - pos <= MAX_UNIT_BYTES) return NEED_MORE;
      this.handler.corrupt(pos, -1, `a line longer than ${MAX_UNIT_BYTES / (1024 * 1024)} MB: not one record (skipped)`);
      this.mode = Mode.Resync;
      return pos + 1;
    }
    const lineEnd = nl === -1 ? n : nl;
    const end = buf[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
    const bad = badUtf8(buf, pos, end);
    if (bad !== -1) {
      this.handler.corrupt(pos + bad, -1, `not valid UTF-8 (byte 0x${buf[pos + bad]!.toString(16).padStart(2, "0")}): the line is not checked`);
      if (nl === -1) return n;
      this.passNewline(nl);
      return nl + 1;
    }
    const text = buf.toString("utf8", pos, end);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (lineError) {
      // Perhaps one record over several lines (pretty-printed): find its exact end.
      const exact = scanValue(buf, n, pos, pos, 0, eof);
      if (exact === NEED_MORE) return NEED_MORE;
      if (exact > lineEnd) {
        let after = exact;
        while (after < n && (buf[after] === 32 || buf[after] === 9 || buf[after] === CR)) after++;
        if (after >= n || buf[after] === LF) {
          const bad = badUtf8(buf, pos, exact);
          if (bad !== -1) {
            this.handler.corrupt(pos + bad, -1, `not valid UTF-8 (byte 0x${buf[pos + bad]!.toString(16).padStart(2, "0")}): the record is not checked`);
            return after;
          }
          try {
            const whole = buf.toString("utf8", pos, exact);
            value = JSON.parse(whole);
            this.topValue(value, pos, whole);
            return after;
          } catch {
            // fall through: report the line
          }
        }
      }
      this.malformed(pos, -1, text, lineError, nl === -1 ? "the last line" : "a line");
      if (nl === -1) return n;
      this.passNewline(nl);
      return nl + 1;
    }
    this.topValue(value, pos, text);
    if (nl === -1) return n;
    this.passNewline(nl);
    return nl + 1;
  }

  /** A parsed top-level value: a record, or a message body whose "records" key was not first. */
  private topValue(value: unknown, pos: number, text: string): void {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const v = value as { category?: unknown; records?: unknown };
      if (v.category === undefined && Array.isArray(v.records)) {
        for (let i = 0; i < v.records.length; i++) this.handler.value(v.records[i], pos, i, text);
        return;
      }
    }
    this.handler.value(value, pos, -1, text);
  }

  /** The record starting at `pos` inside a message. Returns where the next record (or the closing `]`) starts. */
  private recordAt(pos: number, eof: boolean): number {
    const buf = this.buf;
    const n = this.end;
    const isObject = buf[pos] === LBRACE;
    if (isObject && this.opening === undefined) this.opening = recordOpening(buf, pos, n);
    // Fast path: the next record starts with the same opening, after a comma.
    const opening = this.opening;
    if (isObject && opening !== undefined) {
      const next = buf.indexOf(opening, pos + 1);
      if (next === -1) {
        // The record runs past the data fed so far (or is the message's last): wait for more before scanning.
        if (!eof && n - pos <= MAX_UNIT_BYTES) return NEED_MORE;
      } else {
        let q = next - 1;
        while (isWs(buf[q]!)) q--;
        if (buf[q] === COMMA) {
          let end = q;
          while (isWs(buf[end - 1]!)) end--;
          let value: unknown;
          let ok = badUtf8(buf, pos, end) === -1;
          const text = ok ? buf.toString("utf8", pos, end) : "";
          try {
            if (ok) value = JSON.parse(text);
          } catch {
            ok = false;
          }
          if (ok) {
            this.handler.value(value, pos, this.record++, text);
            return next;
          }
        }
      }
    }
    // Records that open differently (another first key) would fail the fast path every time: learn this one's.
    if (isObject && opening !== undefined) this.opening = recordOpening(buf, pos, n) ?? opening;
    // Exact path: scan strings and nesting to the record's end.
    const end = scanValue(buf, n, pos, pos, 0, eof);
    if (end === NEED_MORE) return NEED_MORE;
    if (end === TRUNCATED) {
      this.handler.corrupt(pos, this.record, "truncated: the file ends inside this record");
      this.record++;
      this.mode = Mode.Top;
      return n;
    }
    if (end === BROKEN) return this.brokenMessage(pos);
    if (end === pos) {
      this.handler.corrupt(pos, this.record, `malformed JSON: expected a record, found ${describeBytes(buf, pos, n)}`);
      this.record++;
      return pos + 1;
    }
    let after = end;
    while (after < n && isWs(buf[after]!)) after++;
    if (after >= n && !eof) return NEED_MORE;
    const sep = buf[after];
    // At the end of the data the record still counts (the message's missing end is reported next).
    if (sep !== COMMA && sep !== RBRACKET && after < n) return this.brokenMessage(pos);
    const bad = badUtf8(buf, pos, end);
    if (bad !== -1) {
      this.handler.corrupt(pos + bad, this.record, `not valid UTF-8 (byte 0x${buf[pos + bad]!.toString(16).padStart(2, "0")}): the record is not checked`);
      this.record++;
      return sep === COMMA ? after + 1 : after;
    }
    const text = buf.toString("utf8", pos, end);
    try {
      this.handler.value(JSON.parse(text), pos, this.record, text);
    } catch (e) {
      this.malformed(pos, this.record, text, e, "a record");
    }
    this.record++;
    return sep === COMMA ? after + 1 : after;
  }

  /** Reports a failed JSON.parse of `text` (the bytes from `pos`) at the position it names. */
  private malformed(pos: number, record: number, text: string, e: unknown, what: string): void {
    const failure = parseFailure(e);
    const reason = failure.reason;
    const at = failure.at ?? locateToken(text, reason);
    if (/^Unexpected end of JSON input/.test(reason) || at === text.length) {
      this.handler.corrupt(pos, record, `truncated JSON: ${what} ends before its value does`);
    } else if (at !== undefined) {
      this.handler.corrupt(pos + Buffer.byteLength(text.slice(0, at)), record, `malformed JSON: ${reason}`);
    } else {
      this.handler.corrupt(pos, record, `malformed JSON: ${reason}`);
    }
  }

  private truncatedMessage(at: number): void {
    const records = `${this.record} record${this.record === 1 ? "" : "s"}`;
    this.handler.corrupt(at, -1, `truncated: the message body that starts at line ${this.messageLine} ends after ${records}, without its closing "]}"`);
    this.mode = Mode.Top;
  }

  /** The structure of the message broke at `pos`: a record that does not end where the next one starts. */
  private brokenMessage(pos: number): number {
    this.handler.corrupt(pos, this.record, "malformed JSON: the record does not end where the next one starts (skipped up to the next record)");
    this.record++;
    this.mode = Mode.Resync;
    return pos + 1;
  }

  /** After broken structure: the next record of this message (same opening, after a comma), or the next line starting with `{`. */
  private resync(pos: number, eof: boolean): number {
    const buf = this.buf;
    const n = this.end;
    let record = -1;
    const opening = this.opening;
    if (opening !== undefined) {
      for (let from = pos; ; ) {
        const next = buf.indexOf(opening, from);
        if (next === -1) break;
        let q = next - 1;
        while (q >= pos && isWs(buf[q]!)) q--;
        if (q >= pos && buf[q] === COMMA) {
          record = next;
          break;
        }
        from = next + 1;
      }
    }
    let line = buf.indexOf(NEWLINE_BRACE, pos);
    if (line !== -1) line++;
    if (line !== -1 && (record === -1 || line < record)) {
      this.mode = Mode.Top;
      return line;
    }
    if (record !== -1) {
      this.mode = Mode.Records;
      return record;
    }
    if (!eof) {
      // Keep only what a match starting before the end could need.
      const keep = Math.max(opening?.length ?? 0, NEWLINE_BRACE.length);
      return n - pos > keep ? Math.max(pos, n - keep) : NEED_MORE;
    }
    this.mode = Mode.Top;
    return n;
  }
}

/**
 * The index after `{ "records" : [` at `pos` (any whitespace), -2 when the
 * bytes there are something else, NEED_MORE when they end first.
 */
function messageHead(buf: Buffer, pos: number, n: number): number {
  let i = pos + 1;
  while (i < n && isWs(buf[i]!)) i++;
  for (let k = 0; k < RECORDS_KEY.length; k++, i++) {
    if (i >= n) return NEED_MORE;
    if (buf[i] !== RECORDS_KEY[k]) return BROKEN;
  }
  while (i < n && isWs(buf[i]!)) i++;
  if (i >= n) return NEED_MORE;
  if (buf[i] !== COLON) return BROKEN;
  i++;
  while (i < n && isWs(buf[i]!)) i++;
  if (i >= n) return NEED_MORE;
  return buf[i] === LBRACKET ? i + 1 : BROKEN;
}

/** The bytes of a record's opening up to its first key and colon (`{"time":`), or undefined when there is none to learn. */
function recordOpening(buf: Buffer, pos: number, n: number): Buffer | undefined {
  let i = pos + 1;
  while (i < n && isWs(buf[i]!)) i++;
  if (buf[i] !== QUOTE) return undefined;
  const close = stringEnd(buf, i + 1, n);
  if (close === -1 || close - i > 66) return undefined;
  i = close;
  while (i < n && isWs(buf[i]!)) i++;
  if (i >= n || buf[i] !== COLON) return undefined;
  return Buffer.from(buf.subarray(pos, i + 1));
}

/** Index after the closing quote of the string whose content starts at `from`, or -1 when it does not end before `n`. */
function stringEnd(buf: Buffer, from: number, n: number): number {
  let q = from;
  for (;;) {
    q = buf.indexOf(QUOTE, q);
    if (q === -1 || q >= n) return -1;
    let k = q - 1;
    while (buf[k] === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) return q + 1;
    q++;
  }
}

/**
 * Where the unexpected token V8 names without a position is: the shortest
 * prefix of `text` that fails with the same message ends just after it.
 * (Shorter prefixes fail only for ending early.) Undefined when not found.
 */
function locateToken(text: string, reason: string): number | undefined {
  if (!/^Unexpected token/.test(reason)) return undefined;
  const failsSo = (k: number): boolean => {
    try {
      JSON.parse(text.slice(0, k));
      return false;
    } catch (e) {
      return parseFailure(e).reason === reason;
    }
  };
  let lo = 1;
  let hi = text.length;
  if (!failsSo(hi)) return undefined;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (failsSo(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

/** What a file that is not data starts with, or undefined when it starts with text (which may be a cut record). */
function describeNotData(buf: Buffer, pos: number, n: number): string | undefined {
  const starts = (magic: string) => buf.subarray(pos, Math.min(n, pos + magic.length)).equals(Buffer.from(magic, "latin1"));
  // Capture files are read before they reach the scanner (capture.ts): here, Avro came out of gzip.
  if (starts("Obj\u0001")) return "an Avro file inside gzip (kqlgen reads Event Hubs Capture files as they are: decompress it)";
  if (starts("PK\u0003\u0004")) return "a zip archive (unzip it first)";
  if (buf[pos] === LBRACKET) return 'a JSON array (expected message bodies {"records":[...]} or one JSON record per line)';
  for (let i = pos, end = Math.min(n, pos + 512); i < end; i++) {
    const c = buf[i]!;
    if ((c < 32 && c !== 9 && c !== LF && c !== CR) || c === 127) return `binary data (byte 0x${c.toString(16).padStart(2, "0")} at offset ${i})`;
  }
  return undefined;
}

/** A short description of the bytes at `pos`, for errors. */
function describeBytes(buf: Buffer, pos: number, n: number): string {
  if (pos >= n) return "the end of the data";
  const c = buf[pos]!;
  if (c < 32 || c === 127) return `binary data (byte 0x${c.toString(16).padStart(2, "0")})`;
  const text = buf.toString("utf8", pos, Math.min(n, pos + 24)).split("\n")[0]!;
  if (text.startsWith("\ufffd")) return "bytes that are not UTF-8 text";
  return JSON.stringify(text.length < 20 ? text : `${text.slice(0, 20)}…`);
}

/**
 * The end (exclusive) of the JSON value starting at `pos`, scanning strings,
 * escapes and nesting from `from` at `depth` (0: `from` is the value's first
 * byte). NEED_MORE when the data ends first and more may come, TRUNCATED when
 * it ends first and no more comes, BROKEN when the value cannot be one record:
 * it runs past MAX_UNIT_BYTES, into a line that starts a new top-level object,
 * or a string runs over a line end.
 */
export function scanValue(buf: Buffer, n: number, pos: number, from: number, depth: number, eof: boolean): number {
  const limit = pos + MAX_UNIT_BYTES;
  let i = from;
  const c0 = buf[i];
  if (depth === 0 && c0 !== LBRACE && c0 !== LBRACKET) {
    // A string or a scalar.
    if (c0 === QUOTE) {
      const e = stringEnd(buf, i + 1, n);
      return e === -1 ? (eof ? TRUNCATED : NEED_MORE) : e;
    }
    while (i < n) {
      const c = buf[i]!;
      if (c === COMMA || c === RBRACKET || c === RBRACE || isWs(c)) return i;
      i++;
    }
    return eof ? i : NEED_MORE;
  }
  let newline = -1; // the first "\n" at or after i, when known
  while (i < n) {
    if (i > limit) return BROKEN;
    const c = buf[i]!;
    if (c === QUOTE) {
      const e = stringEnd(buf, i + 1, n);
      if (e === -1) return eof ? TRUNCATED : NEED_MORE;
      if (newline < i) {
        newline = buf.indexOf(LF, i);
        if (newline === -1 || newline > n) newline = n;
      }
      if (newline < e) return BROKEN; // JSON strings never hold a raw line break
      i = e;
      continue;
    }
    if (c === LBRACE || c === LBRACKET) {
      if (depth > 0 && c === LBRACE && buf[i - 1] === LF) return BROKEN; // a new top-level object
      depth++;
    } else if (c === RBRACE || c === RBRACKET) {
      if (--depth === 0) return i + 1;
    }
    i++;
  }
  return eof ? TRUNCATED : NEED_MORE;
}
