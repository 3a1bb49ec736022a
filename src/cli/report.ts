// wbk report: the quarterly re-run. Steps: parse and check arguments → load the extract once (period
// default, units, input hashes) → run the chosen notebooks with injected parameters (in parallel with
// --jobs) → write CSV/XLSX exports → index.html; with --per-unit, one report set per unit as well.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DATASET_CACHE_ENV, loadDatasetCached } from '../report/dataset-cache.js';
import { resolvePolicy } from '../privacy/index.js';
import type { NotebookJson, ParameterValue } from '../report/parameters.js';
import { describeParameters, readParameters } from '../report/parameters.js';
import { resolvePeriod } from '../io/coverage.js';
import { writeNotebookExports } from '../report/exports.js';
import { describeInputs, indexPageHtml, type RunRecord } from '../report/index-page.js';
import { describeFailure, type NotebookRun } from '../report/jupyter/run-notebook.js';
import { listNotebooks, runNotebooks } from '../report/jupyter/run-notebooks.js';
import { BatchPool } from '../report/batch/pool.js';
import { runNotebooksBatch } from '../report/batch/run-notebooks.js';
import { formatDuration } from '../report/batch/progress.js';
import { resolveUnit, unitTree, unitsAtLevel } from '../transforms/units/hierarchy.js';
import { UsageError, type Command } from './command.js';
import { kitVersion } from '../shared/kit.js';
import { KIT_ROOT } from '../shared/kit.js';

const USAGE = `Usage: wbk report --data DIR [--mapping FILE] [--period FY2024-25] [--level district]
                  [--unit NAME] [--per-unit] [--notebooks 04,02] [--out DIR] [--jobs N]
                  [--min-group-size N] [--engine batch|jupyter]
       wbk report --help-notebook NAME

Runs the notebooks (default: all in notebooks/) on the extract in DIR and writes into --out
(default reports/): for each notebook NAME.html (code hidden, for managers), NAME.code.html (with
code, for analysts), NAME.ipynb (executed), NAME--TABLE.csv and .xlsx for each headline table, and
index.html with the run's metadata. Everything is published under disclosure control.

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
  --min-group-size N  smallest group or count shown (default 5)
  --engine E          batch (default): notebooks run inside wbk, the extract loaded once per
                      worker; jupyter: each notebook through a tslab kernel and nbconvert
  --notebooks-dir DIR run the notebooks of another folder (default: the kit's notebooks/)
  --help-notebook NB  list a notebook's parameters with their types and defaults`;

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
    const minGroupSize = Number(values['min-group-size'] ?? '5');
    if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
      throw new UsageError(
        `--min-group-size must be a whole number ≥ 1, got "${values['min-group-size']}".`,
      );
    }
    const engine = values.engine ?? 'batch';
    if (engine !== 'batch' && engine !== 'jupyter')
      throw new UsageError(`--engine must be batch or jupyter, got "${engine}".`);
    const dataDir = path.resolve(values.data);
    const mappingFile = values.mapping ? path.resolve(values.mapping) : null;
    const outDir = path.resolve(values.out ?? path.join(KIT_ROOT, 'reports'));
    const notebooks = listNotebooks(
      notebooksDir,
      values.notebooks?.split(',').map((s) => s.trim()),
    );

    // The extract is loaded once here; notebooks read the typed tables from a private temporary
    // folder, removed when the run ends (it holds what the extract holds).
    const cache = mkdtempSync(path.join(os.tmpdir(), 'wbk-run-'));
    const previousCache = process.env[DATASET_CACHE_ENV];
    process.env[DATASET_CACHE_ENV] = cache;
    // Engine switch (issue 16): the batch engine runs the notebooks in a pool of worker processes.
    const pool = engine === 'batch' ? new BatchPool(jobs, path.dirname(notebooks[0])) : null;
    try {
      return await runReport(values, {
        dataDir,
        mappingFile,
        outDir,
        notebooks,
        jobs,
        minGroupSize,
        pool,
      });
    } finally {
      await pool?.close();
      rmSync(cache, { recursive: true, force: true });
      if (previousCache === undefined) delete process.env[DATASET_CACHE_ENV];
      else process.env[DATASET_CACHE_ENV] = previousCache;
    }
  },
};

interface RunSettings {
  dataDir: string;
  mappingFile: string | null;
  outDir: string;
  notebooks: string[];
  jobs: number;
  minGroupSize: number;
  /** The batch engine's workers, or null for the Jupyter engine. */
  pool: BatchPool | null;
}

async function runReport(
  values: ReturnType<typeof parseArguments>,
  settings: RunSettings,
): Promise<number> {
  const { dataDir, mappingFile, outDir, notebooks, jobs, minGroupSize, pool } = settings;
  const started = new Date();
  console.error(`wbk report: loading ${dataDir} …`);
  const data = await loadDatasetCached(dataDir, mappingFile ? { mapping: mappingFile } : {});
  const period = resolvePeriod(values.period, data);
  const levels = data.levels;
  const level = values.level ?? levels[Math.min(1, levels.length - 1)];
  if (!levels.includes(level))
    throw new UsageError(`--level "${level}" is not a unit level. Levels: ${levels.join(', ')}.`);
  const tree = unitTree(data.tables.units);
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
    disclosureMode: 'publish',
  };
  const policy = resolvePolicy({ minGroupSize, minCount: minGroupSize });
  console.error(
    `wbk report: ${notebooks.length} notebook(s), period ${period.label}, by ${level}${unit ? `, unit ${unit}` : ''}`,
  );

  const set = async (dir: string, params: Record<string, ParameterValue>, title: string) => {
    const runs = pool
      ? await runNotebooksBatch(notebooks, { outDir: dir, parameters: params, pool })
      : await runNotebooks(notebooks, { outDir: dir, jobs, parameters: params });
    for (const run of runs)
      if (run.status === 'ok') await writeNotebookExports(path.join(dir, `${nameOf(run)}.ipynb`));
    return { runs, title };
  };
  const main = await set(
    outDir,
    parameters,
    `wellbeing-kit report — ${period.label}${unit ? ` — ${tree.name.get(unit)}` : ''}`,
  );
  const unitSets: RunRecord['units'] = [];
  let failures = main.runs.filter((r) => r.status === 'failed').length;
  if (values['per-unit']) {
    const ids = unitsAtLevel(tree, level);
    const progress = { started: Date.now(), done: 0 };
    // The batch engine takes every unit at once (its pool bounds the work); Jupyter one at a time.
    await eachUnit(ids, pool !== null, async (id, index) => {
      console.error(`wbk report: unit ${tree.name.get(id)} (${id})`);
      const dir = path.join(outDir, 'units', safeSegment(id));
      const result = await set(
        dir,
        { ...parameters, unit: id },
        `wellbeing-kit report — ${period.label} — ${tree.name.get(id)}`,
      );
      writeIndex(
        dir,
        record(result.title, result.runs, started, { ...parameters, unit: id }, policy, inputs),
      );
      const failed = result.runs.filter((r) => r.status === 'failed').length;
      failures += failed;
      unitSets[index] = {
        unit: `${tree.name.get(id)} (${id})`,
        href: `units/${safeSegment(id)}/index.html`,
        failed,
      };
      unitProgress(progress, ids.length);
    });
  }
  writeIndex(outDir, {
    ...record(main.title, main.runs, started, parameters, policy, inputs),
    units: unitSets,
  });
  for (const run of main.runs.filter((r) => r.status === 'failed'))
    console.error(`FAILED ${describeFailure(run)}`);
  console.error(
    `wbk report: ${failures === 0 ? 'done' : `${failures} notebook run(s) failed`}; open ${path.join(outDir, 'index.html')}`,
  );
  return failures === 0 ? 0 : 1;
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

function safeSegment(id: string): string {
  return id.replace(/[^A-Za-z0-9_.-]+/g, '_');
}

function parseArguments(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
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
        'help-notebook': { type: 'string' },
        'notebooks-dir': { type: 'string' },
        engine: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
