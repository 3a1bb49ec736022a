// Light reports: the manager and analyst HTML of a run load plotly.js from one shared file in the
// report folder, named by its hash, instead of carrying 4.8 MB of it inline each. The executed
// notebook keeps the inline copy, so it still draws when opened alone in Jupyter.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PLOTLY_LIBRARY_MARK } from '../display/plotly.js';

const OPEN = `<script type="text/javascript" ${PLOTLY_LIBRARY_MARK}>`;
const CLOSE = '</script>';

/**
 * Moves every inline plotly.js of `htmlFile` into one shared `plotly-<hash>.min.js` beside it (written
 * once per folder; the same library gives the same name) and points the page at it. Returns the
 * bundle's file name, or null when the page holds no plotly library.
 * @example lightenHtml('reports/06-overtime-and-working-time.html') // 'plotly-3f2a9c1b0d4e.min.js'
 */
export function lightenHtml(htmlFile: string): string | null {
  const html = readFileSync(htmlFile, 'utf8');
  let out = '';
  let from = 0;
  let bundle: string | null = null;
  for (;;) {
    const start = html.indexOf(OPEN, from);
    if (start < 0) break;
    const end = html.indexOf(CLOSE, start + OPEN.length);
    if (end < 0) break;
    const source = html.slice(start + OPEN.length, end);
    bundle ??= writeBundle(path.dirname(htmlFile), source);
    out += `${html.slice(from, start)}<script type="text/javascript" src="${bundle}"></script>`;
    from = end + CLOSE.length;
  }
  if (bundle === null) return null;
  out += html.slice(from);
  const tmp = `${htmlFile}.tmp-${process.pid}`;
  writeFileSync(tmp, out);
  renameSync(tmp, htmlFile);
  return bundle;
}

function writeBundle(dir: string, source: string): string {
  const name = `plotly-${createHash('sha256').update(source).digest('hex').slice(0, 12)}.min.js`;
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    // Written as inlined: "<\/script" (escaped so the page could hold it) means the same in a script file.
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, source);
    renameSync(tmp, file);
  }
  return name;
}
