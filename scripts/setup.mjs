#!/usr/bin/env node
// Set-up shared by `npm run demo`, `npm test` and `npm run bench`: idempotent, and fast when nothing changed.
// Steps: check Node → install npm dependencies when stale → link the package for notebooks → build when
// src/ changed → find or install Jupyter → register the tslab kernel in .jupyter/ (never in user or
// system paths) → (with --browser) find or install Chromium.
// Only Node built-ins here: this runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const quiet = args.has('--quiet');
const started = Date.now();

const JUPYTER_APT = [
  'jupyter-nbconvert',
  'jupyter-notebook',
  'python3-nbclient',
  'python3-ipykernel',
  'jupyter-client',
];
const PYTHON_CANDIDATES = ['/usr/bin/python3', 'python3'];

function say(step, message) {
  if (!quiet) console.log(`setup: ${step.padEnd(8)} ${message}`);
}

function fail(message) {
  console.error(`\nsetup failed: ${message}\n`);
  process.exit(1);
}

function run(cmd, argv, options = {}) {
  const result = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) fail(`could not run ${cmd}: ${result.error.message}`);
  if (result.status !== 0) fail(`\`${cmd} ${argv.join(' ')}\` exited with ${result.status}.`);
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestIn(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : mtime(full));
  }
  return newest;
}

function isRootOnDebian() {
  return (
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    fs.existsSync('/etc/debian_version') &&
    spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

function aptInstall(packages, why) {
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  if (!isRootOnDebian()) {
    fail(
      `${why}\nInstall it with:\n\n    sudo sh -c '${command}'\n\n(or the equivalent for your OS), then rerun this command.`,
    );
  }
  say('apt', `installing ${packages.join(' ')} (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  run('apt-get', ['install', '-y', '-q', ...packages], { env });
}

// 1. Node
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  fail(
    `wellbeing-kit needs Node.js >= 20.19 (found ${process.versions.node}): arquero 8 is ESM-only and ` +
      'notebooks load it through require(esm), which Node enables from 20.19. Install a newer Node.js.',
  );
}
say('node', `${process.versions.node} ok`);

// 2. npm dependencies, when node_modules is missing or was installed from another lockfile
// (a stamp holds the SHA-256 of the package-lock.json it was installed from)
const lock = path.join(root, 'package-lock.json');
const stampFile = path.join(root, 'node_modules', '.wbk-installed');
const lockHash = createHash('sha256').update(fs.readFileSync(lock)).digest('hex');
let installedHash = '';
try {
  installedHash = fs.readFileSync(stampFile, 'utf8').trim();
} catch {
  installedHash = '';
}
if (
  installedHash !== lockHash ||
  !fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))
) {
  say('npm', 'installing dependencies from package-lock.json (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  fs.writeFileSync(stampFile, `${lockHash}\n`);
} else {
  say('npm', 'dependencies up to date');
}

// 3. The kit as a package: notebooks import 'wellbeing-kit' through node_modules, with its types
const link = path.join(root, 'node_modules', 'wellbeing-kit');
let linked = false;
try {
  linked = fs.realpathSync(link) === fs.realpathSync(root);
} catch {
  linked = false;
}
if (!linked) {
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync('..', link, 'dir');
  say('link', 'node_modules/wellbeing-kit -> . (notebooks import the built kit by name)');
}

// 4. Build when any source is newer than the last build
const stamp = path.join(root, 'dist', '.built');
const sourcesChanged = Math.max(
  newestIn(path.join(root, 'src')),
  mtime(path.join(root, 'tsconfig.json')),
  mtime(path.join(root, 'tsconfig.build.json')),
);
if (mtime(stamp) < sourcesChanged) {
  // Build beside dist/ and swap, so a kernel or a run using dist/ never sees it half-written.
  say('build', 'compiling src/ to dist/ (tsc)');
  const next = path.join(root, 'dist-next');
  fs.rmSync(next, { recursive: true, force: true });
  run(process.execPath, [
    path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    ...['-p', 'tsconfig.build.json', '--outDir', next],
  ]);
  fs.writeFileSync(path.join(next, '.built'), new Date().toISOString());
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  fs.renameSync(next, path.join(root, 'dist'));
} else {
  say('build', 'dist/ up to date');
}

// 5. Jupyter: a Python that can run nbconvert with a kernel client
function findPython() {
  for (const candidate of PYTHON_CANDIDATES) {
    const probe = spawnSync(
      candidate,
      ['-c', 'import nbconvert, nbclient, jupyter_client, nbformat; print(nbconvert.__version__)'],
      { encoding: 'utf8', env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' } },
    );
    if (probe.status === 0) {
      const resolved = spawnSync(candidate, ['-c', 'import sys; print(sys.executable)'], {
        encoding: 'utf8',
      });
      return { python: resolved.stdout.trim(), nbconvert: probe.stdout.trim() };
    }
  }
  return undefined;
}
let jupyter = findPython();
if (!jupyter) {
  aptInstall(JUPYTER_APT, 'Jupyter nbconvert with a kernel client was not found');
  jupyter = findPython();
  if (!jupyter)
    fail('Jupyter was installed but `python3 -c "import nbconvert, nbclient"` still fails.');
}
say('jupyter', `nbconvert ${jupyter.nbconvert} (${jupyter.python})`);

// 6. The tslab kernel, registered inside the project
const jupyterDir = path.join(root, '.jupyter');
const kernelJson = path.join(jupyterDir, 'share', 'jupyter', 'kernels', 'tslab', 'kernel.json');
const tslabBin = path.join(root, 'node_modules', '.bin', 'tslab');
let kernelOk = false;
try {
  kernelOk = JSON.parse(fs.readFileSync(kernelJson, 'utf8')).argv[0] === tslabBin;
} catch {
  kernelOk = false;
}
if (!kernelOk) {
  say('kernel', 'registering the tslab kernel in .jupyter/');
  execFileSync(
    tslabBin,
    ['install', '--python', jupyter.python, '--prefix', jupyterDir, '--binary', tslabBin],
    {
      cwd: root,
      stdio: quiet ? 'ignore' : 'inherit',
      env: { ...process.env, PYDEVD_DISABLE_FILE_VALIDATION: '1' },
    },
  );
  if (!fs.existsSync(kernelJson)) fail(`tslab install did not write ${kernelJson}.`);
} else {
  say('kernel', 'tslab kernel registered in .jupyter/');
}
fs.writeFileSync(
  path.join(jupyterDir, 'wbk-env.json'),
  JSON.stringify(
    { python: jupyter.python, jupyterPath: path.join(jupyterDir, 'share', 'jupyter') },
    null,
    2,
  ),
);

// 7. Chromium, for the browser check of reports (tests only)
if (args.has('--browser')) {
  const found = ['chromium', 'chromium-browser', 'google-chrome'].find(
    (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0,
  );
  if (!found) aptInstall(['chromium'], 'Chromium (for the browser check of reports) was not found');
  say('browser', found ? `${found} found` : 'chromium installed');
}

say('done', `in ${((Date.now() - started) / 1000).toFixed(1)} s`);
