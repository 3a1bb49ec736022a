// End to end: `wbk report` on a small generated force runs every notebook (the smoke run), writes the
// full report set, leaks nothing personal (the privacy scan), and re-runs for another period per unit.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { generateDemoForce } from '../../src/demo/generate.js';
import { metricsCommand } from '../../src/cli/metrics.js';
import { auditLeakText, auditPublishedTables } from '../../src/privacy/audit.js';
import { exportedTables } from '../../src/report/exports.js';
import { metricsAuditTables } from '../../src/report/metrics/audit.js';
import { listNotebooks } from '../../src/report/jupyter/run-notebooks.js';
import { writeNotebook } from '../helpers/notebook.js';
import { checkPage, launchBrowser } from '../helpers/browser.js';
import { readDemo } from '../demo/demo-csv.js';

const MIN_GROUP = 5;

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

describe('wbk report', function () {
  this.timeout(900_000);
  let data: string;
  let out: string;
  let code: number;
  const notebooks = listNotebooks('notebooks').map((f) => path.basename(f, '.ipynb'));

  before(async () => {
    data = mkdtempSync(path.join(os.tmpdir(), 'wbk-data-'));
    out = mkdtempSync(path.join(os.tmpdir(), 'wbk-out-'));
    await generateDemoForce({ people: 300, outDir: data });
    code = await reportCommand.run(['--data', data, '--out', out, '--jobs', '2']);
  });
  after(() => {
    rmSync(data, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('runs every notebook on a small force (smoke run) and exits 0', () => {
    assert.equal(code, 0);
    assert.ok(notebooks.length >= 1);
  });

  it('writes for each notebook the manager HTML, the analyst HTML and the executed notebook', () => {
    for (const name of notebooks) {
      for (const suffix of ['.html', '.code.html', '.ipynb']) {
        assert.ok(existsSync(path.join(out, name + suffix)), `${name}${suffix} missing`);
      }
    }
  });

  it('writes index.html with the kit version, parameters, input hashes, policy and statuses', () => {
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.ok(index.includes(`wellbeing-kit ${pkg.version}`));
    const people = readFileSync(path.join(data, 'people.csv'));
    const sha = createHash('sha256').update(people).digest('hex');
    assert.ok(index.includes(sha), 'the SHA-256 of people.csv is listed');
    assert.ok(index.includes(statSync(path.join(data, 'people.csv')).size.toLocaleString('en-GB')));
    assert.ok(
      index.includes('FY2024-25'),
      'the default period is the latest complete financial year',
    );
    assert.ok(index.includes('minGroupSize'));
    for (const name of notebooks)
      assert.ok(index.includes(`href="${name}.html"`), `${name} linked`);
    assert.ok(!index.includes('FAILED'));
  });

  it('writes the headline tables as CSV and XLSX', () => {
    const csvs = readdirSync(out).filter((f) => f.endsWith('.csv'));
    assert.ok(csvs.length >= 1);
    for (const csv of csvs) assert.ok(existsSync(path.join(out, csv.replace(/\.csv$/, '.xlsx'))));
  });

  it('writes the headline figures as metrics.json, linked from index.html, protected with the run', async () => {
    const printed: string[] = [];
    const log = console.log;
    console.log = (text: unknown) => printed.push(String(text));
    try {
      assert.equal(await metricsCommand.run(['--data', data, '--json']), 0);
    } finally {
      console.log = log;
    }
    type Figures = {
      period: string;
      sections_skipped: unknown[];
      leavers: { leavers_by_type: Record<string, number | null> };
    };
    const alone = JSON.parse(printed.join('\n')) as Figures;
    const run = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8')) as Figures;
    assert.equal(run.period, alone.period);
    assert.deepEqual(run.sections_skipped, alone.sections_skipped);
    assert.match(readFileSync(path.join(out, 'index.html'), 'utf8'), /href="metrics\.json"/);
    // The run may hide more (cells other reports of the run hid), never show another value.
    let same = 0;
    for (const [type, n] of Object.entries(run.leavers.leavers_by_type)) {
      if (n === null) continue;
      assert.equal(n, alone.leavers.leavers_by_type[type], type);
      same++;
    }
    assert.ok(same >= 1, 'metrics.json shows leaver counts');
  });

  it('privacy scan: no person id, free-text comment or count under the minimum in any file written', () => {
    const ids = readDemo(data, 'people.csv').map((r) => r.person_id);
    const comments = readDemo(data, 'exit_interviews.csv')
      .map((r) => r.comments)
      .filter((c) => c && c.length >= 25);
    assert.ok(ids.length > 300 && comments.length > 10, 'the scan has something to look for');
    const idPattern = new Set(ids);
    for (const file of filesUnder(out)) {
      const text = readFileSync(file, 'latin1');
      for (const match of text.matchAll(/P\d{6}/g)) {
        assert.ok(
          !idPattern.has(match[0]),
          `${path.basename(file)} contains person id ${match[0]}`,
        );
      }
      for (const comment of comments) {
        assert.ok(
          !text.includes(comment),
          `${path.basename(file)} contains an exit-interview comment`,
        );
      }
    }
    for (const file of filesUnder(out).filter((f) => f.endsWith('.ipynb'))) {
      for (const table of exportedTables(file)) {
        for (const column of table.countColumns ?? []) {
          const j = table.columns.indexOf(column);
          for (const row of table.rows) {
            const v = row[j];
            assert.ok(
              !(typeof v === 'number' && v > 0 && v < MIN_GROUP),
              `${path.basename(file)}, table "${table.name}", column ${column}: ${v} is under ${MIN_GROUP}`,
            );
          }
        }
      }
    }
  });

  it('privacy scan: no hidden cell of a notebook can be worked out from its other tables (cross-table audit)', () => {
    const leaks: string[] = [];
    let audited = 0;
    for (const file of filesUnder(out).filter((f) => f.endsWith('.ipynb'))) {
      const tables = exportedTables(file);
      audited += tables.filter((t) => (t.countColumns ?? []).length > 0).length;
      // A cell that relations among hidden cells (and shown zeros) alone pin is 0 only if two readings
      // of one hierarchy that no shown group tells apart both hold: no shown count gives it away.
      for (const leak of auditPublishedTables(tables).filter((l) => !l.amongHidden)) {
        leaks.push(`${path.basename(file)}: ${auditLeakText(leak)}`);
      }
    }
    assert.ok(audited >= notebooks.length, 'the exported tables carry their count columns');
    assert.deepEqual(leaks, []);
  });

  it('privacy scan: no hidden headline figure of `wbk metrics --json` can be worked out from the others', async () => {
    const leaks: string[] = [];
    for (const period of ['FY2022-23', 'FY2023-24', 'FY2024-25']) {
      const printed: string[] = [];
      const log = console.log;
      console.log = (text: unknown) => printed.push(String(text));
      try {
        assert.equal(await metricsCommand.run(['--data', data, '--period', period, '--json']), 0);
      } finally {
        console.log = log;
      }
      const tables = metricsAuditTables(JSON.parse(printed.join('\n')));
      assert.ok(tables.length >= 6, `${period}: the metrics hold the leaver and exit sections`);
      for (const leak of auditPublishedTables(tables))
        leaks.push(`${period}: ${auditLeakText(leak)}`);
    }
    assert.deepEqual(leaks, []);
  });

  it('light reports: every HTML is at most 1.5 MB and loads plotly.js and its stylesheet from hashed files beside it', () => {
    const pages = readdirSync(out).filter((f) => f.endsWith('.html'));
    for (const file of pages) {
      const bytes = statSync(path.join(out, file)).size;
      assert.ok(bytes <= 1.5 * 1024 * 1024, `${file}: ${bytes} bytes`);
    }
    const bundles = readdirSync(out).filter((f) => /^plotly-[0-9a-f]{12}\.min\.js$/.test(f));
    assert.equal(bundles.length, 1, `one plotly bundle, found ${bundles.join(', ')}`);
    const source = readFileSync(path.join(out, bundles[0]), 'utf8');
    const sha = createHash('sha256').update(source).digest('hex').slice(0, 12);
    assert.equal(bundles[0], `plotly-${sha}.min.js`, 'the name is the hash of the content');
    const manager = readFileSync(path.join(out, '00-getting-started.html'), 'utf8');
    assert.ok(manager.includes(`<script type="text/javascript" src="${bundles[0]}"></script>`));
    // Every page links the one stylesheet of the folder (JupyterLab's CSS, 0.56 MB a page inline),
    // named by its hash, and holds no inline CSS in its head.
    const sheets = readdirSync(out).filter((f) => /^wbk-style-[0-9a-f]{12}\.css$/.test(f));
    assert.equal(sheets.length, 1, `one stylesheet, found ${sheets.join(', ')}`);
    const css = readFileSync(path.join(out, sheets[0]), 'utf8');
    assert.equal(
      sheets[0],
      `wbk-style-${createHash('sha256').update(css).digest('hex').slice(0, 12)}.css`,
    );
    assert.ok(css.includes('.jp-Notebook') && css.includes('.wbk-table'), 'the lab and kit CSS');
    for (const file of pages.filter((f) => f !== 'index.html')) {
      const html = readFileSync(path.join(out, file), 'utf8');
      const head = html.slice(0, html.indexOf('<body'));
      assert.ok(head.includes(`<link rel="stylesheet" href="${sheets[0]}">`), `${file} links it`);
      assert.ok(
        !/<style(\s+type="text\/css")?>/.test(head),
        `${file}: inline CSS left in its head`,
      );
    }
    // The executed notebook keeps plotly.js inline, so it draws when opened alone in Jupyter.
    assert.ok(
      readFileSync(path.join(out, '00-getting-started.ipynb'), 'utf8').includes('data-wbk-library'),
    );
  });

  it('browser check: each HTML report opens offline in Chromium with no console error and drawn charts', async () => {
    // Screenshots are kept as test artifacts in test-artifacts/screenshots/ (git-ignored).
    const browser = await launchBrowser();
    try {
      // Every page a manager opens (index and each report); the code versions draw the same charts
      // from the same outputs, so one of them stands for the rest.
      const all = readdirSync(out).filter((f) => f.endsWith('.html'));
      assert.ok(all.length >= notebooks.length * 2 + 1);
      const pages = all.filter((f) => !f.endsWith('.code.html') || f.startsWith('00-'));
      for (const file of pages) {
        const seen = await checkPage(
          browser,
          path.join(out, file),
          path.join('test-artifacts', 'screenshots'),
        );
        assert.deepEqual(seen.consoleErrors, [], `${file}: console errors`);
        assert.deepEqual(seen.blockedRequests, [], `${file}: asked for the network`);
        assert.equal(
          seen.vegaChartsWithMarks,
          seen.vegaCharts,
          `${file}: a vega-lite chart drew nothing`,
        );
        assert.equal(
          seen.plotlyChartsWithTraces,
          seen.plotlyCharts,
          `${file}: a plotly chart drew nothing`,
        );
        if (file === '00-getting-started.html') {
          assert.ok(
            seen.vegaCharts >= 1 && seen.plotlyCharts >= 1,
            'the getting-started report has both kinds of chart',
          );
        }
      }
    } finally {
      await browser.close();
    }
  });

  it('re-runs unchanged for another period with --per-unit', async () => {
    const second = mkdtempSync(path.join(os.tmpdir(), 'wbk-out2-'));
    try {
      const rc = await reportCommand.run([
        '--data',
        data,
        '--out',
        second,
        '--period',
        'FY2023-24',
        '--per-unit',
        '--notebooks',
        '00,01',
      ]);
      assert.equal(rc, 0);
      const index = readFileSync(path.join(second, 'index.html'), 'utf8');
      assert.ok(index.includes('FY2023-24'), 'the index names the period asked for');
      const units = readdirSync(path.join(second, 'units'));
      assert.deepEqual(units.sort(), ['D1', 'D2', 'D3', 'D4']);
      for (const unit of units) {
        assert.ok(
          existsSync(path.join(second, 'units', unit, '00-getting-started.html')),
          `${unit}: report missing`,
        );
        const unitIndex = readFileSync(path.join(second, 'units', unit, 'index.html'), 'utf8');
        assert.ok(
          unitIndex.includes(`<th>unit</th><td>${unit}</td>`),
          `${unit}: index does not name the unit`,
        );
        // A unit's report shows its own unit, the rest of the organisation and the whole organisation.
        const equality = exportedTables(
          path.join(second, 'units', unit, '01-data-quality.ipynb'),
        ).find((t) => t.name === 'equality-data-completeness')!;
        const units = new Set(equality.rows.map((r) => r[equality.columns.indexOf('unit_id')]));
        assert.deepEqual([...units].sort(), [unit, 'All', 'Rest of organisation'].sort());
        // and says, in the table and its JSON sidecar, whose rest of the organisation that is
        assert.deepEqual(equality.rest, { label: 'Rest of organisation', unit });
        const sidecar = JSON.parse(
          readFileSync(
            path.join(second, 'units', unit, '01-data-quality--equality-data-completeness.json'),
            'utf8',
          ),
        ) as { rest?: unknown };
        assert.deepEqual(sidecar.rest, { label: 'Rest of organisation', unit });
        for (const name of ['00-getting-started', '01-data-quality']) {
          const file = path.join(second, 'units', unit, `${name}.ipynb`);
          assert.deepEqual(auditPublishedTables(exportedTables(file)).map(auditLeakText), []);
        }
      }
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('marks a failing notebook in index.html, finishes the others and exits 1', async () => {
    const dir = path.resolve('test', 'fixtures', 'notebooks', 'report-fail');
    const failOut = mkdtempSync(path.join(os.tmpdir(), 'wbk-fail-'));
    try {
      rmSync(dir, { recursive: true, force: true });
      const params =
        "let dataDir: string = '';\nlet mappingFile: string | null = null;\nlet period: string = 'latest';\nlet level: string | null = null;\nlet unit: string | null = null;\nlet minGroupSize: number = 5;\nlet disclosureMode: 'publish' | 'analyst' = 'publish';";
      const { mkdirSync } = await import('node:fs');
      mkdirSync(dir, { recursive: true });
      writeNotebook(path.join(dir, '01-fails.ipynb'), [
        { source: params, tags: ['parameters'] },
        { source: "throw new Error('the extract has no sickness table');" },
      ]);
      writeNotebook(path.join(dir, '02-works.ipynb'), [
        { source: params, tags: ['parameters'] },
        { source: "console.log('fine');" },
      ]);
      const rc = await reportCommand.run([
        '--data',
        data,
        '--out',
        failOut,
        '--notebooks-dir',
        dir,
      ]);
      assert.equal(rc, 1);
      const index = readFileSync(path.join(failOut, 'index.html'), 'utf8');
      assert.match(index, /FAILED[\s\S]*cell 2: Error: the extract has no sickness table/);
      assert.ok(existsSync(path.join(failOut, '02-works.html')));
      assert.ok(!existsSync(path.join(failOut, '01-fails.html')));
    } finally {
      rmSync(failOut, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
