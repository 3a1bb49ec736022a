// Runs of `wbk report` as a whole: the settings it refuses (a publish minimum under 3), what index.html
// names (no path of the analyst's machine), a re-run that leaves nothing of the earlier run, and an
// interrupted run (SIGINT or SIGTERM mid-notebook, with either engine) that leaves no process, no
// temporary folder and the previous reports byte-identical. Spawns the built CLI (bin/wbk.js uses dist/: `npm run build` first).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { metricsCommand } from '../../src/cli/metrics.js';
import { UsageError } from '../../src/cli/command.js';
import { generateDemoForce } from '../../src/demo/generate.js';
import { launchBrowser } from '../helpers/browser.js';

const HOSTILE = '<a href="https://example.org">West</a>';

/** Renames the first unit under the top one to `name` (units.csv: unit_id,parent_id,name,level). */
function renameFirstUnitBelowTop(dataDir: string, name: string): void {
  const file = path.join(dataDir, 'units.csv');
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines[0].split(',');
  const [id, parent] = [header.indexOf('unit_id'), header.indexOf('parent_id')];
  const top = lines[1].split(',')[id];
  const i = lines.findIndex((line, n) => n > 0 && line.split(',')[parent] === top);
  const cells = lines[i].split(',');
  cells[header.indexOf('name')] = `"${name.replace(/"/g, '""')}"`;
  lines[i] = cells.join(',');
  writeFileSync(file, lines.join('\n'));
}

/** Every file under `dir`, recursively, relative, with its SHA-256. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else
        out[path.relative(dir, full)] = createHash('sha256')
          .update(readFileSync(full))
          .digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** Processes (pid → command line) whose environment holds `marker`: everything a run started. */
function processesWith(marker: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
      if (!environ.includes(marker)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
      if (/\) Z /.test(stat)) continue; // a zombie is dead, only not yet reaped
      found.set(
        Number(entry),
        readFileSync(`/proc/${entry}/cmdline`, 'latin1').replace(/\0/g, ' '),
      );
    } catch {
      // the process ended while we looked, or is not ours
    }
  }
  return found;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `node bin/wbk.js report …` with a marker in its environment; resolves with the exit. */
function spawnReport(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['bin/wbk.js', 'report', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return { child, exit, stderr: () => stderr };
}

describe('wbk report: settings it refuses', () => {
  for (const [name, command] of [
    ['wbk report', reportCommand],
    ['wbk metrics', metricsCommand],
  ] as const) {
    it(`${name} refuses --min-group-size 1 and 2 in publish mode, saying why`, async () => {
      for (const n of ['1', '2']) {
        await assert.rejects(
          command.run(['--data', '/nonexistent', '--min-group-size', n]),
          (error: Error) => {
            assert.ok(error instanceof UsageError, String(error));
            assert.match(error.message, new RegExp(`--min-group-size ${n} is below 3`));
            assert.match(error.message, /recognises the one person/);
            return true;
          },
        );
      }
    });
  }

  it('wbk report accepts --min-group-size 1 with --analyst (it gets as far as the data folder)', async () => {
    await assert.rejects(
      reportCommand.run([
        '--data',
        '/nonexistent-wbk-data',
        '--out',
        path.join(os.tmpdir(), `wbk-none-${process.pid}`),
        '--min-group-size',
        '1',
        '--analyst',
        '--notebooks',
        '00',
      ]),
      (error: Error) => {
        assert.doesNotMatch(error.message, /min-group-size/);
        return true;
      },
    );
  });

  it('refuses an --out folder that holds other files than a report set, and one holding the data', async () => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'wbk-out-check-'));
    try {
      const notes = path.join(base, 'notes');
      mkdirSync(notes);
      writeFileSync(path.join(notes, 'minutes.docx'), 'x');
      await assert.rejects(reportCommand.run(['--data', base, '--out', notes]), /overlaps/);
      await assert.rejects(
        reportCommand.run(['--data', path.join(base, 'data'), '--out', notes]),
        (error: Error) => {
          assert.ok(error instanceof UsageError);
          assert.match(error.message, /minutes\.docx/);
          return true;
        },
      );
      assert.ok(existsSync(path.join(notes, 'minutes.docx')));
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('wbk report: runs', function () {
  this.timeout(600_000);
  let base: string;
  let data: string;
  let out: string;
  let first: { code: number | null };

  before(async () => {
    base = mkdtempSync(path.join(os.tmpdir(), 'wbk-runs-'));
    data = path.join(base, 'extract');
    out = path.join(base, 'reports', 'out');
    await generateDemoForce({ people: 300, outDir: data });
    // a unit whose name is a link: it must never become one in a report
    renameFirstUnitBelowTop(data, HOSTILE);
    const run = spawnReport(['--data', data, '--out', out, '--notebooks', '00', '--jobs', '1'], {});
    first = await run.exit;
    if (first.code !== 0) console.error(run.stderr());
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('a finished run leaves only --out beside it, and index.html names no path of this machine', () => {
    assert.equal(first.code, 0);
    assert.deepEqual(readdirSync(path.dirname(out)), ['out']);
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    assert.ok(index.includes('people.csv'), 'inputs are listed');
    assert.ok(!index.includes(data), 'the absolute data folder is not named');
    assert.ok(!index.includes(base), 'no absolute path under the run folder');
    assert.ok(!index.includes(os.homedir() + path.sep), 'no home-folder path');
    assert.ok(index.includes('<th>dataDir</th><td>extract</td>'), 'the data folder by its name');
    const manager = readFileSync(path.join(out, '00-getting-started.html'), 'utf8');
    assert.ok(!manager.includes(base), "the manager's report names no path of this machine");
  });

  it('browser check: a unit named like a link is shown as text, never as a link, in the report', async () => {
    const html = readFileSync(path.join(out, '00-getting-started.html'), 'utf8');
    assert.ok(!html.includes(HOSTILE), 'the name reaches the page escaped');
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) =>
        route.request().url().startsWith('file:') ? route.continue() : route.abort(),
      );
      await page.goto(`file://${path.join(out, '00-getting-started.html')}`, { waitUntil: 'load' });
      await page.waitForTimeout(1000);
      // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
      const seen = (await page.evaluate(`({
        plotly: document.querySelectorAll('.wbk-plotly .main-svg').length,
        links: Array.from(document.querySelectorAll('a')).filter((a) =>
          /example\\.org/.test((a.getAttribute('href') || '') + (a.getAttribute('xlink:href') || ''))).length,
        shown: Array.from(document.querySelectorAll('.wbk-plotly')).some((el) =>
          (el.textContent || '').includes(${JSON.stringify(HOSTILE)})),
      })`)) as { plotly: number; links: number; shown: boolean };
      assert.ok(seen.plotly >= 1, 'the report has a plotly chart');
      assert.equal(seen.links, 0, 'a link from a unit name in the report');
      assert.ok(seen.shown, 'the plotly chart shows the unit name as text');
    } finally {
      await browser.close();
    }
  });

  // Both engines: the Jupyter one (a Python runner and a tslab kernel per notebook) and the batch one
  // (the default: worker processes of wbk's pool, src/report/batch/pool.ts). The batch run is given
  // several notebooks so that it is still running them when the signal comes.
  for (const [engine, notebooks, started, what] of [
    ['jupyter', '00', /tslab/, 'kernel'],
    ['batch', '00,04,07,08', /batch[/\\]worker\.[jt]s/, 'batch worker'],
  ] as const) {
    for (const [signal, exitCode] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ] as const) {
      it(`--engine ${engine}, ${signal} mid-run: no orphan process, no temporary folder, the previous reports byte-identical`, async () => {
        // last quarter's table, which the earlier run left: the interrupted run must not touch it either
        writeFileSync(path.join(out, '00-getting-started--last-quarter.csv'), 'unit,n\r\nA,7\r\n');
        const before = snapshot(out);
        const marker = `WBK_TEST_RUN=${randomUUID()}`;
        const tmp = mkdtempSync(path.join(base, 'tmp-'));
        const run = spawnReport(
          ['--data', data, '--out', out, '--notebooks', notebooks, '--jobs', '1'].concat([
            '--engine',
            engine,
          ]),
          { [marker.split('=')[0]]: marker.split('=')[1], TMPDIR: tmp },
        );
        // wait until the notebooks run: the Jupyter kernel, or the batch worker, is up
        const deadline = Date.now() + 120_000;
        let up = false;
        while (!up && Date.now() < deadline) {
          await sleep(100);
          up = [...processesWith(marker).values()].some((cmd) => started.test(cmd));
        }
        assert.ok(up, `no ${what} came up: ${run.stderr()}`);
        assert.ok(readdirSync(tmp).length > 0, 'the run made its private copy of the extract');
        assert.ok(
          readdirSync(path.dirname(out)).some((f) => f.includes('wbk-run-')),
          'the run writes into a staging folder beside --out',
        );
        run.child.kill(signal);
        const { code } = await run.exit;
        assert.equal(code, exitCode, run.stderr());
        assert.ok(run.stderr().includes(`interrupted (${signal})`), run.stderr());
        let left = processesWith(marker);
        for (let i = 0; i < 25 && left.size > 0; i++) {
          await sleep(200);
          left = processesWith(marker);
        }
        assert.deepEqual([...left.values()], [], 'processes of the run still alive');
        assert.deepEqual(readdirSync(tmp), [], 'the private copy of the extract is removed');
        assert.deepEqual(
          readdirSync(path.dirname(out)),
          ['out'],
          'no temporary folder beside --out',
        );
        assert.deepEqual(snapshot(out), before, 'the previous reports are unchanged');
      });
    }
  }

  it('a run that fails after it started (an error) removes its temporary files and leaves --out as it was', async () => {
    const before = snapshot(out);
    const tmp = mkdtempSync(path.join(base, 'tmp-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      await assert.rejects(
        reportCommand.run(['--data', data, '--out', out, '--notebooks', '00', '--level', 'nope']),
        /--level "nope" is not a unit level/,
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    assert.deepEqual(readdirSync(tmp), [], 'the private copy of the extract is removed');
    assert.deepEqual(readdirSync(path.dirname(out)), ['out'], 'no temporary folder beside --out');
    assert.deepEqual(snapshot(out), before, 'the previous reports are unchanged');
  });

  it('a re-run into the same --out (here in analyst mode) leaves no file of the earlier run; its exports are marked', async () => {
    // last quarter's table, left by an earlier run
    writeFileSync(path.join(out, '00-getting-started--last-quarter.csv'), 'unit,n\r\nA,7\r\n');
    assert.ok(existsSync(path.join(out, '00-getting-started--headcount-by-unit.csv')));
    const run = spawnReport(
      ['--data', data, '--out', out, '--notebooks', '00', '--jobs', '1'].concat([
        '--analyst',
        '--min-group-size',
        '1',
      ]),
      {},
    );
    const { code } = await run.exit;
    assert.equal(code, 0, run.stderr());
    assert.deepEqual(readdirSync(path.dirname(out)), ['out']);
    const files = readdirSync(out).sort();
    assert.ok(!files.includes('00-getting-started--last-quarter.csv'), 'last quarter survived');
    assert.ok(!files.includes('00-getting-started--headcount-by-unit.csv'), 'an unmarked export');
    assert.deepEqual(
      files.filter((f) => /\.(csv|xlsx)$/.test(f)),
      [
        '00-getting-started--headcount-by-unit--not-for-circulation.csv',
        '00-getting-started--headcount-by-unit--not-for-circulation.xlsx',
      ],
    );
    const csv = readFileSync(
      path.join(out, '00-getting-started--headcount-by-unit--not-for-circulation.csv'),
      'utf8',
    );
    assert.equal(csv.split('\r\n')[0], 'NOT FOR CIRCULATION — analyst mode, nothing hidden');
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    assert.match(index, /<h1>NOT FOR CIRCULATION/);
    assert.ok(index.includes('<th>disclosureMode</th><td>analyst</td>'));
  });
});
