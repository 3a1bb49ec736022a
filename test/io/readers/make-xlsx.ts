// Small .xlsx workbooks written by hand for the reader's tests: every XML part is spelled out here (so
// a test shows exactly what Excel would have saved), zipped by a minimal zip writer.
import { crc32, deflateRawSync } from 'node:zlib';

/** One file of a zip; `data` is deflated unless `raw` gives the compressed bytes already. */
export interface ZipFile {
  name: string;
  data?: Buffer;
  /** Already-deflated bytes with their declared size and CRC (for zip bombs). */
  raw?: { bytes: Buffer; size: number; crc: number };
}

/** The bytes of a zip holding `files`, deflated, with a central directory. */
export function zipFiles(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const bytes = file.raw?.bytes ?? deflateRawSync(file.data!);
    const size = file.raw?.size ?? file.data!.length;
    const crc = file.raw?.crc ?? crc32(file.data!);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(bytes.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(bytes.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, bytes);
    centrals.push(central, name);
    offset += local.length + name.length + bytes.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export interface SheetSpec {
  name: string;
  state?: 'hidden' | 'veryHidden';
  /** The rows: the XML inside <sheetData>. */
  rows?: string;
  /** The sheet's part, already zipped (for zip bombs); replaces `rows`. */
  raw?: ZipFile['raw'];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[];
  /** Raw <si> elements, when rich text or phonetic runs are needed. */
  sharedXml?: string;
  date1904?: boolean;
  /** numFmtId of each cell style (cellXfs), e.g. [0, 14] makes s="1" a date. */
  styles?: number[];
  /** Custom number formats by id. */
  numFmts?: Record<number, string>;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook as Excel lays it out: [Content_Types], rels, workbook, its rels, sheets, strings, styles. */
export function makeXlsx(spec: WorkbookSpec): Buffer {
  const b = (text: string) => Buffer.from(text, 'utf8');
  const escape = (t: string) =>
    t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const sheetEntries = spec.sheets.map(
    (s, i) =>
      `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
  );
  const rels = spec.sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  rels.push(`<Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  const shared =
    spec.sharedXml ??
    (spec.sharedStrings ?? [])
      .map((t) => `<si><t xml:space="preserve">${escape(t)}</t></si>`)
      .join('');
  const formats = Object.entries(spec.numFmts ?? {})
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escape(code)}"/>`)
    .join('');
  const files: ZipFile[] = [
    { name: '[Content_Types].xml', data: b('<?xml version="1.0"?><Types/>') },
    {
      name: '_rels/.rels',
      data: b(
        `<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: b(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>${sheetEntries.join('')}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: b(`<Relationships>${rels.join('')}</Relationships>`),
    },
    { name: 'xl/sharedStrings.xml', data: b(`<sst xmlns="${NS}">${shared}</sst>`) },
    {
      name: 'xl/styles.xml',
      data: b(
        `<styleSheet xmlns="${NS}"><numFmts>${formats}</numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs>${(spec.styles ?? [0]).map((id) => `<xf numFmtId="${id}" xfId="0"/>`).join('')}</cellXfs></styleSheet>`,
      ),
    },
    ...spec.sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      ...(s.raw
        ? { raw: s.raw }
        : {
            data: b(`<worksheet xmlns="${NS}"><sheetData>${s.rows ?? ''}</sheetData></worksheet>`),
          }),
    })),
  ];
  return zipFiles(files);
}

/**
 * A sheet part of `rows` copies of `row` (XML), deflated as independent full-flushed blocks so that
 * gigabytes cost a few megabytes and no time to build: the shape of a zip bomb.
 */
export function bombSheet(
  row: string,
  copies: number,
  declaredSize?: number,
): NonNullable<SheetSpec['raw']> {
  const head = Buffer.from(`<worksheet xmlns="${NS}"><sheetData>`);
  const tail = Buffer.from('</sheetData></worksheet>');
  const block = Buffer.from(row.repeat(Math.floor((1 << 20) / row.length)));
  const flush = { finishFlush: 2 /* Z_SYNC_FLUSH */, level: 9 };
  const middle = deflateRawSync(block, {
    ...flush,
    finishFlush: 3 /* Z_FULL_FLUSH: no reference across */,
  });
  const parts = [deflateRawSync(head, { ...flush, finishFlush: 3 })];
  for (let i = 0; i < copies; i++) parts.push(middle);
  parts.push(deflateRawSync(tail));
  const size = head.length + block.length * copies + tail.length;
  // the CRC is left 0: the reader must refuse (or stop) long before it could check one
  return { bytes: Buffer.concat(parts), size: declaredSize ?? size, crc: 0 };
}
