/**
 * Reading data files for `kqlgen validate`: paths and folders expanded,
 * gzip recognized by its magic bytes (not by name), and bytes delivered to the
 * scanner in chunks through one reusable buffer, so memory stays flat
 * whatever the size of a file.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from "node:fs";
import { Readable } from "node:stream";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import { MAX_UNIT_BYTES, type Scanner } from "./scan.js";

/** The path that names standard input. */
export const STDIN = "-";

/** One input file, as the user will see it named. */
export interface InputFile {
  readonly path: string;
  readonly size: number;
}

/** An input that cannot be read at all. */
export interface Unreadable {
  readonly file: string;
  readonly message: string;
}

function errnoMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "it does not exist";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The files to read: each path given, and every file under each folder given
 * (recursively, sorted, skipping names that start with "."), in order.
 */
export async function listInputs(paths: readonly string[]): Promise<{ files: InputFile[]; unreadable: Unreadable[] }> {
  const files: InputFile[] = [];
  const unreadable: Unreadable[] = [];
  // Files and folders by identity (device and inode), not by path: links reach one file by many paths, and a link
  // loop makes paths without end. Each file is read once; each folder entered once.
  const seen = new Set<string>();
  const entered = new Set<string>();
  const identity = (s: { dev: number; ino: number }) => `${s.dev}:${s.ino}`;
  const add = (path: string, s: { dev: number; ino: number; size: number }) => {
    const id = identity(s);
    if (!seen.has(id)) {
      seen.add(id);
      files.push({ path, size: s.size });
    }
  };
  const walk = async (dir: string, s: { dev: number; ino: number }): Promise<void> => {
    const id = identity(s);
    if (entered.has(id)) return;
    entered.add(id);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ file: dir, message: `cannot read the folder (${errnoMessage(e)})` });
      return;
    }
    for (const entry of entries.sort((a, b) => byName(a.name, b.name))) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() || entry.isFile() || entry.isSymbolicLink()) {
        try {
          const s = await stat(path);
          if (s.isDirectory()) await walk(path, s);
          else if (s.isFile()) add(path, s);
        } catch (e) {
          unreadable.push({ file: path, message: `cannot read (${errnoMessage(e)})` });
        }
      }
    }
  };
  for (const path of paths) {
    if (path === STDIN) {
      files.push({ path, size: 0 });
      continue;
    }
    try {
      const s = await stat(path);
      if (s.isDirectory()) await walk(path, s);
      // Named on the command line: a FIFO or /dev/stdin is read too (`validate <(zcat …)`).
      else if (s.isFile()) add(path, s);
      else files.push({ path, size: 0 });
    } catch (e) {
      unreadable.push({ file: path, message: `cannot read (${errnoMessage(e)})` });
    }
  }
  return { files, unreadable };
}

/** Bytes of (decompressed) data, read into a caller's buffer. */
interface ByteSource {
  /** Reads up to `length` bytes into `buf` at `offset`; 0 at the end. Throws on a read or decompression error. */
  read(buf: Buffer, offset: number, length: number): Promise<number>;
  /** Bytes of the file itself consumed so far (compressed bytes for gzip). */
  readonly fileBytes: number;
  readonly gzip: boolean;
  close(): Promise<void>;
}

/**
 * A plain file, read synchronously: the work is CPU-bound and reads come from
 * the page cache, so a hop to libuv's thread pool per chunk only adds waiting.
 */
class PlainSource implements ByteSource {
  fileBytes = 0;
  readonly gzip = false;
  constructor(private readonly fd: number) {}
  async read(buf: Buffer, offset: number, length: number): Promise<number> {
    const n = readSync(this.fd, buf, offset, length, null);
    this.fileBytes += n;
    return n;
  }
  async close(): Promise<void> {
    closeSync(this.fd);
  }
}

/** Bytes handed out from a stream's chunks, as much of a chunk as the reader asks for at a time. */
abstract class ChunkSource {
  protected abstract readonly chunks: AsyncIterator<Buffer>;
  protected pending: Buffer | undefined;
  async read(buf: Buffer, offset: number, length: number): Promise<number> {
    if (this.pending === undefined || this.pending.length === 0) {
      const next = await this.chunks.next();
      if (next.done) return 0;
      this.pending = next.value;
    }
    const n = Math.min(length, this.pending.length);
    this.pending.copy(buf, offset, 0, n);
    this.pending = this.pending.subarray(n);
    return n;
  }
}

class GzipSource extends ChunkSource implements ByteSource {
  readonly gzip = true;
  private readonly file: Readable;
  protected readonly chunks: AsyncIterator<Buffer>;
  private readonly counted: { bytes: number } | undefined;
  constructor(input: string | { stream: Readable; counted: { bytes: number } }) {
    super();
    this.file = typeof input === "string" ? createReadStream(input, { highWaterMark: 1 << 20 }) : input.stream;
    this.counted = typeof input === "string" ? undefined : input.counted;
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    this.file.on("error", (e) => gunzip.destroy(e));
    this.chunks = this.file.pipe(gunzip)[Symbol.asyncIterator]();
  }
  get fileBytes(): number {
    return this.counted?.bytes ?? (this.file as ReturnType<typeof createReadStream>).bytesRead;
  }
  async close(): Promise<void> {
    this.file.destroy();
    try {
      await this.chunks.return?.();
    } catch {
      // already reported through read()
    }
  }
}

/**
 * Standard input, a FIFO or a device: read as a stream (no seeking back), its
 * first chunk looked at for the gzip magic bytes.
 */
class StreamSource extends ChunkSource implements ByteSource {
  readonly gzip = false;
  constructor(
    protected readonly chunks: AsyncIterator<Buffer>,
    first: Buffer | undefined,
    private readonly counted: { bytes: number },
    private readonly stream: Readable,
  ) {
    super();
    this.pending = first;
  }
  get fileBytes(): number {
    return this.counted.bytes;
  }
  async close(): Promise<void> {
    if (this.stream !== process.stdin) this.stream.destroy();
  }
}

async function openStream(path: string, fd?: number): Promise<ByteSource> {
  const stream: Readable = path === STDIN ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20, ...(fd !== undefined ? { fd } : {}) });
  const counted = { bytes: 0 };
  const raw = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: AsyncIterator<Buffer> = {
    next: async () => {
      const r = await raw.next();
      if (!r.done) counted.bytes += (r.value as Buffer).length;
      return r;
    },
  };
  let first = await chunks.next();
  // Two bytes tell gzip: wait for a second chunk when the first holds one byte.
  let head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  while (head.length < 2 && !first.done) {
    first = await chunks.next();
    if (!first.done) head = Buffer.concat([head, first.value]);
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    const rest = Readable.from(
      (async function* () {
        yield head;
        for (let r = await chunks.next(); !r.done; r = await chunks.next()) yield r.value;
      })(),
      { objectMode: false },
    );
    return new GzipSource({ stream: rest, counted });
  }
  return new StreamSource(chunks, head, counted, stream);
}

/** Opens a file, recognizing gzip by its first two bytes (1f 8b). */
async function openSource(path: string): Promise<ByteSource> {
  if (path === STDIN) return openStream(path);
  const fd = openSync(path, "r");
  if (!fstatSync(fd).isFile()) return openStream(path, fd);
  let gzip = false;
  try {
    const head = Buffer.alloc(2);
    const n = readSync(fd, head, 0, 2, 0);
    gzip = n === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  if (!gzip) return new PlainSource(fd);
  closeSync(fd);
  return new GzipSource(path);
}

/** Where a file's data stands while it is scanned: for turning buffer positions into byte offsets. */
export interface ChunkPosition {
  /** Byte offset in the (decompressed) data of the read buffer's first byte. */
  base: number;
  /** Whether the file is gzip (offsets are then in the decompressed data). */
  gzip: boolean;
}

/** Bytes read from the file at a time. */
export const CHUNK_BYTES = 1 << 18;
/** A unit of MAX_UNIT_BYTES, plus a chunk. */
const MAX_BUFFER_BYTES = MAX_UNIT_BYTES + 2 * CHUNK_BYTES;

export interface ReadHooks {
  /** After each chunk read: bytes of the file consumed so far. */
  progress(fileBytes: number): void;
  /** The data could not be read or decompressed past `at` (a byte offset of the data). */
  failed(at: number, message: string): void;
}

/** Reusable read buffer (grows only for a unit longer than it). */
export class ReadBuffer {
  buf = Buffer.allocUnsafe(2 * CHUNK_BYTES);
}

function readFailure(e: unknown, gzip: boolean): string {
  if (gzip && ((e as NodeJS.ErrnoException).code === "Z_BUF_ERROR" || /unexpected end/i.test((e as Error).message))) return "the gzip data is truncated";
  return gzip ? `the gzip data is corrupt (${(e as Error).message})` : `read error (${errnoMessage(e)})`;
}

/**
 * Feeds a file's bytes to the scanner chunk by chunk, keeping the bytes of an
 * unfinished unit for the next feed. Throws only when the file cannot be
 * opened; read and decompression errors after that go to `hooks.failed`, and
 * the data read up to there is still scanned.
 */
export async function scanFile(path: string, scanner: Scanner, chunk: ChunkPosition, buffer: ReadBuffer, hooks: ReadHooks): Promise<void> {
  const source = await openSource(path);
  chunk.gzip = source.gzip;
  chunk.base = 0;
  let failure: { at: number; message: string } | undefined;
  try {
    let buf = buffer.buf;
    let start = 0; // first byte not yet used
    let filled = 0;
    let eof = false;
    let stalled = false;
    for (;;) {
      // Keep the unused bytes at the front, then read a chunk (or, when a unit is longer than what is buffered, fill the buffer).
      if (start > 0) {
        buf.copyWithin(0, start, filled);
        chunk.base += start;
        filled -= start;
        start = 0;
      }
      if (stalled && filled === buf.length) {
        if (buf.length >= MAX_BUFFER_BYTES) throw new Error(`internal: a unit longer than ${MAX_BUFFER_BYTES} bytes was not cut`);
        const bigger = Buffer.allocUnsafe(Math.min(MAX_BUFFER_BYTES, buf.length * 2));
        buf.copy(bigger, 0, 0, filled);
        buffer.buf = buf = bigger;
      }
      const want = stalled ? buf.length : Math.min(buf.length, filled + CHUNK_BYTES);
      while (!eof && filled < want) {
        let n: number;
        try {
          n = await source.read(buf, filled, want - filled);
        } catch (e) {
          failure = { at: chunk.base + filled, message: readFailure(e, source.gzip) };
          n = 0;
        }
        if (n === 0) eof = true;
        else filled += n;
      }
      hooks.progress(source.fileBytes);
      const used = scanner.feed(buf, 0, filled, eof);
      if (eof || scanner.skipping) {
        // Reported after the data read up to the failure was scanned (so its line is known).
        if (failure !== undefined) hooks.failed(failure.at, failure.message);
        return;
      }
      stalled = used === 0;
      start = used;
    }
  } finally {
    await source.close();
  }
}
