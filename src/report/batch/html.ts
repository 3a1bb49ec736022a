// Render an executed notebook as the report HTML, in Node, with the look of python/templates/wbk
// (nbconvert's JupyterLab template): the same page head (JupyterLab and pygments CSS, taken once
// from nbconvert and cached in .jupyter/), the same cell markup, markdown rendered for the subset
// the notebooks use, code highlighted with pygments' class names. Manager version: outputs only.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { escapeHtml } from '../../shared/html.js';
import { KIT_ROOT } from '../../shared/kit.js';
import { cellSource, type NotebookCell, type NotebookJson } from '../parameters.js';
import { highlightTypeScript } from './highlight.js';
import { markdownHtml } from './markdown.js';

export interface NotebookHtmlOptions {
  title: string;
  /** Show the code cells (the analyst version) or only their outputs (the manager version). */
  withCode: boolean;
}

/** nbconvert's order of preference among the MIME types of one output. */
const PRIORITY = ['text/html', 'text/markdown', 'text/plain'];

/**
 * The HTML page of an executed notebook, as `nbconvert --template wbk` would write it.
 * @example writeFileSync('reports/00.html', notebookHtml(executed, { title: '00', withCode: false }))
 */
export function notebookHtml(nb: NotebookJson, options: NotebookHtmlOptions): string {
  const head = pageHead().replace(
    /<title>[^<]*<\/title>/,
    `<title>${escapeHtml(options.title)}</title>`,
  );
  const cells = nb.cells.map((cell) => cellHtml(cell, options.withCode)).join('');
  return `${head}<body class="jp-Notebook" data-jp-theme-light="true" data-jp-theme-name="JupyterLab Light">\n${cells}\n</body>\n\n\n\n\n\n\n\n</html>\n`;
}

function cellHtml(cell: NotebookCell, withCode: boolean): string {
  if (cell.cell_type === 'markdown') {
    const prompt = withCode ? '<div class="jp-InputPrompt jp-InputArea-prompt">\n</div>' : '';
    return (
      '<div class="jp-Cell jp-MarkdownCell jp-Notebook-cell">\n<div class="jp-Cell-inputWrapper">\n' +
      '<div class="jp-Collapser jp-InputCollapser jp-Cell-inputCollapser">\n</div>\n' +
      `<div class="jp-InputArea jp-Cell-inputArea">${prompt}<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput " data-mime-type="text/markdown">\n` +
      `${markdownHtml(cellSource(cell))}\n\n</div>\n</div>\n</div>\n</div>`
    );
  }
  if (cell.cell_type !== 'code') return '';
  const outputs = (cell.outputs ?? []) as Output[];
  const tags = (cell.metadata?.tags ?? []).map((t) => ` celltag_${t}`).join('');
  const classes = `jp-Cell jp-CodeCell jp-Notebook-cell ${outputs.length === 0 ? 'jp-mod-noOutputs' : ''} ${withCode ? '' : 'jp-mod-noInput'} ${tags}`;
  const input = withCode
    ? '<div class="jp-Cell-inputWrapper">\n<div class="jp-Collapser jp-InputCollapser jp-Cell-inputCollapser">\n</div>\n' +
      '<div class="jp-InputArea jp-Cell-inputArea">\n' +
      `<div class="jp-InputPrompt jp-InputArea-prompt">In&nbsp;[${cell.execution_count ?? '&nbsp;'}]:</div>\n` +
      '<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor" data-type="inline">\n     <div class="CodeMirror cm-s-jupyter">\n' +
      `<div class=" highlight hl-typescript"><pre><span></span>${highlightTypeScript(cellSource(cell))}\n</pre></div>\n\n     </div>\n</div>\n</div>\n</div>\n`
    : '';
  const area =
    outputs.length === 0
      ? ''
      : '\n<div class="jp-Cell-outputWrapper">\n<div class="jp-Collapser jp-OutputCollapser jp-Cell-outputCollapser">\n</div>\n\n' +
        `<div class="jp-OutputArea jp-Cell-outputArea">\n${outputs.map(outputHtml).join('')}\n</div>\n\n</div>\n`;
  return `<div class="${classes}">\n${input}${area}\n</div>${outputs.length === 0 ? '' : '\n'}`;
}

type Output =
  | { output_type: 'stream'; name: string; text: string | string[] }
  | { output_type: 'display_data' | 'execute_result'; data: Record<string, unknown> };

function outputHtml(output: Output): string {
  const child = (inner: string) => `\n<div class="jp-OutputArea-child">\n\n\n${inner}\n\n</div>\n`;
  const text = (value: unknown) => (Array.isArray(value) ? value.join('') : String(value));
  if (output.output_type === 'stream') {
    const mime = output.name === 'stderr' ? 'application/vnd.jupyter.stderr' : 'text/plain';
    return child(
      `<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="${mime}">\n<pre>${escapeHtml(text(output.text))}</pre>\n</div>`,
    );
  }
  const mime = PRIORITY.find((m) => m in output.data);
  if (mime === 'text/html')
    return child(
      `<div class="jp-RenderedHTMLCommon jp-RenderedHTML jp-OutputArea-output " data-mime-type="text/html">\n${text(output.data[mime])}\n</div>`,
    );
  if (mime === 'text/markdown')
    return child(
      `<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-OutputArea-output " data-mime-type="text/markdown">\n${markdownHtml(text(output.data[mime]))}\n</div>`,
    );
  if (mime === 'text/plain')
    return child(
      `<div class="jp-RenderedText jp-OutputArea-output " data-mime-type="text/plain">\n<pre>${escapeHtml(text(output.data[mime]))}</pre>\n</div>`,
    );
  return child('');
}

let cachedHead: string | undefined;

/**
 * Everything before <body> in the pages nbconvert writes with the wbk template: taken once from
 * nbconvert and kept in .jupyter/ (keyed by the template's content), so later runs need no Python.
 * Without Jupyter, a plain head with the template's own CSS.
 */
export function pageHead(): string {
  if (cachedHead) return cachedHead;
  const templateDir = path.join(KIT_ROOT, 'python', 'templates', 'wbk');
  const hash = createHash('sha256');
  for (const file of readdirSync(templateDir).sort())
    hash.update(file).update(readFileSync(path.join(templateDir, file)));
  const cacheDir = path.join(KIT_ROOT, '.jupyter');
  const cacheFile = path.join(cacheDir, `wbk-html-head-${hash.digest('hex').slice(0, 16)}.html`);
  if (existsSync(cacheFile)) return (cachedHead = readFileSync(cacheFile, 'utf8'));
  const head = headFromNbconvert();
  if (head === null) return (cachedHead = fallbackHead());
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${cacheFile}.tmp-${process.pid}`;
  writeFileSync(tmp, head);
  renameSync(tmp, cacheFile);
  return (cachedHead = head);
}

function headFromNbconvert(): string | null {
  const envFile = path.join(KIT_ROOT, '.jupyter', 'wbk-env.json');
  if (!existsSync(envFile)) return null;
  const { python } = JSON.parse(readFileSync(envFile, 'utf8')) as { python: string };
  const script = [
    'import sys, nbformat',
    'from nbconvert import HTMLExporter',
    'nb = nbformat.v4.new_notebook()',
    "nb.cells.append(nbformat.v4.new_markdown_cell('x'))",
    "nb.metadata['title'] = 'WBK_TITLE'",
    `e = HTMLExporter(template_name='wbk', extra_template_basedirs=[sys.argv[1]], exclude_output_prompt=True)`,
    'sys.stdout.write(e.from_notebook_node(nb)[0])',
  ].join('\n');
  const result = spawnSync(python, ['-c', script, path.join(KIT_ROOT, 'python', 'templates')], {
    encoding: 'utf8',
    env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' },
    maxBuffer: 64 * 1024 * 1024,
    cwd: os.tmpdir(),
  });
  const at = result.status === 0 ? result.stdout.indexOf('<body') : -1;
  return at < 0 ? null : result.stdout.slice(0, at);
}

function fallbackHead(): string {
  return [
    '<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n',
    '<title>WBK_TITLE</title>\n',
    '<style>',
    '  body.jp-Notebook { max-width: 1180px; margin: 0 auto; font-family: system-ui, sans-serif; }',
    '  .wbk-table td.num, .wbk-table th.num { text-align: right; font-variant-numeric: tabular-nums; }',
    '  .jp-InputPrompt { color: #307fc1; font-family: monospace; font-size: 13px; }',
    '  .highlight pre { background: #f5f5f5; padding: 4px 8px; overflow-x: auto; }',
    '  .jp-Cell { margin: 8px 0; }',
    '</style>\n</head>\n',
  ].join('\n');
}
