// Developer tool: run one notebook on a data folder and print the outcome.
// Usage: npx tsx scripts/dev-run-notebook.ts notebooks/02-early-leavers.ipynb DATA_DIR [OUT_DIR]
import path from 'node:path';
import { describeFailure, runNotebook } from '../src/report/jupyter/run-notebook.js';

const [notebook, dataDir, outDir = '/tmp/wbk-dev-run'] = process.argv.slice(2);
if (!notebook || !dataDir) {
  console.error('usage: npx tsx scripts/dev-run-notebook.ts NOTEBOOK DATA_DIR [OUT_DIR]');
  process.exit(2);
}
const run = await runNotebook(notebook, { outDir, parameters: { dataDir: path.resolve(dataDir) } });
console.log(
  run.status,
  `${run.seconds.toFixed(1)} s`,
  run.status === 'failed' ? describeFailure(run) : `→ ${outDir}`,
);
process.exitCode = run.status === 'ok' ? 0 : 1;
