// A streaming XML tokenizer for the parts of a workbook: feed it text in chunks of any size, it calls
// back with each start tag (name without prefix, raw attribute text), end tag and piece of text. It
// holds at most one unfinished tag, so memory stays flat however large the sheet; it never expands
// entities beyond XML's five and character references, and refuses a DOCTYPE.

/** What the tokenizer calls: `text` may be called several times for one run of text. */
export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** The longest tag the tokenizer holds whole (1 MiB): a longer one is not a workbook's. */
export const MAX_TAG_CHARS = 1 << 20;

/**
 * A tokenizer over `handler`: `push(text)` for each decoded chunk, then `end()`. Tag names lose
 * their namespace prefix (`x:c` → `c`); text is decoded (&amp; &lt; &gt; &quot; &apos; &#…;).
 * Throws on a tag over MAX_TAG_CHARS or a DOCTYPE.
 * @example new XmlTokenizer({ open: (n) => names.push(n), close() {}, text() {} }).push('<a><b/></a>')
 */
export class XmlTokenizer {
  private carry = '';

  constructor(private readonly handler: XmlHandler) {}

  push(chunk: string): void {
    const buf = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    const n = buf.length;
    let i = 0;
    while (i < n) {
      const lt = buf.indexOf('<', i);
      if (lt < 0) {
        // text to the end: keep back a character reference that may continue in the next chunk
        const amp = buf.lastIndexOf('&');
        const cut = amp >= i && buf.indexOf(';', amp) < 0 ? amp : n;
        if (cut > i) this.handler.text(decodeText(buf.slice(i, cut)));
        i = cut;
        break;
      }
      if (lt > i) this.handler.text(decodeText(buf.slice(i, lt)));
      const end = tagEnd(buf, lt);
      if (end < 0) {
        i = lt;
        break;
      }
      const second = buf.charCodeAt(lt + 1);
      if (second === 47) {
        // </name>
        this.handler.close(localName(buf.slice(lt + 2, end).trim()));
      } else if (second === 33) {
        // <!-- comment -->, <![CDATA[ … ]]>; a DOCTYPE could declare entities: refused
        if (buf.startsWith('<![CDATA[', lt)) this.handler.text(buf.slice(lt + 9, end - 2));
        else if (!buf.startsWith('<!--', lt)) {
          throw new Error('the XML holds a DOCTYPE declaration, which a workbook never needs');
        }
      } else if (second !== 63) {
        // a start tag (<?…?> processing instructions are skipped)
        const selfClosing = buf.charCodeAt(end - 1) === 47;
        const inner = buf.slice(lt + 1, selfClosing ? end - 1 : end);
        const space = inner.search(/[\s]/);
        const name = space < 0 ? inner : inner.slice(0, space);
        this.handler.open(localName(name), space < 0 ? '' : inner.slice(space), selfClosing);
      }
      i = end + 1;
    }
    if (i < n) {
      this.carry = buf.slice(i);
      if (this.carry.length > MAX_TAG_CHARS) {
        throw new Error(`the XML holds a tag longer than ${MAX_TAG_CHARS} characters`);
      }
    }
  }

  /** Ends the input; throws when it stops inside a tag. */
  end(): void {
    if (this.carry.trim() !== '' && this.carry.includes('<')) {
      throw new Error('the XML ends inside a tag');
    }
    this.carry = '';
  }
}

/**
 * The value of attribute `name` (matched without its prefix) in raw attribute text, decoded, or
 * undefined when absent.
 * @example attribute(' r="A1" t="s"', 't') // 's'
 */
export function attribute(attributes: string, name: string): string | undefined {
  let pattern = PATTERNS.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`(?:^|[\\s:])${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    PATTERNS.set(name, pattern);
  }
  const m = pattern.exec(attributes);
  if (m === null) return undefined;
  return decodeText(m[1] ?? m[2]);
}

const PATTERNS = new Map<string, RegExp>();

/** Index of the '>' ending the markup that starts at `lt` (outside quotes, after a comment or CDATA), or -1. */
function tagEnd(buf: string, lt: number): number {
  if (buf.startsWith('<!--', lt)) {
    const end = buf.indexOf('-->', lt + 4);
    return end < 0 ? -1 : end + 2;
  }
  if (buf.startsWith('<![CDATA[', lt)) {
    const end = buf.indexOf(']]>', lt + 9);
    return end < 0 ? -1 : end + 2;
  }
  let quote = 0;
  for (let k = lt + 1; k < buf.length; k++) {
    const c = buf.charCodeAt(k);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return k;
  }
  return -1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with XML's five named entities and numeric character references decoded. */
function decodeText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref];
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
