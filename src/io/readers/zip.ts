// Read the entries of a zip file (an .xlsx workbook) straight from its central directory, and stream one
// entry's bytes through node:zlib, capped: no entry may unzip past its declared size or past the limits,
// so a small file cannot turn into gigabytes (a zip bomb) and a damaged one is named as such.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';

/** One file inside a zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Declared size once unzipped, in bytes. */
  size: number;
  /** Where the entry's local header starts in the file. */
  offset: number;
}

/** How far an entry may unzip. */
export interface ZipLimits {
  /** Most bytes one entry may unzip to (default 1 GiB). */
  maxEntryBytes: number;
  /** Above `ratioFrom` bytes, the most an entry may unzip to per compressed byte (default 100). */
  maxRatio: number;
  /** Size from which the ratio applies (default 64 MiB: small entries may compress very well). */
  ratioFrom: number;
}

/** Limits far above a real workbook's (sheet XML compresses 5–20×) and far below a zip bomb's (≈ 1000×). */
export const ZIP_LIMITS: Readonly<ZipLimits> = {
  maxEntryBytes: 1 << 30,
  maxRatio: 100,
  ratioFrom: 1 << 26,
};

/**
 * The entries of the zip file at `path`, by name, read from its central directory (ZIP64 included).
 * Throws naming the file when it is not a zip, or is encrypted.
 * @example (await readZipDirectory('staff.xlsx')).get('xl/workbook.xml')?.size
 */
export async function readZipDirectory(path: string): Promise<Map<string, ZipEntry>> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const at = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (at < 0) throw notZip(path, 'it has no zip directory');
    let count = tail.readUInt16LE(at + 10);
    let length = tail.readUInt32LE(at + 12);
    let start = tail.readUInt32LE(at + 16);
    if (start === 0xffffffff || length === 0xffffffff || count === 0xffff) {
      // ZIP64: a locator just before the end record points to the 64-bit end record
      const locator = Buffer.alloc(20);
      await handle.read(locator, 0, 20, size - tailLength + at - 20);
      if (locator.readUInt32LE(0) !== 0x07064b50)
        throw notZip(path, 'its ZIP64 locator is missing');
      const end = Buffer.alloc(56);
      await handle.read(end, 0, 56, Number(locator.readBigUInt64LE(8)));
      if (end.readUInt32LE(0) !== 0x06064b50) throw notZip(path, 'its ZIP64 directory is missing');
      count = Number(end.readBigUInt64LE(32));
      length = Number(end.readBigUInt64LE(40));
      start = Number(end.readBigUInt64LE(48));
    }
    if (start + length > size) throw notZip(path, 'its directory points past the end of the file');
    const directory = Buffer.alloc(length);
    await handle.read(directory, 0, length, start);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > length || directory.readUInt32LE(p) !== 0x02014b50) {
        throw notZip(path, 'its directory is damaged');
      }
      const nameLength = directory.readUInt16LE(p + 28);
      const extraLength = directory.readUInt16LE(p + 30);
      const commentLength = directory.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        name: directory.toString('utf8', p + 46, p + 46 + nameLength),
        flags: directory.readUInt16LE(p + 8),
        method: directory.readUInt16LE(p + 10),
        crc: directory.readUInt32LE(p + 16),
        compressedSize: directory.readUInt32LE(p + 20),
        size: directory.readUInt32LE(p + 24),
        offset: directory.readUInt32LE(p + 42),
      };
      zip64Sizes(entry, directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
      if (entry.flags & 1) {
        throw new Error(
          `${path}: the workbook is password-protected (encrypted), so it cannot be read. Save a copy without a password, or export CSV.`,
        );
      }
      entries.set(entry.name, entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/**
 * The unzipped bytes of `entry`, in chunks. Refuses (throws, naming file and entry) an entry whose
 * declared size passes the limits before unzipping anything, and stops one that unzips past its
 * declared size or fails its CRC check.
 * @example for await (const chunk of unzipEntry('staff.xlsx', entry)) bytes += chunk.length
 */
export async function* unzipEntry(
  path: string,
  entry: ZipEntry,
  limits: ZipLimits = ZIP_LIMITS,
): AsyncGenerator<Buffer> {
  const what = `${path}: ${entry.name}`;
  const bomb = (size: number) =>
    size > limits.maxEntryBytes ||
    (size > limits.ratioFrom && size > limits.maxRatio * Math.max(1, entry.compressedSize));
  if (bomb(entry.size)) {
    throw new Error(
      `${what} would unzip to ${entry.size.toLocaleString('en-GB')} bytes from ${entry.compressedSize.toLocaleString('en-GB')}: more than a real workbook holds (limit ${limits.maxEntryBytes.toLocaleString('en-GB')} bytes, or ${limits.maxRatio}× its compressed size), so it is not read (a zip bomb?). If the workbook is genuine, export it as CSV.`,
    );
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new Error(
      `${what} uses zip compression method ${entry.method}, which the kit does not read (only stored and deflated). Save the workbook again from Excel or LibreOffice, or export CSV.`,
    );
  }
  const header = Buffer.alloc(30);
  const handle = await open(path, 'r');
  try {
    await handle.read(header, 0, 30, entry.offset);
  } finally {
    await handle.close();
  }
  if (header.readUInt32LE(0) !== 0x04034b50) throw notZip(path, `${entry.name} is damaged`);
  const dataStart = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const input = createReadStream(path, {
    start: dataStart,
    end: dataStart + entry.compressedSize - 1,
    highWaterMark: 1 << 16,
  });
  const output = entry.method === 8 ? input.pipe(createInflateRaw()) : input;
  if (output !== input) input.on('error', (error) => output.destroy(error));
  let total = 0;
  let crc = 0;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.size) {
        throw new Error(
          `${what} unzips to more than the ${entry.size.toLocaleString('en-GB')} bytes its directory declares, so reading stopped (a damaged file or a zip bomb). Save the workbook again, or export CSV.`,
        );
      }
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    if ((error as Error).message.startsWith(what)) throw error;
    throw notZip(path, `${entry.name} cannot be unzipped (${(error as Error).message})`);
  } finally {
    input.destroy();
    if (output !== input) output.destroy();
  }
  if (total !== entry.size || crc !== entry.crc) {
    throw notZip(path, `${entry.name} does not match its size or checksum`);
  }
}

function notZip(path: string, why: string): Error {
  return new Error(
    `${path}: not a readable .xlsx workbook: ${why}. Open it in Excel or LibreOffice and save it again as .xlsx, or export CSV.`,
  );
}

/** Reads the ZIP64 extra field (id 1) for the sizes and offset the 32-bit fields mark as 0xFFFFFFFF. */
function zip64Sizes(entry: ZipEntry, extra: Buffer): void {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = () => {
        const value = q + 8 <= p + 4 + length ? Number(extra.readBigUInt64LE(q)) : NaN;
        q += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.offset === 0xffffffff) entry.offset = next();
      return;
    }
    p += 4 + length;
  }
}
