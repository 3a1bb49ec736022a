// An incremental CSV parser: feed it decoded text in chunks of any size, get back whole records with
// the physical line each starts on. Correct across chunk boundaries and quoted line breaks (the 64 KiB
// trap of arquero's loadCSV); fast on the common line without quotes (one indexOf and one split).
import type { RawRecord } from './record-source.js';

/**
 * A parser for one file: `push(text)` returns the records completed by `text`, `end()` the rest.
 * Rules: records end at LF, CRLF or CR outside quotes; a field that starts with `"` is quoted (`""` is
 * one quote, delimiters and line breaks inside are kept); a quote inside an unquoted field, or text
 * after a closing quote, is kept as written; lines with nothing on them are skipped. A quote left open
 * at the end of the file gives one record with `error` at the line the record starts on.
 * @example const p = new CsvParser(','); p.push('a,b\n1,'); p.push('2\n') // [{ line: 2, values: ['1', '2'] }]
 */
export class CsvParser {
  private carry = '';
  /** Text received while the carried record waits inside quotes for a closing quote. */
  private waiting: string[] = [];
  /** Physical line on which `carry` starts. */
  private line = 1;
  private failed = false;
  /** The carried record ended inside a quoted field: only text with a quote can complete it. */
  private inQuotes = false;

  constructor(private readonly delimiter: string) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new Error(
        `CsvParser: the delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}.`,
      );
    }
  }

  /** Parses `text` after what came before; returns the records it completes (the last may wait). */
  push(text: string): RawRecord[] {
    const out: RawRecord[] = [];
    if (this.failed) return out;
    if (this.inQuotes && !text.includes('"')) {
      // no quote, no end to the field: keep the text without scanning the record again (a long
      // quoted note spread over many chunks stays linear)
      this.waiting.push(text);
      return out;
    }
    const carried = this.waiting.length > 0 ? this.carry + this.waiting.join('') : this.carry;
    this.waiting = [];
    this.parse(carried === '' ? text : carried + text, false, out);
    return out;
  }

  /** Ends the input: returns the last record (or an error record for a quote left open). */
  end(): RawRecord[] {
    const out: RawRecord[] = [];
    const carried = this.carry + this.waiting.join('');
    if (!this.failed && carried !== '') this.parse(carried, true, out);
    this.carry = '';
    this.waiting = [];
    return out;
  }

  private parse(buf: string, final: boolean, out: RawRecord[]): void {
    const delimiter = this.delimiter;
    const n = buf.length;
    let i = 0;
    let line = this.line;
    let nextQuote = buf.indexOf('"');
    let nextLf = buf.indexOf('\n');
    let nextCr = buf.indexOf('\r');
    this.inQuotes = false;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === 10 || c === 13) {
        // an empty line (CRLF counts once)
        i += c === 13 && buf.charCodeAt(i + 1) === 10 ? 2 : 1;
        if (c === 13 && i === n && !final) {
          i--; // a CR at the end of a chunk may be half of CRLF: decide with the next chunk
          break;
        }
        line++;
        continue;
      }
      // next LF, CR and quote are found once and reused until passed (rescanning from every line
      // to the end of a chunk without CRs would be quadratic)
      if (nextLf >= 0 && nextLf < i) nextLf = buf.indexOf('\n', i);
      if (nextCr >= 0 && nextCr < i) nextCr = buf.indexOf('\r', i);
      if (nextQuote >= 0 && nextQuote < i) nextQuote = buf.indexOf('"', i);
      const eol = nextCr >= 0 && (nextLf < 0 || nextCr < nextLf) ? nextCr : nextLf;
      if (nextQuote < 0 || (eol >= 0 && nextQuote > eol)) {
        if (eol < 0 && !final) break;
        const end = eol < 0 ? n : eol;
        out.push({ line, values: buf.slice(i, end).split(delimiter) });
        if (eol < 0) {
          i = n;
          break;
        }
        const crlf = buf.charCodeAt(eol) === 13 && buf.charCodeAt(eol + 1) === 10;
        if (buf.charCodeAt(eol) === 13 && eol + 1 === n && !final) {
          out.pop(); // the record is whole, but its CR may be half of a CRLF: parse it again next time
          break;
        }
        i = eol + (crlf ? 2 : 1);
        line++;
        continue;
      }
      const record = quotedRecord(buf, i, delimiter, final);
      if (record === 'in-quotes' || record === undefined) {
        this.inQuotes = record === 'in-quotes';
        break; // incomplete: wait for more text
      }
      if (record.open) {
        out.push({
          line,
          values: [],
          error: `CSV syntax error: a quoted field opened on line ${line + record.breaks} is not closed: its closing quote is missing before the end of the file`,
        });
        this.failed = true;
        i = n;
        break;
      }
      out.push({ line, values: record.values });
      line += record.breaks + (record.next > record.end ? 1 : 0);
      i = record.next;
    }
    this.carry = i < n ? buf.slice(i) : '';
    this.line = line;
  }
}

/**
 * Reads one record starting at `start` that holds a quote, character by character. Returns undefined
 * when the text ends inside the record and more may come; `open` when a quote is left open at the end.
 */
function quotedRecord(buf: string, start: number, delimiter: string, final: boolean) {
  const values: string[] = [];
  const n = buf.length;
  const d = delimiter.charCodeAt(0);
  let i = start;
  let breaks = 0;
  for (;;) {
    let field = '';
    if (buf.charCodeAt(i) === 34) {
      i++;
      for (;;) {
        const q = buf.indexOf('"', i);
        if (q < 0) {
          if (!final) return 'in-quotes' as const;
          return { values, breaks, open: true, end: n, next: n };
        }
        const part = buf.slice(i, q);
        breaks += countBreaks(part);
        field += part;
        if (buf.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
        } else if (q + 1 === n && !final) {
          return undefined; // a quote at the very end: it might be the first half of ""
        } else {
          i = q + 1;
          break;
        }
      }
    }
    // unquoted text (or text after a closing quote) runs to the delimiter or the line end
    let j = i;
    while (j < n) {
      const c = buf.charCodeAt(j);
      if (c === d || c === 10 || c === 13) break;
      j++;
    }
    field += buf.slice(i, j);
    values.push(field);
    if (j === n) {
      if (!final) return undefined;
      return { values, breaks, open: false, end: n, next: n };
    }
    if (buf.charCodeAt(j) === d) {
      i = j + 1;
      continue;
    }
    if (buf.charCodeAt(j) === 13 && j + 1 === n && !final) return undefined;
    const next = j + (buf.charCodeAt(j) === 13 && buf.charCodeAt(j + 1) === 10 ? 2 : 1);
    return { values, breaks, open: false, end: j, next };
  }
}

/** Line breaks in quoted text: LF, CRLF and lone CR each count as one. */
function countBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 10) count++;
  }
  return count;
}
