// wbk report: the quarterly re-run. Steps: parse and check arguments → load the extract once (period
// default, units, input hashes) → run the chosen notebooks with injected parameters (in parallel with
// --jobs) → write CSV/XLSX exports → index.html; with --per-unit, one report set per unit as well.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { lightenHtml } from '../report/light.js';
import { safeSlug } from '../shared/slug.js';
import {
  DATASET_CACHE_ENV,
  LOAD_ENGINE_ENV,
  forgetLoadedDatasets,
} from '../report/dataset-cache.js';
import { loadReportData, reportPeriod } from '../report/report-data.js';
import { ledgerFromEntries, protectionIntervalOf, resolvePolicy } from '../privacy/index.js';
import { isLoadEngine, type Dataset } from '../io/load-dataset.js';
import { PUBLISH_MIN_GROUP_SIZE, publishMinimumProblem } from '../privacy/policy.js';
import {
  handleInterrupts,
  trackTemporary,
  unlessInterrupted,
} from '../report/jupyter/run-cleanup.js';
import type { NotebookJson, ParameterValue } from '../report/parameters.js';
import { describeParameters, readParameters } from '../report/parameters.js';
import { writeNotebookExports } from '../report/exports.js';
import { describeInputs, indexPageHtml, type RunRecord } from '../report/index-page.js';
import {
  DEFAULT_CELL_TIMEOUT_SECONDS,
  describeFailure,
  type NotebookRun,
} from '../report/jupyter/run-notebook.js';
import { listNotebooks, runNotebooks } from '../report/jupyter/run-notebooks.js';
import { BatchPool } from '../report/batch/pool.js';
import { runNotebooksBatch } from '../report/batch/run-notebooks.js';
import { formatDuration } from '../report/batch/progress.js';
import { resolveUnit, unitTree, unitsAtLevel } from '../transforms/units/hierarchy.js';
import { UsageError, type Command } from './command.js';
import { parseFlags } from './args.js';
import { kitVersion } from '../shared/kit.js';
import { KIT_ROOT } from '../shared/kit.js';
import { protectWholeRun, type RunJob, type RunPart } from '../report/run-protection.js';
import { headlineFigures, type HeadlineOptions } from '../report/metrics/headlines.js';

const USAGE = `Usage: wbk report --data DIR [--mapping FILE] [--period FY2024-25] [--level district]
                  [--unit NAME] [--per-unit] [--notebooks 04,02] [--out DIR] [--jobs N]
                  [--min-group-size N] [--analyst] [--engine batch|jupyter] [--engine auto|memory|duckdb]
       wbk report --help-notebook NAME

Runs the notebooks (default: all in notebooks/) on the extract in DIR and writes into --out
(default reports/): for each notebook NAME.html (code hidden, for managers), NAME.code.html (with
code, for analysts), NAME.ipynb (executed), NAME--TABLE.csv and .xlsx for each headline table, and
index.html with the run's metadata. Everything is published under disclosure control.

The run writes into a temporary folder beside --out and replaces --out with it when it ends, so
--out holds exactly one run's reports; an interrupted run (Ctrl-C, SIGTERM, an error) stops its
notebook kernels, removes its temporary files and leaves --out as it was. --out must be a new or
empty folder or an earlier report set (a folder with other files in it is refused).

  --data DIR          folder holding the extract (required)
  --mapping FILE      mapping file adapting your export to the kit's model
  --period P          FY2024-25, FY2024-25 Q1, 2024-06, a range FY2022-23..FY2024-25, or all
                      (default: the latest complete financial year)
  --level L           unit level for breakdowns (default: the level below the top, e.g. district)
  --unit NAME         report on one unit (unit_id or name) and its subtree
  --per-unit          also one report set per unit at --level, in OUT/units/<unit_id>/
  --notebooks LIST    comma-separated notebook numbers or names, e.g. 04,02
  --out DIR           output folder (default reports/)
  --jobs N            notebooks run at once (default: the number of cores; each kernel uses one)
  --min-group-size N  smallest group or count shown (default 5; at least 3 unless --analyst)
  --analyst           analyst mode: nothing hidden; every page, index.html and export is marked
                      NOT FOR CIRCULATION (exports: first row, sheet name, --not-for-circulation)
  --engine E          batch (default): notebooks run inside wbk, the extract loaded once per
                      worker; jupyter: each notebook through a tslab kernel and nbconvert.
                      auto (default), memory or duckdb: who reads the big event files (see
                      wbk check --help); give --engine twice to choose both
  --cell-timeout S    seconds one notebook cell may run before the run calls it hung (default
                      3600: at 250,000 people the leaving-risk model's validation takes minutes)
  --notebooks-dir DIR run the notebooks of another folder (default: the kit's notebooks/)
  --help-notebook NB  list a notebook's parameters with their types and defaults`;

/** The longest per-cell timeout a Node timer holds, in whole seconds (2^31 - 1 ms). */
const MAX_CELL_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

export const reportCommand: Command = {
  summary: "run the notebooks on an extract and write the managers' HTML reports",
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const values = parseArguments(argv);
    const notebooksDir = path.resolve(values['notebooks-dir'] ?? path.join(KIT_ROOT, 'notebooks'));
    if (values['help-notebook']) {
      const [file] = listNotebooks(notebooksDir, [values['help-notebook']]);
      const nb = JSON.parse(readFileSync(file, 'utf8')) as NotebookJson;
      console.log(
        `${path.basename(file)} parameters:\n${describeParameters(readParameters(nb, file))}`,
      );
      return 0;
    }
    if (!values.data)
      throw new UsageError('--data DIR is required: the folder holding the extract.');
    const jobs = Number(values.jobs ?? String(os.availableParallelism()));
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new UsageError(`--jobs must be a whole number ≥ 1, got "${values.jobs}".`);
    const cellTimeoutSeconds = Number(
      values['cell-timeout'] ?? String(DEFAULT_CELL_TIMEOUT_SECONDS),
    );
    if (!(cellTimeoutSeconds > 0))
      throw new UsageError(
        `--cell-timeout must be a number of seconds > 0, got "${values['cell-timeout']}".`,
      );
    if (cellTimeoutSeconds > MAX_CELL_TIMEOUT_SECONDS)
      throw new UsageError(
        `--cell-timeout must be at most ${MAX_CELL_TIMEOUT_SECONDS} seconds (24 days), got "${values['cell-timeout']}". ` +
          'The default, 3600, is an hour.',
      );
    const analyst = values.analyst === true;
    const minGroupSize = checkMinGroupSize(values['min-group-size'], analyst);
    const engines = values.engine ?? [];
    for (const e of engines) {
      if (e !== 'batch' && e !== 'jupyter' && !isLoadEngine(e))
        throw new UsageError(
          `--engine must be batch or jupyter (who runs the notebooks), or auto, memory or duckdb (who reads the event files), got "${e}".`,
        );
    }
    const engine = engines.includes('jupyter') ? 'jupyter' : 'batch';
    const loadEngine = engines.find(isLoadEngine);
    const dataDir = path.resolve(values.data);
    const mappingFile = values.mapping ? path.resolve(values.mapping) : null;
    const outDir = resolveOutDir(values.out ?? path.join(KIT_ROOT, 'reports'), dataDir);
    const notebooks = listNotebooks(
      notebooksDir,
      values.notebooks?.split(',').map((s) => s.trim()),
    );

    // Everything is written into a staging folder beside --out, swapped in at the end. The extract is
    // loaded once here; notebooks read the typed tables from a private temporary folder (it holds
    // what the extract holds). Both are removed when the run ends, however it ends.
    const uninstall = handleInterrupts('wbk report');
    mkdirSync(path.dirname(outDir), { recursive: true });
    // mkdirSync, not mkdtempSync: the folder gets the user's usual permissions, as --out would.
    const staging = path.join(
      path.dirname(outDir),
      `.${path.basename(outDir)}.wbk-run-${process.pid}-${randomBytes(4).toString('hex')}`,
    );
    mkdirSync(staging);
    const forgetStaging = trackTemporary(staging);
    const cache = mkdtempSync(path.join(os.tmpdir(), 'wbk-run-'));
    const forgetCache = trackTemporary(cache);
    const previousCache = process.env[DATASET_CACHE_ENV];
    process.env[DATASET_CACHE_ENV] = cache;
    // the notebooks' loads (in worker processes or kernels) read the choice from the environment
    const previousEngine = process.env[LOAD_ENGINE_ENV];
    if (loadEngine !== undefined) process.env[LOAD_ENGINE_ENV] = loadEngine;
    // Engine switch (issue 16): the batch engine runs the notebooks in a pool of worker processes.
    const pool = engine === 'batch' ? new BatchPool(jobs, path.dirname(notebooks[0])) : null;
    try {
      const code = await runReport(values, {
        dataDir,
        mappingFile,
        outDir,
        stagingDir: staging,
        notebooks,
        jobs,
        minGroupSize,
        analyst,
        pool,
        cellTimeoutSeconds,
      });
      await unlessInterrupted();
      swapIn(staging, outDir);
      return code;
    } finally {
      await pool?.close();
      rmSync(staging, { recursive: true, force: true });
      forgetStaging();
      rmSync(cache, { recursive: true, force: true });
      forgetCache();
      if (previousCache === undefined) delete process.env[DATASET_CACHE_ENV];
      else process.env[DATASET_CACHE_ENV] = previousCache;
      if (previousEngine === undefined) delete process.env[LOAD_ENGINE_ENV];
      else process.env[LOAD_ENGINE_ENV] = previousEngine;
      uninstall();
    }
  },
};

/**
 * The --min-group-size value, checked: a whole number ≥ 1, and ≥ 3 in publish mode (with the reason).
 * @example checkMinGroupSize('2', true) // 2 (analyst mode)
 */
export function checkMinGroupSize(text: string | undefined, analyst: boolean): number {
  const value = Number(text ?? '5');
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`--min-group-size must be a whole number ≥ 1, got "${text}".`);
  }
  if (!analyst && value < PUBLISH_MIN_GROUP_SIZE) {
    throw new UsageError(`${publishMinimumProblem('--min-group-size', value)} (--analyst).`);
  }
  return value;
}

/** Files a report run writes; a non-empty --out must hold only these (and an index.html of the kit). */
// What a run writes: pages, notebooks, exports and their JSON sidecars, the shared plotly.js bundle
// and stylesheets.
const REPORT_FILE =
  /(\.(html|ipynb|csv|xlsx|json)|^plotly-[0-9a-f]{12}\.min\.js|^wbk-style-[0-9a-f]{12}\.css)$/;

/**
 * The absolute --out folder, checked: the run replaces it as a whole, so it must be new, empty, or an
 * earlier report set (an index.html written by the kit, and only report files and per-unit folders),
 * and it must not hold the extract.
 */
function resolveOutDir(out: string, dataDir: string): string {
  let outDir = path.resolve(out);
  if (existsSync(outDir)) outDir = realpathSync(outDir);
  const data = existsSync(dataDir) ? realpathSync(dataDir) : dataDir;
  const inside = (a: string, b: string) => a === b || a.startsWith(b + path.sep);
  if (inside(data, outDir) || inside(outDir, data)) {
    throw new UsageError(
      `--out ${out} overlaps the data folder ${dataDir}: the run replaces --out as a whole. Choose a folder outside the data, e.g. --out reports.`,
    );
  }
  if (!existsSync(outDir)) return outDir;
  if (!statSync(outDir).isDirectory())
    throw new UsageError(`--out ${out} is a file, not a folder. Choose a folder for the reports.`);
  const entries = readdirSync(outDir).filter((name) => !name.startsWith('.'));
  if (entries.length === 0) return outDir;
  const index = path.join(outDir, 'index.html');
  const isReportSet = existsSync(index) && readFileSync(index, 'utf8').includes('wellbeing-kit');
  const foreign = entries.filter((name) => !(REPORT_FILE.test(name) || name === 'units'));
  if (!isReportSet || foreign.length > 0) {
    throw new UsageError(
      `--out ${out} holds files that are not an earlier report set (${(foreign.length > 0 ? foreign : entries).slice(0, 3).join(', ')}${isReportSet ? '' : '; no index.html of wellbeing-kit'}). A run replaces --out as a whole: choose a new or empty folder, or move those files.`,
    );
  }
  return outDir;
}

/**
 * Replaces `outDir` by the finished `staging` folder: the earlier report set is moved aside, the new
 * one renamed into place, then the earlier one removed — so --out never mixes two runs. If the second
 * rename fails, the earlier set is put back.
 */
function swapIn(staging: string, outDir: string): void {
  if (!existsSync(outDir)) {
    renameSync(staging, outDir);
    return;
  }
  chmodSync(staging, statSync(outDir).mode & 0o7777);
  const old = `${path.join(path.dirname(outDir), `.${path.basename(outDir)}.wbk-old-`)}${process.pid}`;
  rmSync(old, { recursive: true, force: true });
  renameSync(outDir, old);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    renameSync(old, outDir);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

interface RunSettings {
  dataDir: string;
  mappingFile: string | null;
  /** Where the reports end up (named in messages). */
  outDir: string;
  /** Where the run writes them (swapped into outDir at the end). */
  stagingDir: string;
  notebooks: string[];
  jobs: number;
  minGroupSize: number;
  analyst: boolean;
  /** The batch engine's workers, or null for the Jupyter engine. */
  pool: BatchPool | null;
  /** Seconds a notebook cell may run. */
  cellTimeoutSeconds: number;
}

async function runReport(
  values: ReturnType<typeof parseArguments>,
  settings: RunSettings,
): Promise<number> {
  const {
    dataDir,
    mappingFile,
    outDir,
    stagingDir,
    notebooks,
    jobs,
    minGroupSize,
    analyst,
    pool,
    cellTimeoutSeconds,
  } = settings;
  const mode = analyst ? 'analyst' : 'publish';
  const started = new Date();
  console.error(`wbk report: loading ${dataDir} …`);
  // What the run needs of the extract up front; the tables themselves are let go while the notebooks
  // run (in their own processes, each with its copy), and read again from the run's cache after.
  const { period, levels, tree } = await (async () => {
    const { data, snapshot } = await loadReportData(dataDir, mappingFile);
    return {
      period: reportPeriod(values.period, data, snapshot),
      levels: data.levels,
      tree: unitTree(data.tables.units),
    };
  })();
  forgetLoadedDatasets();
  const level = values.level ?? levels[Math.min(1, levels.length - 1)];
  if (!levels.includes(level))
    throw new UsageError(`--level "${level}" is not a unit level. Levels: ${levels.join(', ')}.`);
  const unit = values.unit ? resolveUnit(tree, values.unit) : null;
  // Input files are listed relative to the data folder (named in the parameters), the mapping by name.
  const inputs = (await describeInputs(dataDir)).map((f) => ({
    ...f,
    path: path.relative(dataDir, f.path),
  }));
  if (mappingFile) {
    inputs.push(
      ...(await describeInputs(mappingFile)).map((f) => ({ ...f, path: path.basename(f.path) })),
    );
  }
  const parameters: Record<string, ParameterValue> = {
    dataDir,
    mappingFile,
    period: period.label,
    level,
    unit,
    minGroupSize,
    disclosureMode: mode,
  };
  // index.html names the data folder and the mapping by name only: no path of the analyst's machine.
  const shownParameters: Record<string, ParameterValue> = {
    ...parameters,
    dataDir: path.basename(dataDir),
    mappingFile: mappingFile ? path.basename(mappingFile) : null,
  };
  const policy = resolvePolicy({ mode, minGroupSize, minCount: minGroupSize });
  const mark = analyst ? 'NOT FOR CIRCULATION — analyst mode, nothing hidden — ' : '';
  console.error(
    `wbk report: ${notebooks.length} notebook(s), period ${period.label}, by ${level}${unit ? `, unit ${unit}` : ''}`,
  );

  const runJobs: RunJob[] = [];
  const set = async (dir: string, params: Record<string, ParameterValue>, title: string) => {
    const runs = pool
      ? await runNotebooksBatch(notebooks, {
          outDir: dir,
          parameters: params,
          pool,
          cellTimeoutSeconds,
        })
      : await runNotebooks(notebooks, {
          outDir: dir,
          jobs,
          parameters: params,
          cellTimeoutSeconds,
        });
    await unlessInterrupted();
    for (const run of runs)
      if (run.status === 'ok')
        await writeNotebookExports(path.join(dir, `${nameOf(run)}.ipynb`), {
          notForCirculation: analyst,
        });
    const own = runs.map((run, i) => ({ dir, notebook: notebooks[i], parameters: params, run }));
    runJobs.push(...own);
    // the runs as they stand after the whole run's protection (reruns replace job.run)
    return {
      jobs: own,
      title,
      get runs() {
        return own.map((j) => j.run);
      },
    };
  };
  const main = await set(
    stagingDir,
    parameters,
    `${mark}wellbeing-kit report — ${period.label}${unit ? ` — ${tree.name.get(unit)}` : ''}`,
  );
  const unitSets: RunRecord['units'] = [];
  const unitResults: { id: string; dir: string; result: Awaited<ReturnType<typeof set>> }[] = [];
  if (values['per-unit']) {
    const ids = unitsAtLevel(tree, level);
    const folders = unitFolders(ids);
    const progress = { started: Date.now(), done: 0 };
    // The batch engine takes every unit at once (its pool bounds the work); Jupyter one at a time.
    await eachUnit(ids, pool !== null, async (id, index) => {
      const folder = folders.get(id)!;
      console.error(`wbk report: unit ${tree.name.get(id)} (${id})`);
      const dir = path.join(stagingDir, 'units', folder);
      const result = await set(
        dir,
        { ...parameters, unit: id },
        `${mark}wellbeing-kit report — ${period.label} — ${tree.name.get(id)}`,
      );
      unitResults[index] = { id, dir, result };
      unitProgress(progress, ids.length);
    });
  }
  // The organisation's headline figures (what wbk metrics prints for the period and level), written
  // as metrics.json beside a published organisation report and protected with it.
  const headlines =
    analyst || unit
      ? null
      : headlinePart((await loadReportData(dataDir, mappingFile)).data, {
          period,
          level,
          minGroupSize,
        });
  // One ledger per run: every table of every notebook, unit report and the headline figures
  // protected together (analyst mode hides nothing, so there is nothing to protect).
  const protection = analyst
    ? { hidden: 0, reruns: 0, safe: true }
    : await protectWholeRun(runJobs, {
        outDir: stagingDir,
        jobs,
        seedFile: path.join(process.env[DATASET_CACHE_ENV] ?? os.tmpdir(), 'disclosure-seed.json'),
        pool,
        threshold: protectionIntervalOf(policy),
        parts: headlines ? [headlines.part] : [],
        cellTimeoutSeconds,
      });
  if (headlines) {
    writeFileSync(
      path.join(stagingDir, METRICS_FILE),
      `${JSON.stringify(headlines.figures(), null, 2)}\n`,
    );
  }
  await unlessInterrupted();
  if (!analyst)
    console.error(
      `wbk report: whole-run disclosure check: ${protection.hidden} more cell(s) hidden across reports, ` +
        `${protection.reruns} notebook rerun(s)`,
    );
  // Light reports: after any rerun, every page loads plotly.js and its stylesheet from shared files
  // in its folder.
  for (const job of runJobs)
    if (job.run.status === 'ok')
      for (const f of job.run.files) if (f.endsWith('.html')) lightenHtml(f);
  let failures = main.runs.filter((r) => r.status === 'failed').length;
  if (!protection.safe) {
    failures += 1;
    console.error(
      'FAILED whole-run disclosure check: hidden cells can still be worked out across the reports ' +
        'after the last pass. Do not circulate this run; report it as a bug.',
    );
  }
  for (const { id, dir, result } of unitResults) {
    writeIndex(
      dir,
      record(result.title, result.runs, started, { ...shownParameters, unit: id }, policy, inputs),
    );
    const failed = result.runs.filter((r) => r.status === 'failed').length;
    failures += failed;
    unitSets.push({
      unit: `${tree.name.get(id)} (${id})`,
      href: `units/${path.relative(path.join(stagingDir, 'units'), dir)}/index.html`,
      failed,
    });
  }
  writeIndex(stagingDir, {
    ...record(main.title, main.runs, started, shownParameters, policy, inputs),
    units: unitSets,
    ...(headlines
      ? {
          files: [
            {
              label: `Headline figures (JSON, as wbk metrics --json prints them): ${METRICS_FILE}`,
              href: METRICS_FILE,
            },
          ],
        }
      : {}),
  });
  for (const run of main.runs.filter((r) => r.status === 'failed'))
    console.error(`FAILED ${describeFailure(run)}`);
  console.error(
    `wbk report: ${failures === 0 ? 'done' : `${failures} notebook run(s) failed`}; open ${path.join(outDir, 'index.html')}`,
  );
  return failures === 0 ? 0 : 1;
}

/** The file of a published run holding the organisation's headline figures (as wbk metrics --json). */
export const METRICS_FILE = 'metrics.json';

/**
 * The headline figures of the run as a part of its disclosure control: published under the run's
 * ledger, and again with the seed whenever the run hides more.
 */
function headlinePart(
  data: Dataset,
  options: Omit<HeadlineOptions, 'ledger'>,
): { part: RunPart; figures(): Record<string, unknown> } {
  // A rerun only publishes again: what comes before the ledger is computed once.
  const computed = new Map<string, unknown>();
  let latest = headlineFigures(data, { ...options, computed });
  const part: RunPart = {
    name: METRICS_FILE,
    tables: () => latest.tables.map((t) => ({ ...t, name: `./metrics/${t.name}` })),
    rerun: async (seed) => {
      latest = headlineFigures(data, { ...options, ledger: ledgerFromEntries(seed), computed });
    },
  };
  return { part, figures: () => latest.figures };
}

/** Calls `fn` for every unit, all at once or one after another, and waits for all. */
async function eachUnit(
  ids: string[],
  concurrent: boolean,
  fn: (id: string, index: number) => Promise<void>,
): Promise<void> {
  if (concurrent) await Promise.all(ids.map(fn));
  else for (const [index, id] of ids.entries()) await fn(id, index);
}

/** One line after each unit: units done / total, time elapsed, an estimate of the time left. */
function unitProgress(progress: { started: number; done: number }, total: number): void {
  progress.done += 1;
  const seconds = (Date.now() - progress.started) / 1000;
  const left = (seconds / progress.done) * (total - progress.done);
  console.error(
    `wbk report: units ${progress.done}/${total} done, ${formatDuration(seconds)} elapsed, about ${formatDuration(left)} left`,
  );
}

function record(
  title: string,
  runs: NotebookRun[],
  startedAt: Date,
  parameters: Record<string, ParameterValue>,
  policy: object,
  inputs: RunRecord['inputs'],
): RunRecord {
  return {
    title,
    kitVersion: kitVersion(),
    startedAt,
    finishedAt: new Date(),
    parameters,
    policy: { ...policy },
    inputs,
    notebooks: runs.map((run) => {
      const name = nameOf(run);
      const links =
        run.status === 'ok'
          ? [
              { label: 'report', href: `${name}.html` },
              { label: 'with code', href: `${name}.code.html` },
              { label: 'notebook', href: `${name}.ipynb` },
            ]
          : [{ label: 'failed notebook', href: `${name}.failed.ipynb` }];
      return { run, title: name, links };
    }),
  };
}

function writeIndex(dir: string, rec: RunRecord): void {
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.index.html.tmp-${process.pid}`);
  writeFileSync(tmp, indexPageHtml(rec));
  renameSync(tmp, path.join(dir, 'index.html'));
}

function nameOf(run: NotebookRun): string {
  return path.basename(run.notebook, '.ipynb');
}

/**
 * The folder of each unit's report set under units/: a safe slug of its id (never a path: `..` or
 * `a/b` become plain names), unique per unit even when two ids differ only in case or punctuation.
 * @example unitFolders(['N1', '..', 'a/b']) // Map { 'N1' => 'N1', '..' => 'unit-…', 'a/b' => 'a_b' }
 */
export function unitFolders(ids: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  return new Map(ids.map((id) => [id, safeSlug(id, taken)]));
}

function parseArguments(argv: string[]) {
  return parseFlags(argv, {
    data: { type: 'string' },
    mapping: { type: 'string' },
    period: { type: 'string' },
    level: { type: 'string' },
    unit: { type: 'string' },
    'per-unit': { type: 'boolean' },
    notebooks: { type: 'string' },
    out: { type: 'string' },
    jobs: { type: 'string' },
    'min-group-size': { type: 'string' },
    analyst: { type: 'boolean' },
    'help-notebook': { type: 'string' },
    'notebooks-dir': { type: 'string' },
    engine: { type: 'string', multiple: true },
    'cell-timeout': { type: 'string' },
  });
}
