// Markdown to HTML for the notebooks' text cells, as nbconvert renders them: headings with an anchor
// (id = the heading's text, spaces as hyphens), paragraphs, bullet and numbered lists, block quotes,
// fenced code, **bold**, *italic*, `code` and [links](url). Raw HTML in the source is kept as is.
import { escapeHtml } from '../../shared/html.js';

/**
 * The HTML of a markdown text (the subset the kit's notebooks use).
 * @example markdownHtml('## Leavers\n\nBy **district**.') // '<h2 id="Leavers">Leavers<a …>¶</a></h2>\n<p>By <strong>district</strong>.</p>'
 */
export function markdownHtml(source: string): string {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const fence = /^```\s*(\S*)/.exec(line);
    if (fence) {
      const body: string[] = [];
      for (i += 1; i < lines.length && !lines[i].startsWith('```'); i += 1) body.push(lines[i]);
      i += 1;
      out.push(`<pre><code>${escapeHtml(body.join('\n'))}\n</code></pre>`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      const text = inline(heading[2]);
      const id = escapeHtml(heading[2].replace(/[*`]/g, '').trim().replace(/ /g, '-'));
      out.push(
        `<h${level} id="${id}">${text}<a class="anchor-link" href="#${id}">&#182;</a></h${level}>`,
      );
      i += 1;
      continue;
    }
    if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      const ordered = /^\s*\d/.test(line);
      const items: string[] = [];
      while (i < lines.length && lines[i].trim() !== '') {
        const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(lines[i]);
        if (item) items.push(item[2]);
        else items[items.length - 1] += ` ${lines[i].trim()}`;
        i += 1;
      }
      const tag = ordered ? 'ol' : 'ul';
      out.push(`<${tag}>\n${items.map((t) => `<li>${inline(t)}</li>\n`).join('')}</${tag}>`);
      continue;
    }
    if (line.startsWith('>')) {
      const quoted: string[] = [];
      for (; i < lines.length && lines[i].startsWith('>'); i += 1)
        quoted.push(lines[i].replace(/^>\s?/, ''));
      out.push(`<blockquote>\n${markdownHtml(quoted.join('\n'))}\n</blockquote>`);
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      lines[i].trim() !== '' &&
      !/^(#{1,6}\s|```|>|\s*([-*+]|\d+[.)])\s+)/.test(lines[i])
    ) {
      paragraph.push(lines[i]);
      i += 1;
    }
    out.push(`<p>${inline(paragraph.join('\n'))}</p>`);
  }
  return out.join('');
}

/** Inline markdown: code spans first (their content is literal), then links, bold and italic. */
function inline(text: string): string {
  const parts = text.split(/(`[^`]+`)/);
  return parts
    .map((part, index) => {
      if (index % 2 === 1) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
      return escapeText(part)
        .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
        .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_, a, b) => `<strong>${a ?? b}</strong>`)
        .replace(/(^|[^*\w])\*(?!\s)(.+?)\*(?!\w)/g, '$1<em>$2</em>')
        .replace(/(^|[^\w])_(?!\s)(.+?)_(?!\w)/g, '$1<em>$2</em>');
    })
    .join('');
}

/** Escapes &, < and > outside raw HTML tags (markdown lets authors write HTML). */
function escapeText(text: string): string {
  return text
    .split(/(<\/?[A-Za-z][^>]*>)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/&(?![#\w]+;)/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;'),
    )
    .join('');
}
