// Text encodings of input files: detect UTF-16 by its byte-order mark, UTF-8 (with or without BOM) or
// Windows-1252 by scanning the bytes as a stream, and decode chunks without holding the whole file.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/**
 * The encoding of a file: 'utf-16le' or 'utf-16be' when it starts with that byte-order mark (FF FE or
 * FE FF: Excel's "Unicode text"); 'utf-8' when every byte sequence is valid UTF-8 (a BOM counts as
 * UTF-8); otherwise 'windows-1252' (the encoding Excel on Windows writes "CSV" in). Reads as a stream.
 * @example await detectEncoding('data/people.csv') // 'utf-8'
 */
export async function detectEncoding(path: string): Promise<TextEncodingName> {
  const bom = await firstBytes(path, 2);
  if (bom[0] === 0xff && bom[1] === 0xfe) return 'utf-16le';
  if (bom[0] === 0xfe && bom[1] === 0xff) return 'utf-16be';
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const cut = incompleteTail(bytes);
    if (!isUtf8(bytes.subarray(0, bytes.length - cut))) return 'windows-1252';
    carry = Buffer.from(bytes.subarray(bytes.length - cut));
  }
  return carry.length === 0 ? 'utf-8' : 'windows-1252';
}

/**
 * Normalises a declared encoding name (utf8, UTF-8, cp1252, windows-1252, latin1, utf-16le,
 * utf-16be …) or throws naming the choices. Latin-1 is read as Windows-1252, its superset for
 * printable text; plain "utf-16" means little-endian (what Windows writes) unless a BOM says otherwise.
 * @example encodingName('cp1252') // 'windows-1252'
 */
export function encodingName(declared: string): TextEncodingName {
  const key = declared.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key === 'utf8') return 'utf-8';
  if (['windows1252', 'cp1252', 'latin1', 'iso88591'].includes(key)) return 'windows-1252';
  if (key === 'utf16le' || key === 'utf16' || key === 'ucs2') return 'utf-16le';
  if (key === 'utf16be') return 'utf-16be';
  throw new Error(
    `encoding "${declared}" is not supported. Use "utf-8", "windows-1252", "utf-16le" or "utf-16be".`,
  );
}

/**
 * A decoder for a stream of byte chunks: call it with each chunk, then with no argument at the end.
 * UTF-8 and UTF-16 characters split across chunks are joined; a byte-order mark is dropped.
 * @example const decode = chunkDecoder('windows-1252'); decode(Buffer.from([0xe9])) // 'é'
 */
export function chunkDecoder(encoding: TextEncodingName): (chunk?: Buffer) => string {
  if (encoding !== 'windows-1252') {
    const decoder = new TextDecoder(encoding);
    return (chunk) =>
      chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
  }
  return (chunk) => (chunk === undefined ? '' : decodeWindows1252(chunk));
}

// Bytes 0x80–0x9F of Windows-1252 (Node's TextDecoder reads them as C1 controls, like Latin-1).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(chunk: Buffer): string {
  const text = chunk.toString('latin1');
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80])
    : text;
}

/** Bytes at the end of `bytes` that start a UTF-8 character the chunk does not finish (0–3). */
function incompleteTail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) !== 0x80) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return need > back ? back : 0;
    }
  }
  return 0;
}

async function firstBytes(path: string, count: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
