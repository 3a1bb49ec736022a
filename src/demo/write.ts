// Buffered CSV output: rows are joined into ~1 MiB chunks and written as they fill, never whole files.
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

const CHUNK_CHARS = 1 << 20;

/**
 * One CSV file being written: `row()` buffers a line, `flush()` writes when the buffer is full,
 * `close()` writes the rest. Counts rows (header excluded) and bytes (header included).
 * @example const f = await CsvFile.create(dir, 'units.csv', ['unit_id', 'name']); f.row('U1,Force'); await f.close();
 */
export class CsvFile {
  rows = 0;
  bytes = 0;
  private parts: string[] = [];
  private pending = 0;

  private constructor(
    readonly name: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates (or truncates) `dir/name` and writes the header line. */
  static async create(dir: string, name: string, header: readonly string[]): Promise<CsvFile> {
    const handle = await open(path.join(dir, name), 'w');
    const file = new CsvFile(name, handle);
    file.parts.push(header.join(','));
    file.pending = 1;
    return file;
  }

  /** Buffers one line (already joined and escaped; see `csvField`). */
  row(line: string): void {
    this.parts.push(line);
    this.pending += line.length + 1;
    this.rows++;
  }

  /** Writes the buffer when it holds about 1 MiB or more (always when `force`). */
  async flush(force = false): Promise<void> {
    if (this.parts.length === 0 || (!force && this.pending < CHUNK_CHARS)) return;
    const chunk = Buffer.from(this.parts.join('\n') + '\n', 'utf8');
    this.parts = [];
    this.pending = 0;
    await this.handle.write(chunk);
    this.bytes += chunk.length;
  }

  /** Writes what is buffered and closes the file. */
  async close(): Promise<void> {
    await this.flush(true);
    await this.handle.close();
  }
}

/** A CSV field: quoted (with doubled quotes) when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A number with at most `digits` decimals and no trailing zeros (2.50 → "2.5", 3.0 → "3"). */
export function num(value: number, digits = 2): string {
  return String(Number(value.toFixed(digits)));
}
