// The parts of an .xlsx workbook a reader needs before the rows: where the workbook is, its sheets (name,
// hidden or not, file), its date system (1900 or 1904), which cell styles are dates, and the shared-
// strings table — each streamed from the zip through the XML tokenizer, within caps.
import { posix } from 'node:path';
import { unzipEntry, ZIP_LIMITS, type ZipEntry } from './zip.js';
import { attribute, XmlTokenizer, type XmlHandler } from './xml-tokens.js';

/** One sheet of the workbook, in workbook order. */
export interface SheetInfo {
  name: string;
  /** 'visible', 'hidden' or 'veryHidden'. */
  state: string;
  /** Zip entry of its XML; undefined when it is not a worksheet (a chart sheet). */
  part: string | undefined;
}

/** What the rows need from the rest of the workbook. */
export interface WorkbookInfo {
  sheets: SheetInfo[];
  /** Dates count from 1904-01-01 (Mac Excel's old default) instead of 1900-01-00. */
  date1904: boolean;
  sharedStrings: string | undefined;
  styles: string | undefined;
}

/** Caps on the shared-strings table: it is held in memory, so a hostile file must not fill it. */
export const SHARED_STRINGS_LIMITS = {
  /** Most bytes of shared-strings XML (256 MiB). */
  maxBytes: 1 << 28,
  /** Most strings (Excel's own workbooks rarely pass a few hundred thousand). */
  maxCount: 5_000_000,
};

/** Cell text longer than this (1 MiB, as for a CSV record) is not kept: its cell is rejected. */
export const MAX_CELL_CHARS = 1 << 20;

/**
 * The sheets, date system and part names of the workbook in `entries` (from its relationships).
 * @example (await readWorkbookInfo('staff.xlsx', entries)).sheets.map((s) => s.name)
 */
export async function readWorkbookInfo(
  path: string,
  entries: Map<string, ZipEntry>,
): Promise<WorkbookInfo> {
  const root = await readRelationships(path, entries, '_rels/.rels');
  const workbook =
    [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const rels = await readRelationships(path, entries, relsOf(workbook));
  const info: WorkbookInfo = {
    sheets: [],
    date1904: false,
    sharedStrings: [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target,
    styles: [...rels.values()].find((r) => r.type.endsWith('/styles'))?.target,
  };
  await readXml(path, entries, workbook, {
    open(name, attributes) {
      if (name === 'workbookPr') {
        const flag = attribute(attributes, 'date1904');
        info.date1904 = flag === '1' || flag === 'true';
      } else if (name === 'sheet') {
        const rel = rels.get(attribute(attributes, 'id') ?? '');
        info.sheets.push({
          name: attribute(attributes, 'name') ?? '',
          state: attribute(attributes, 'state') ?? 'visible',
          part: rel?.type.endsWith('/worksheet') ? rel.target : undefined,
        });
      }
    },
    close() {},
    text() {},
  });
  return info;
}

/**
 * For each cell style (the `s` of a cell, an index into cellXfs), whether its number format shows a
 * date or time: built-in formats 14–22, 27–36, 45–47, 50–58, or a custom code with d, m, y, h or s
 * outside quotes and brackets (ECMA-376 part 1, 18.8.30).
 * @example (await readDateStyles('staff.xlsx', entries, 'xl/styles.xml'))[3] // true
 */
export async function readDateStyles(
  path: string,
  entries: Map<string, ZipEntry>,
  part: string | undefined,
): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  if (part !== undefined && entries.has(part)) {
    await readXml(path, entries, part, {
      open(name, attributes, selfClosing) {
        if (name === 'numFmt') {
          const id = Number(attribute(attributes, 'numFmtId'));
          custom.set(id, attribute(attributes, 'formatCode') ?? '');
        } else if (name === 'cellXfs') inCellXfs = !selfClosing;
        else if (name === 'xf' && inCellXfs)
          formats.push(Number(attribute(attributes, 'numFmtId') ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
      text() {},
    });
  }
  return formats.map((id) => (custom.has(id) ? isDateCode(custom.get(id)!) : isDateId(id)));
}

/**
 * The shared-strings table of the workbook (rich text runs joined, phonetic runs left out), within
 * SHARED_STRINGS_LIMITS; a string over MAX_CELL_CHARS is kept as null and `tooLong` lists it.
 * @example (await readSharedStrings('staff.xlsx', entries, 'xl/sharedStrings.xml')).strings[0]
 */
export async function readSharedStrings(
  path: string,
  entries: Map<string, ZipEntry>,
  part: string | undefined,
): Promise<{ strings: (string | null)[] }> {
  const strings: (string | null)[] = [];
  if (part === undefined || !entries.has(part)) return { strings };
  let parts: string[] | undefined;
  let length = 0;
  let phonetic = 0;
  let inText = false;
  await readXml(
    path,
    entries,
    part,
    {
      open(name, _attributes, selfClosing) {
        if (name === 'si') {
          parts = [];
          length = 0;
          if (selfClosing) strings.push('');
        } else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
        else if (name === 't' && !selfClosing && phonetic === 0) inText = true;
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'si' && parts !== undefined) {
          if (strings.length >= SHARED_STRINGS_LIMITS.maxCount) {
            throw new Error(
              `${path}: the shared-strings table holds more than ${SHARED_STRINGS_LIMITS.maxCount.toLocaleString('en-GB')} strings, more than a real workbook, so it is not read. Export the sheet as CSV.`,
            );
          }
          strings.push(length > MAX_CELL_CHARS ? null : parts.join(''));
          parts = undefined;
        }
      },
      text(text) {
        if (!inText || parts === undefined) return;
        length += text.length;
        if (length <= MAX_CELL_CHARS) parts.push(text);
      },
    },
    { ...ZIP_LIMITS, maxEntryBytes: SHARED_STRINGS_LIMITS.maxBytes },
  );
  return { strings };
}

/**
 * Streams the XML of zip entry `part` through `handler`; throws naming file and part when it is
 * missing, over the limits, or not well-formed enough to read.
 * @example await readXml('staff.xlsx', entries, 'xl/workbook.xml', handler)
 */
export async function readXml(
  path: string,
  entries: Map<string, ZipEntry>,
  part: string,
  handler: XmlHandler,
  limits = ZIP_LIMITS,
): Promise<void> {
  const entry = entries.get(part) ?? findInsensitive(entries, part);
  if (entry === undefined) {
    throw new Error(
      `${path}: not a readable .xlsx workbook: it has no ${part}. Open it in Excel or LibreOffice and save it again as .xlsx, or export CSV.`,
    );
  }
  const decoder = new TextDecoder('utf-8');
  const tokenizer = new XmlTokenizer(handler);
  try {
    for await (const chunk of unzipEntry(path, entry, limits)) {
      tokenizer.push(decoder.decode(chunk, { stream: true }));
    }
    tokenizer.push(decoder.decode());
    tokenizer.end();
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith(path)) throw error;
    throw new Error(`${path}: ${part}: ${message}. Save the workbook again, or export CSV.`);
  }
}

async function readRelationships(path: string, entries: Map<string, ZipEntry>, part: string) {
  const rels = new Map<string, { type: string; target: string }>();
  if (!entries.has(part)) return rels;
  const base = posix.dirname(posix.dirname(part)); // xl/_rels/workbook.xml.rels → xl
  await readXml(path, entries, part, {
    open(name, attributes) {
      if (name !== 'Relationship' || attribute(attributes, 'TargetMode') === 'External') return;
      const target = attribute(attributes, 'Target') ?? '';
      rels.set(attribute(attributes, 'Id') ?? '', {
        type: attribute(attributes, 'Type') ?? '',
        target: target.startsWith('/')
          ? target.slice(1)
          : posix.normalize(posix.join(base === '.' ? '' : base, target)),
      });
    },
    close() {},
    text() {},
  });
  return rels;
}

function relsOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

function findInsensitive(entries: Map<string, ZipEntry>, part: string): ZipEntry | undefined {
  const key = part.toLowerCase();
  for (const [name, entry] of entries) if (name.toLowerCase() === key) return entry;
  return undefined;
}

function isDateId(id: number): boolean {
  return (
    (id >= 14 && id <= 22) ||
    (id >= 27 && id <= 36) ||
    (id >= 45 && id <= 47) ||
    (id >= 50 && id <= 58)
  );
}

function isDateCode(code: string): boolean {
  // drop quoted text, escaped characters and [colour]/[condition] sections (keep [h] [m] [s] out too)
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  const section = bare.split(';')[0];
  if (/^general$/i.test(section.trim())) return false;
  return /[dmyhs]/i.test(section.replace(/AM\/PM|A\/P/gi, 'h'));
}
