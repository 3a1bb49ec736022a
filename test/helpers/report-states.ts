// What index.html of a `wbk report` run says of each notebook, for tests of runs on many extracts.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Each notebook's state on index.html: 'ok', 'na' (not applicable) or 'failed'. */
export function notebookStates(out: string): Record<string, string> {
  const html = readFileSync(path.join(out, 'index.html'), 'utf8');
  const found: Record<string, string> = {};
  for (const m of html.matchAll(
    /<tr><td>[^<]*<\/td><td><span class="(ok|na|failed)">.*?href="([0-9a-z-]+)\.html"/g,
  )) {
    found[m[2]] = m[1];
  }
  return found;
}
