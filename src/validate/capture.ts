/**
 * Event Hubs Capture files for `kqlgen validate`: Avro object-container
 * files, decoded by `avsc` with the schema each file stores (plain or
 * deflate) through the runtime's Capture reader, one message at a time. Each
 * message body is scanned like a file of message bodies, so its records get
 * the same checks and the same report; their place is the file, the Avro
 * record index, the sequence number, and the line and record index in the
 * message body.
 */
import { createReadStream } from "node:fs";
import { readCaptureMessages, type AvroModuleLike } from "../../templates/runtime/capture.js";
import { JsonText } from "../../templates/runtime/stream.js";
import type { LoadedValidators } from "./load.js";
import type { Findings, Place } from "./report.js";
import { Scanner, type ScanHandler } from "./scan.js";

/** Avro object-container files start with these bytes. */
export const AVRO_MAGIC = Buffer.from("Obj\u0001", "latin1");

const RECORD_ROOT = (): string => "";

/** avsc, loaded for the first Capture file (validate of JSON files never needs it: start-up time). */
async function avsc(): Promise<AvroModuleLike> {
  return (await import("avsc")).default as unknown as AvroModuleLike;
}

/** One message body of a Capture file: the scanner's handler. */
class MessageRun implements ScanHandler {
  readonly scanner = new Scanner(this);
  private start = 0;
  private record = -1;

  constructor(
    private readonly at: { readonly file: string; readonly avroRecord: number; readonly sequenceNumber?: string },
    private readonly findings: Findings,
    private readonly validators: LoadedValidators,
  ) {}

  /** The text records come from, for the exact digits of longs beyond 2^53 (read only for those). */
  private readonly source = new JsonText("", { showRounded: true });

  value(value: unknown, start: number, record: number, text: string): void {
    this.start = start;
    this.record = record;
    if (this.source.text !== text) this.source.reset(text);
    this.validators.checkStreamRecord(value, RECORD_ROOT, this.validators.tables, this.findings, this.source);
  }

  where = (): Place => {
    const line = this.scanner.lineAt(this.start);
    return { ...this.at, line, ...(this.record >= 0 ? { record: this.record } : {}) };
  };

  corrupt(at: number, record: number, message: string): void {
    this.findings.corrupt({ ...this.at, line: this.scanner.lineAt(at), ...(record >= 0 ? { record } : {}), byte: at, message });
  }

  notData(message: string): void {
    this.findings.corrupt({ ...this.at, line: 1, byte: 0, message: `the message body is ${message}` });
  }
}

/** Reads one Capture file into the findings; a file that is not readable Avro at all is reported as unreadable. */
export async function scanCaptureFile(file: string, findings: Findings, validators: LoadedValidators): Promise<void> {
  let next = 0;
  try {
    for await (const m of readCaptureMessages(createReadStream(file, { highWaterMark: 1 << 20 }), await avsc())) {
      next = m.index + 1;
      const at = { file, avroRecord: m.index, ...(m.sequenceNumber === undefined ? {} : { sequenceNumber: String(m.sequenceNumber) }) };
      if (m.body === undefined || m.body.length === 0) {
        findings.corrupt({ ...at, line: 1, byte: 0, message: 'the message has no body (expected {"records":[...]})' });
        continue;
      }
      const run = new MessageRun(at, findings, validators);
      findings.where = run.where;
      const body = Buffer.from(m.body.buffer, m.body.byteOffset, m.body.length);
      run.scanner.feed(body, 0, body.length, true);
    }
  } catch (e) {
    const reason = (e as Error)?.message ?? String(e);
    if (next === 0 && /magic|header|schema|codec/i.test(reason)) {
      findings.unreadable(file, `not a readable Event Hubs Capture (Avro) file (${reason})`);
      return;
    }
    findings.corrupt({
      file,
      avroRecord: next,
      line: 1,
      byte: 0,
      message: `the Avro data is corrupt or truncated after ${next} record${next === 1 ? "" : "s"} (${reason})`,
    });
  }
}
