// One CSV record that holds a quote, read character by character with the limits that let the parser
// recover from an unbalanced quote: how far a quoted field may run, and who to blame when it runs on.
/** Limits of one record; past them the record is rejected and parsing resumes at a later line. */
export interface CsvLimits {
  /** Longest record, in characters (default 1,048,576 = 1 MiB). */
  maxRecordChars: number;
  /** Most line breaks one quoted field may hold (default 10,000). */
  maxQuotedLines: number;
}

/** The default limits: a record of 1 MiB or a quoted field of 10,000 lines is far beyond any HR export. */
export const CSV_LIMITS: Readonly<CsvLimits> = { maxRecordChars: 1 << 20, maxQuotedLines: 10_000 };

export type QuotedResult =
  | { kind: 'more'; inQuotes: boolean }
  | {
      kind: 'record';
      values: string[];
      breaks: number;
      end: number;
      next: number;
      strayText: boolean;
      opened: Opened;
    }
  | { kind: 'open'; reason: 'eof' | 'lines' | 'size'; opened: Opened };

/** Where the quoted field to blame opened: its quote's index, line breaks before it, field number. */
interface Opened {
  at: number;
  breaksBefore: number;
  field: number;
}

/**
 * Reads one record starting at `start` that holds a quote, character by character. 'more' when the
 * text ends inside the record and more may come; 'open' when a quote is left open at the end of the
 * file or a limit is passed. `opened` is the first quoted field holding a line break (or the field
 * being read when a limit was passed).
 */
export function quotedRecord(
  buf: string,
  start: number,
  delimiter: string,
  final: boolean,
  limits: CsvLimits,
): QuotedResult {
  const values: string[] = [];
  const n = buf.length;
  const d = delimiter.charCodeAt(0);
  const limit = start + limits.maxRecordChars;
  let i = start;
  let breaks = 0;
  let strayText = false;
  let opened: Opened | undefined;
  for (;;) {
    let field = '';
    const here: Opened = { at: i, breaksBefore: breaks, field: values.length };
    if (buf.charCodeAt(i) === 34) {
      i++;
      let fieldBreaks = 0;
      for (;;) {
        const q = buf.indexOf('"', i);
        const stop = q < 0 ? n : q;
        if (stop > limit) return { kind: 'open', reason: 'size', opened: here };
        const part = buf.slice(i, stop);
        const partBreaks = countBreaks(part);
        fieldBreaks += partBreaks;
        if (fieldBreaks > limits.maxQuotedLines) {
          return { kind: 'open', reason: 'lines', opened: here };
        }
        if (q < 0) {
          if (!final) return { kind: 'more', inQuotes: true };
          return { kind: 'open', reason: 'eof', opened: here };
        }
        field += part;
        if (buf.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
        } else if (q + 1 === n && !final) {
          return { kind: 'more', inQuotes: false }; // a quote at the very end: maybe the first half of ""
        } else {
          i = q + 1;
          break;
        }
      }
      if (fieldBreaks > 0 && opened === undefined) opened = here;
      breaks += fieldBreaks;
      const next = buf.charCodeAt(i);
      if (i < n && next !== d && next !== 10 && next !== 13) strayText = true;
    }
    // unquoted text (or text after a closing quote) runs to the delimiter or the line end
    let j = i;
    while (j < n) {
      const c = buf.charCodeAt(j);
      if (c === d || c === 10 || c === 13) break;
      j++;
    }
    if (j > limit) return { kind: 'open', reason: 'size', opened: here };
    field += buf.slice(i, j);
    values.push(field);
    if (j === n) {
      if (!final) return { kind: 'more', inQuotes: false };
      return { kind: 'record', values, breaks, end: n, next: n, strayText, opened: opened ?? here };
    }
    if (buf.charCodeAt(j) === d) {
      i = j + 1;
      continue;
    }
    if (buf.charCodeAt(j) === 13 && j + 1 === n && !final) return { kind: 'more', inQuotes: false };
    const next = j + (buf.charCodeAt(j) === 13 && buf.charCodeAt(j + 1) === 10 ? 2 : 1);
    return { kind: 'record', values, breaks, end: j, next, strayText, opened: opened ?? here };
  }
}

export function quoteMessage(
  record: Exclude<QuotedResult, { kind: 'more' }>,
  line: number,
  opened: number,
  limits: CsvLimits,
): string {
  const where = `a quoted field (field ${record.opened.field + 1}) opened on line ${opened}`;
  const why =
    record.kind === 'record'
      ? `closes on a later line, but the record it makes ${record.strayText ? 'has text after a closing quote' : `has ${record.values.length} fields where the header has a different number`}`
      : record.reason === 'eof'
        ? 'is not closed before the end of the file'
        : record.reason === 'lines'
          ? `is still open after ${limits.maxQuotedLines.toLocaleString('en-GB')} lines`
          : `runs past ${limits.maxRecordChars.toLocaleString('en-GB')} characters`;
  const span = opened > line ? `lines ${line}–${opened} were` : `line ${line} was`;
  return `CSV syntax error: ${where} ${why}, so it is probably an unbalanced quote; ${span} rejected and reading went on at line ${opened + 1}. Close the quote, or double a quote that is part of the text (""), then export again`;
}

/** Whether a record has the header's number of fields (extra empty fields are allowed). */
export function fits(values: string[], width: number): boolean {
  if (values.length < width) return false;
  for (let k = width; k < values.length; k++) if (values[k].trim() !== '') return false;
  return true;
}

/** Index of the first quote, LF or CR in `text`, or -1. */
export function firstStop(text: string): number {
  const candidates = [text.indexOf('"'), text.indexOf('\n'), text.indexOf('\r')].filter(
    (k) => k >= 0,
  );
  return candidates.length === 0 ? -1 : Math.min(...candidates);
}

/** Index of the first LF or CR at or after `from`, or -1. */
export function firstBreak(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  return lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
}

/** Line breaks in quoted text: LF, CRLF and lone CR each count as one. */
export function countBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== 10) count++;
  }
  return count;
}
