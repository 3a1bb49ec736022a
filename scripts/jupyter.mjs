#!/usr/bin/env node
// Open the notebooks interactively with the project's kernel: `npm run notebook` (classic Notebook),
// or `npm run notebook -- lab` when JupyterLab is installed. Set-up has registered the kernel in .jupyter/.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { python, jupyterPath } = JSON.parse(
  readFileSync(path.join(root, '.jupyter', 'wbk-env.json'), 'utf8'),
);
const [app = 'notebook', ...rest] = process.argv.slice(2);
const env = { ...process.env, JUPYTER_PATH: jupyterPath, PYDEVD_DISABLE_FILE_VALIDATION: '1' };
console.log(
  `Starting Jupyter ${app} in notebooks/ with the TypeScript (tslab) kernel from .jupyter/ …`,
);
const result = spawnSync(python, ['-m', 'jupyter', app, ...rest], {
  cwd: path.join(root, 'notebooks'),
  env,
  stdio: 'inherit',
});
if (result.status !== 0) {
  console.error(
    app === 'lab'
      ? 'JupyterLab did not start. Debian 12 does not package it; use `npm run notebook` (classic Notebook) or VS Code.'
      : `Jupyter ${app} exited with ${result.status}.`,
  );
}
process.exit(result.status ?? 1);
