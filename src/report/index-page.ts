// index.html of a report run: what was run, on which files (size, SHA-256), with which parameters and
// disclosure policy, and each notebook's status with links to its outputs. Self-contained, offline.
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../io/glob.js';
import { escapeHtml } from '../shared/html.js';
import { errorHeadline, notApplicableText, type NotebookRun } from './jupyter/run-notebook.js';

/** One input file as the index lists it. */
export interface InputFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Everything the index page shows about a run. */
export interface RunRecord {
  title: string;
  kitVersion: string;
  startedAt: Date;
  finishedAt: Date;
  parameters: Record<string, unknown>;
  policy: Record<string, unknown>;
  inputs: InputFile[];
  notebooks: { run: NotebookRun; title: string; links: { label: string; href: string }[] }[];
  /** Links to per-unit report sets, when the run made them. */
  units?: { unit: string; href: string; failed: number }[];
  /** Other files of the run worth a link (e.g. metrics.json, the headline figures). */
  files?: { label: string; href: string }[];
}

/**
 * Size and SHA-256 of every file under `dir` as the loader lists it (recursively, sorted, dot-files
 * skipped, symbolic links followed: a linked file is hashed like any other), streamed so large files
 * are fine; `dir` may also be one file.
 * @example const inputs = await describeInputs('data/demo')
 */
export async function describeInputs(dir: string): Promise<InputFile[]> {
  const files = statSync(dir).isDirectory()
    ? (await listFiles(dir)).map((file) => path.join(dir, file))
    : [dir];
  return Promise.all(
    files.map(async (file) => ({
      path: file,
      bytes: statSync(file).size,
      sha256: await sha256(file),
    })),
  );
}

/** The SHA-256 of a file, hex. */
export function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/**
 * The index page of a run as one HTML string (no scripts, no external resources).
 * @example writeFileSync('reports/index.html', indexPageHtml(record))
 */
export function indexPageHtml(record: RunRecord): string {
  const e = (value: unknown) => escapeHtml(String(value));
  const failed = record.notebooks.filter((n) => n.run.status === 'failed').length;
  const status = failed === 0 ? 'complete' : `${failed} notebook${failed === 1 ? '' : 's'} failed`;
  const rows = record.notebooks
    .map(({ run, title, links }) => {
      const state =
        run.status === 'ok' && run.notApplicable
          ? `<span class="na">${e(notApplicableText(run))}</span>`
          : run.status === 'ok'
            ? '<span class="ok">ok</span>'
            : `<span class="failed">FAILED</span> <small>cell ${e(run.cell ?? '?')}: ${e(errorHeadline(run.message ?? ''))}</small>`;
      const anchors = links.map((l) => `<a href="${e(l.href)}">${e(l.label)}</a>`).join(' · ');
      return `<tr><td>${e(title)}</td><td>${state}</td><td>${anchors}</td><td class="num">${run.seconds.toFixed(1)} s</td></tr>`;
    })
    .join('\n');
  const units = (record.units ?? [])
    .map(
      (u) =>
        `<li><a href="${e(u.href)}">${e(u.unit)}</a>${u.failed ? ` <span class="failed">(${u.failed} failed)</span>` : ''}</li>`,
    )
    .join('');
  const files = (record.files ?? [])
    .map((f) => `<li><a href="${e(f.href)}">${e(f.label)}</a></li>`)
    .join('');
  const kv = (obj: Record<string, unknown>) =>
    Object.entries(obj)
      .map(
        ([k, v]) =>
          `<tr><th>${e(k)}</th><td>${e(typeof v === 'string' ? v : JSON.stringify(v))}</td></tr>`,
      )
      .join('');
  const inputs = record.inputs
    .map(
      (f) =>
        `<tr><td>${e(f.path)}</td><td class="num">${f.bytes.toLocaleString('en-GB')}</td><td><code>${e(f.sha256)}</code></td></tr>`,
    )
    .join('');
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${e(record.title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}
.num{text-align:right}.ok{color:#1b5e20;font-weight:bold}.failed{color:#b00020;font-weight:bold}.na{color:#555}code{font-size:11px}
</style></head><body>
<h1>${e(record.title)}</h1>
<p>Run ${status}. Started ${e(record.startedAt.toISOString())}, finished ${e(record.finishedAt.toISOString())}; wellbeing-kit ${e(record.kitVersion)}.</p>
<h2>Reports</h2>
<table><thead><tr><th>notebook</th><th>status</th><th>files</th><th>time</th></tr></thead><tbody>
${rows}
</tbody></table>
${files ? `<h2>Also in this run</h2><ul>${files}</ul>` : ''}
${units ? `<h2>Reports per unit</h2><ul>${units}</ul>` : ''}
<h2>Parameters</h2><table>${kv(record.parameters)}</table>
<h2>Disclosure policy</h2><table>${kv(record.policy)}</table>
<h2>Input files</h2><table><thead><tr><th>file</th><th>bytes</th><th>SHA-256</th></tr></thead><tbody>${inputs}</tbody></table>
</body></html>
`;
}
