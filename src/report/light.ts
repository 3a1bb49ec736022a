// Light reports: the manager and analyst HTML of a run load plotly.js and their stylesheet from shared
// files in the report folder, named by their hash, instead of carrying them inline each (4.8 MB of
// plotly.js; 0.56 MB of JupyterLab's CSS in every page). The executed notebook keeps the inline
// copies, so it still draws when opened alone in Jupyter.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PLOTLY_LIBRARY_MARK } from '../display/plotly.js';

const OPEN = `<script type="text/javascript" ${PLOTLY_LIBRARY_MARK}>`;
const CLOSE = '</script>';

/** The shared files a page was pointed at (lightenHtml). */
export interface LightFiles {
  /** plotly.js, or null when the page held none. */
  plotly: string | null;
  /** The stylesheets its head's inline CSS moved to, in order (none when it held none). */
  stylesheets: string[];
}

/**
 * Moves every inline plotly.js of `htmlFile` into one shared `plotly-<hash>.min.js` beside it, and
 * each run of adjacent plain `<style>` blocks of its head into one `wbk-style-<hash>.css` (written once
 * per folder; the same content gives the same name), and points the page at them. A style block with
 * other attributes than `type="text/css"` (a `media`, say) stays inline, between two runs, so the
 * cascade keeps its order.
 * @example lightenHtml('reports/06-overtime-and-working-time.html') // { plotly: 'plotly-3f2a9c1b0d4e.min.js', stylesheets: ['wbk-style-…css'] }
 */
export function lightenHtml(htmlFile: string): LightFiles {
  const page = readFileSync(htmlFile, 'utf8');
  const { html: styled, stylesheets } = shareStyles(page, path.dirname(htmlFile));
  const { html, plotly } = sharePlotly(styled, path.dirname(htmlFile));
  if (html !== page) {
    const tmp = `${htmlFile}.tmp-${process.pid}`;
    writeFileSync(tmp, html);
    renameSync(tmp, htmlFile);
  }
  return { plotly, stylesheets };
}

function sharePlotly(html: string, dir: string): { html: string; plotly: string | null } {
  let out = '';
  let from = 0;
  let bundle: string | null = null;
  for (;;) {
    const start = html.indexOf(OPEN, from);
    if (start < 0) break;
    const end = html.indexOf(CLOSE, start + OPEN.length);
    if (end < 0) break;
    const source = html.slice(start + OPEN.length, end);
    bundle ??= writeShared(dir, 'plotly-', '.min.js', source);
    out += `${html.slice(from, start)}<script type="text/javascript" src="${bundle}"></script>`;
    from = end + CLOSE.length;
  }
  if (bundle === null) return { html, plotly: null };
  return { html: out + html.slice(from), plotly: bundle };
}

// A plain style block: no attributes, or only type="text/css".
const STYLE = /<style(?:\s+type=(?:"text\/css"|'text\/css'))?\s*>([\s\S]*?)<\/style\s*>/y;

function shareStyles(html: string, dir: string): { html: string; stylesheets: string[] } {
  const body = html.search(/<body[\s>]/i);
  const end = body < 0 ? html.length : body;
  const gap = /\s*/y;
  const stylesheets: string[] = [];
  let out = '';
  let from = 0; // the page before `from` is in `out`
  let at = html.indexOf('<style');
  while (at >= 0 && at < end) {
    // the run of plain blocks starting at `at`, with only white space between them
    const parts: string[] = [];
    let stop = at;
    for (let next = at; ;) {
      STYLE.lastIndex = next;
      const block = STYLE.exec(html);
      if (block === null || STYLE.lastIndex > end) break;
      parts.push(block[1]);
      stop = STYLE.lastIndex;
      gap.lastIndex = stop;
      gap.exec(html);
      next = gap.lastIndex;
    }
    if (parts.length === 0) {
      // a block with other attributes stays where it is
      const close = html.indexOf('</style>', at);
      at = close < 0 ? -1 : html.indexOf('<style', close);
      continue;
    }
    const name = writeShared(dir, 'wbk-style-', '.css', parts.join('\n'));
    stylesheets.push(name);
    out += `${html.slice(from, at)}<link rel="stylesheet" href="${name}">`;
    from = stop;
    at = html.indexOf('<style', from);
  }
  return { html: out + html.slice(from), stylesheets };
}

/** Writes `source` as `<prefix><hash><suffix>` in `dir` unless there, and returns the name. */
function writeShared(dir: string, prefix: string, suffix: string, source: string): string {
  const name = `${prefix}${createHash('sha256').update(source).digest('hex').slice(0, 12)}${suffix}`;
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    // Written as inlined: "<\/script" (escaped so the page could hold it) means the same in a script file.
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, source);
    renameSync(tmp, file);
  }
  return name;
}
