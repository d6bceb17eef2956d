/**
 * The record scanner of `kqlgen validate` (src/validate/scan.ts) on its own:
 * what it finds in message bodies and JSON lines — records with their line,
 * record index and byte offset, corrupt and truncated spots — and that it
 * finds exactly the same whatever the chunks the data arrives in.
 */
import { describe, expect, it } from "vitest";
import { Scanner, type ScanHandler } from "../src/validate/scan.js";

type Event =
  | { kind: "value"; at: number; line: number; record: number; value: unknown }
  | { kind: "corrupt"; at: number; line: number; record: number; message: string }
  | { kind: "notData"; message: string };

/**
 * Feeds `data` to a scanner `chunk` bytes at a time, the way the reader does
 * (unused bytes come back at the front of the next feed), and returns what it
 * found, with positions as offsets in `data`.
 */
function scan(data: string | Buffer, chunk = Infinity): Event[] {
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  const events: Event[] = [];
  let base = 0;
  let scanner!: Scanner;
  const handler: ScanHandler = {
    value: (value, at, record) => events.push({ kind: "value", at: base + at, line: scanner.lineAt(at), record, value }),
    corrupt: (at, record, message) => events.push({ kind: "corrupt", at: base + at, line: scanner.lineAt(at), record, message }),
    notData: (message) => events.push({ kind: "notData", message }),
  };
  scanner = new Scanner(handler);
  let pending = Buffer.alloc(0);
  let offset = 0;
  for (;;) {
    const next = bytes.subarray(offset, Math.min(bytes.length, offset + chunk));
    offset += next.length;
    const eof = offset >= bytes.length;
    const buf = Buffer.concat([pending, next]);
    const used = scanner.feed(buf, 0, buf.length, eof);
    if (eof || scanner.skipping) break;
    pending = buf.subarray(used);
    base += used;
  }
  return events;
}

const values = (events: Event[]) => events.map((e) => (e.kind === "value" ? [e.line, e.record, e.value] : e));

/** Every chunking gives the same events as one feed. */
function expectChunkingInvariant(data: string | Buffer): Event[] {
  const whole = scan(data);
  for (const chunk of [1, 2, 3, 7, 64, 1000]) expect(scan(data, chunk), `chunks of ${chunk} bytes`).toEqual(whole);
  return whole;
}

describe("the scanner finds records", () => {
  it("in JSON lines: line numbers count blank lines and CRLF; no newline needed at the end", () => {
    const events = expectChunkingInvariant('{"a":1}\n{"a":2}\r\n\n  {"a":3}');
    expect(values(events)).toEqual([
      [1, -1, { a: 1 }],
      [2, -1, { a: 2 }],
      [4, -1, { a: 3 }],
    ]);
  });

  it("after a UTF-8 byte order mark", () => {
    expect(values(expectChunkingInvariant('\ufeff{"a":1}\n'))).toEqual([[1, -1, { a: 1 }]]);
  });

  it("in a pretty-printed message body, with each record's line and index", () => {
    const text = JSON.stringify({ records: [{ time: 1, x: { y: [1, 2] } }, { time: 2 }] }, null, 2) + "\n";
    const events = expectChunkingInvariant(text);
    expect(values(events)).toEqual([
      [3, 0, { time: 1, x: { y: [1, 2] } }],
      [12, 1, { time: 2 }],
    ]);
    expect(events[0]).toMatchObject({ at: text.indexOf('{\n      "time": 1') });
  });

  it("in messages one per line, two on one line, and after extra keys", () => {
    const text = ['{"records":[{"time":1},{"time":2}]}{"records":[{"time":3}]}', '{"records":[{"time":4}],"meta":{"s":"}]"}}', ""].join("\n");
    expect(values(expectChunkingInvariant(text))).toEqual([
      [1, 0, { time: 1 }],
      [1, 1, { time: 2 }],
      [1, 0, { time: 3 }],
      [2, 0, { time: 4 }],
    ]);
  });

  it("whose first keys differ from record to record", () => {
    const records = [{ b: 1 }, { a: 2 }, { a: 3, b: 0 }, { b: 4 }, { "x y": 5 }];
    const lines = [3, 6, 9, 13, 16];
    expect(values(expectChunkingInvariant(JSON.stringify({ records }, null, 1)))).toEqual(records.map((r, i) => [lines[i], i, r]));
  });

  it('in a message whose "records" key is not its first', () => {
    expect(values(expectChunkingInvariant('{"meta":1,"records":[{"x":1},{"x":2}]}\n'))).toEqual([
      [1, 0, { x: 1 }],
      [1, 1, { x: 2 }],
    ]);
  });

  it("whose opening recurs inside them, after a comma and in strings", () => {
    const records = [
      { time: { time: 1 }, arr: [1, { time: 2 }, { time: 3 }] },
      { time: '},{"time":', s: "\\", t: '\\"' },
      { time: 4 },
    ];
    expect(values(expectChunkingInvariant(JSON.stringify({ records })))).toEqual(records.map((r, i) => [1, i, r]));
  });

  it("of any JSON kind in a records array (the record check reports what is not an object)", () => {
    expect(values(expectChunkingInvariant('{"records":[1, "two", null, [3], {"time":5}]}'))).toEqual([
      [1, 0, 1],
      [1, 1, "two"],
      [1, 2, null],
      [1, 3, [3]],
      [1, 4, { time: 5 }],
    ]);
  });

  it("in an empty file and an empty message: none", () => {
    expect(expectChunkingInvariant("")).toEqual([]);
    expect(expectChunkingInvariant('{"records":[]}\n\n')).toEqual([]);
  });
});

describe("the scanner reports bad data with its position and goes on", () => {
  it("a malformed token: at its byte (after multi-byte characters), the other records still read", () => {
    // V8 names no position for an unexpected token: the scanner finds it.
    expect(expectChunkingInvariant('{"a":1}\n{"a":tru,"b":2}\n')).toEqual([
      { kind: "value", at: 0, line: 1, record: -1, value: { a: 1 } },
      { kind: "corrupt", at: 16, line: 2, record: -1, message: "malformed JSON: Unexpected token ','" },
    ]);
    const text = '{"records":[{"time":"é"},{"time":"東",tru},{"time":3}]}';
    const events = expectChunkingInvariant(text);
    expect(events).toEqual([
      { kind: "value", at: 12, line: 1, record: 0, value: { time: "é" } },
      { kind: "corrupt", at: Buffer.byteLength('{"records":[{"time":"é"},{"time":"東",'), line: 1, record: 1, message: "malformed JSON: Expected double-quoted property name" },
      { kind: "value", at: Buffer.byteLength('{"records":[{"time":"é"},{"time":"東",tru},'), line: 1, record: 2, value: { time: 3 } },
    ]);
  });

  it("a record cut short inside a message: skipped up to the next record", () => {
    const text = '{"records":[{"time":1,"p":{"a":"b"},{"time":2}]}\n{"time":9}\n';
    expect(expectChunkingInvariant(text)).toEqual([
      { kind: "corrupt", at: 12, line: 1, record: 0, message: "malformed JSON: the record does not end where the next one starts (skipped up to the next record)" },
      { kind: "value", at: 36, line: 1, record: 1, value: { time: 2 } },
      { kind: "value", at: 49, line: 2, record: -1, value: { time: 9 } },
    ]);
  });

  it("a file that ends inside a record, and one that ends after a record without closing the message", () => {
    expect(expectChunkingInvariant('{"records":[{"time":1},\n{"time":2,"p":{"a":')).toEqual([
      { kind: "value", at: 12, line: 1, record: 0, value: { time: 1 } },
      { kind: "corrupt", at: 24, line: 2, record: 1, message: "truncated: the file ends inside this record" },
    ]);
    expect(expectChunkingInvariant('\n{"records":[{"time":1}')).toEqual([
      { kind: "value", at: 13, line: 2, record: 0, value: { time: 1 } },
      { kind: "corrupt", at: 23, line: 2, record: -1, message: 'truncated: the message body that starts at line 2 ends after 1 record, without its closing "]}"' },
    ]);
  });

  it("bad lines of JSON lines: cut short, garbage, a truncated last line", () => {
    const text = '{"a":1}\n{"a":\n not json\n{"a":2}\n{"a":[1,';
    expect(expectChunkingInvariant(text)).toEqual([
      { kind: "value", at: 0, line: 1, record: -1, value: { a: 1 } },
      { kind: "corrupt", at: 8, line: 2, record: -1, message: "truncated JSON: a line ends before its value does" },
      { kind: "corrupt", at: 15, line: 3, record: -1, message: 'expected an Event Hubs message body {"records":[...]} or one JSON record per line, found "not json"' },
      { kind: "value", at: 24, line: 4, record: -1, value: { a: 2 } },
      { kind: "corrupt", at: 32, line: 5, record: -1, message: "truncated JSON: the last line ends before its value does" },
    ]);
  });

  it("a pretty-printed record spanning lines is one record; a broken one does not swallow the next lines", () => {
    const text = '{\n  "a": 1\n}\n{"a": {"b":\n{"a":3}\n';
    expect(expectChunkingInvariant(text)).toEqual([
      { kind: "value", at: 0, line: 1, record: -1, value: { a: 1 } },
      { kind: "corrupt", at: 13, line: 4, record: -1, message: "truncated JSON: a line ends before its value does" },
      { kind: "value", at: 25, line: 5, record: -1, value: { a: 3 } },
    ]);
  });

  it("a file that is not data at all: said once, the rest skipped", () => {
    expect(scan(Buffer.from([0x50, 0x4b, 3, 4, 0x14, 0, 0x7b]))).toEqual([{ kind: "notData", message: "not Event Hubs message bodies or JSON lines: a zip archive (unzip it first)" }]);
    expect(scan("Obj\u0001\u0004\u0014avro.schema")).toEqual([
      { kind: "notData", message: "not Event Hubs message bodies or JSON lines: an Avro file inside gzip (kqlgen reads Event Hubs Capture files as they are: decompress it)" },
    ]);
    expect(scan('[{"a":1}]\n')).toEqual([
      { kind: "notData", message: 'not Event Hubs message bodies or JSON lines: a JSON array (expected message bodies {"records":[...]} or one JSON record per line)' },
    ]);
    expect(scan(Buffer.from([0x7b, 0x0a, 0x00, 0x01]).subarray(2))).toEqual([{ kind: "notData", message: "not Event Hubs message bodies or JSON lines: binary data (byte 0x00 at offset 0)" }]);
  });

  it("a file cut at its start (mid-record) is corrupt there, not refused: the rest is read", () => {
    expect(expectChunkingInvariant('me":"2024-05-01T00:00:00Z","a":1}\n{"a":2}\n')).toEqual([
      { kind: "corrupt", at: 0, line: 1, record: -1, message: 'expected an Event Hubs message body {"records":[...]} or one JSON record per line, found "me\\":\\"2024-05-01T00:0…"' },
      { kind: "value", at: 34, line: 2, record: -1, value: { a: 2 } },
    ]);
  });
});
