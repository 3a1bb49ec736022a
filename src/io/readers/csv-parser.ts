// An incremental CSV parser: feed it decoded text in chunks of any size, get back whole records with
// the physical line each starts on. Correct across chunk boundaries and quoted line breaks (the 64 KiB
// trap of arquero's loadCSV); fast on the common line without quotes (one indexOf and one split);
// never holds more than one record of at most `maxRecordChars` (plus one chunk) in memory.
import {
  CSV_LIMITS,
  type CsvLimits,
  countBreaks,
  firstBreak,
  firstStop,
  fits,
  quotedRecord,
  quoteMessage,
} from './csv-quoted.js';
import type { RawRecord } from './record-source.js';

export { CSV_LIMITS, type CsvLimits } from './csv-quoted.js';

export interface CsvParserOptions extends Partial<CsvLimits> {
  /**
   * The first record is a header: a record that spans lines inside quotes and then has fewer fields
   * than the header (or more non-empty ones), or text after a closing quote, is taken as an
   * unbalanced quote and rejected (default false).
   */
  header?: boolean;
}

/**
 * A parser for one file: `push(text)` returns the records completed by `text`, `end()` the rest.
 * Rules: records end at LF, CRLF or CR outside quotes; a field that starts with `"` is quoted (`""` is
 * one quote, delimiters and line breaks inside are kept); a quote inside an unquoted field, or text
 * after a closing quote, is kept as written; lines with nothing on them are skipped.
 * Recovery: a quoted field still open at the end of the file or after `maxQuotedLines` line breaks
 * (and, with `header`, a multi-line record that does not fit the header) gives one record with
 * `error` and rule `unclosed_quote` at the line the record starts, and parsing resumes at the line
 * after the one where that quote opened; a record over `maxRecordChars` gives rule `record_too_long`
 * and parsing resumes at the next line. So every physical line is parsed into a record or rejected.
 * @example const p = new CsvParser(','); p.push('a,b\n1,'); p.push('2\n') // [{ line: 2, values: ['1', '2'] }]
 */
export class CsvParser {
  /** Text of the record not yet complete (from its first character), in pieces. */
  private parts: string[] = [];
  private partsLength = 0;
  /** Line breaks in `parts` (counted only while waiting inside quotes). */
  private partsBreaks = 0;
  /**
   * 'plain': `parts` holds no quote and no line break, so new text alone is searched; 'rescan': the
   * record is parsed again from its start when text comes (bounded by `maxRecordChars`).
   */
  private pending: 'plain' | 'rescan' = 'plain';
  /** The pending record ended inside a quoted field: only text with a quote can complete it. */
  private inQuotes = false;
  /** Physical line on which the pending record starts. */
  private line = 1;
  /** Discarding text up to the next line break (after a record over the limit). */
  private skipping = false;
  /** The last character skipped was a CR: a LF right after it is the same line break. */
  private skippedCr = false;
  private width: number | undefined;
  private readonly limits: CsvLimits;
  private readonly header: boolean;

  constructor(
    private readonly delimiter: string,
    { header = false, ...limits }: CsvParserOptions = {},
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new Error(
        `CsvParser: the delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}.`,
      );
    }
    this.header = header;
    this.limits = { ...CSV_LIMITS, ...limits };
  }

  /** Parses `text` after what came before; returns the records it completes (the last may wait). */
  push(text: string): RawRecord[] {
    const out: RawRecord[] = [];
    if (this.skippedCr && text.charCodeAt(0) === 10) text = text.slice(1);
    this.skippedCr = false;
    if (this.skipping) text = this.skip(text);
    if (text === '') return out;
    if (this.partsLength === 0) {
      this.parse(text, false, out);
      return out;
    }
    if (this.pending === 'plain') {
      // the pending text has no quote and no line break: search the new text only, so a long line
      // arriving in many chunks is scanned once
      const stop = firstStop(text);
      if (stop < 0) {
        this.append(text);
        if (this.partsLength > this.limits.maxRecordChars) {
          this.tooLong(out);
          this.skipping = true;
        }
        return out;
      }
      if (text.charCodeAt(stop) !== 34 && this.partsLength + stop > this.limits.maxRecordChars) {
        this.tooLong(out);
        this.parse(text.slice(stop), false, out); // its line break ends the skipped line
        return out;
      }
    } else if (this.inQuotes && !text.includes('"')) {
      // no quote, no end to the field: keep the text without scanning the record again (a long
      // quoted note spread over many chunks stays linear) until it may have passed a limit
      this.append(text);
      this.partsBreaks += countBreaks(text);
      if (
        this.partsLength <= this.limits.maxRecordChars &&
        this.partsBreaks <= this.limits.maxQuotedLines
      ) {
        return out;
      }
      text = '';
    }
    const carried = this.parts.join('');
    this.clearParts();
    this.parse(carried + text, false, out);
    return out;
  }

  /** Ends the input: returns the last record (or a rejected one for a quote left open). */
  end(): RawRecord[] {
    const out: RawRecord[] = [];
    const carried = this.parts.join('');
    this.clearParts();
    if (!this.skipping && carried !== '') this.parse(carried, true, out);
    this.skipping = false;
    return out;
  }

  private append(text: string): void {
    this.parts.push(text);
    this.partsLength += text.length;
  }

  private clearParts(): void {
    this.parts = [];
    this.partsLength = 0;
    this.partsBreaks = 0;
    this.pending = 'plain';
    this.inQuotes = false;
  }

  /** Rejects the pending plain line as too long and forgets it. */
  private tooLong(out: RawRecord[]): void {
    out.push(this.tooLongRecord(this.line));
    this.clearParts();
  }

  private tooLongRecord(line: number): RawRecord {
    return {
      line,
      values: [],
      rule: 'record_too_long',
      error: `line ${line} is longer than ${this.limits.maxRecordChars.toLocaleString('en-GB')} characters, so it was skipped and reading went on at the next line. A line this long is not a row of an HR export (a file without line breaks, or not CSV at all): check the export`,
    };
  }

  /** Drops text up to and including the next line break; returns what follows it. */
  private skip(text: string): string {
    const stop = firstBreak(text, 0);
    if (stop < 0) return '';
    this.skipping = false;
    this.line++;
    if (text.charCodeAt(stop) === 13) {
      if (stop + 1 === text.length) {
        this.skippedCr = true;
        return '';
      }
      if (text.charCodeAt(stop + 1) === 10) return text.slice(stop + 2);
    }
    return text.slice(stop + 1);
  }

  private parse(buf: string, final: boolean, out: RawRecord[]): void {
    const delimiter = this.delimiter;
    const max = this.limits.maxRecordChars;
    const n = buf.length;
    let i = 0;
    let line = this.line;
    let nextQuote = buf.indexOf('"');
    let nextLf = buf.indexOf('\n');
    let nextCr = buf.indexOf('\r');
    let pending: 'plain' | 'rescan' = 'plain';
    let inQuotes = false;
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (c === 10 || c === 13) {
        // an empty line (CRLF counts once)
        i += c === 13 && buf.charCodeAt(i + 1) === 10 ? 2 : 1;
        if (c === 13 && i === n && !final) {
          i--; // a CR at the end of a chunk may be half of CRLF: decide with the next chunk
          pending = 'rescan';
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
        if (eol < 0 && !final) {
          if (n - i > max) {
            out.push(this.tooLongRecord(line));
            this.skipping = true;
            i = n;
          }
          break;
        }
        const end = eol < 0 ? n : eol;
        if (end - i > max) {
          out.push(this.tooLongRecord(line));
          i = end; // the line break (if any) is consumed as an empty line, which counts the line
          continue;
        }
        if (buf.charCodeAt(end) === 13 && end + 1 === n && !final) {
          pending = 'rescan'; // the record is whole, but its CR may be half of a CRLF
          break;
        }
        this.emit(out, { line, values: buf.slice(i, end).split(delimiter) });
        if (eol < 0) {
          i = n;
          break;
        }
        i = eol + (buf.charCodeAt(eol) === 13 && buf.charCodeAt(eol + 1) === 10 ? 2 : 1);
        line++;
        continue;
      }
      const record = quotedRecord(buf, i, delimiter, final, this.limits);
      if (record.kind === 'more') {
        pending = 'rescan';
        inQuotes = record.inQuotes;
        break; // incomplete: wait for more text
      }
      if (record.kind === 'record') {
        const malformed =
          this.header &&
          this.width !== undefined &&
          record.breaks > 0 &&
          (record.strayText || !fits(record.values, this.width));
        if (!malformed) {
          this.emit(out, { line, values: record.values });
          line += record.breaks + (record.next > record.end ? 1 : 0);
          i = record.next;
          continue;
        }
      }
      // a quote that does not close where it should: reject the lines up to the one it opened on
      const { at, breaksBefore } = record.opened;
      const opened = line + breaksBefore;
      out.push({
        line,
        values: [],
        rule:
          record.kind === 'open' && record.reason === 'size' ? 'record_too_long' : 'unclosed_quote',
        field: record.opened.field,
        error: quoteMessage(record, line, opened, this.limits),
      });
      line = opened;
      const stop = firstBreak(buf, at);
      if (stop >= 0) {
        i = stop; // consumed as an empty line, which moves to the line after the opening one
      } else {
        if (!final) this.skipping = true;
        i = n;
      }
    }
    if (i < n) {
      this.append(buf.slice(i));
      this.pending = pending;
      this.inQuotes = inQuotes;
    }
    this.line = line;
  }

  private emit(out: RawRecord[], record: RawRecord): void {
    if (this.header && this.width === undefined) this.width = record.values.length;
    out.push(record);
  }
}
