// wbk demo-data (src/cli/demo-data.ts): writes, skips when the manifest matches, explains bad arguments.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { demoDataCommand } from '../../src/cli/demo-data.js';
import { UsageError } from '../../src/cli/command.js';
import { currentManifest, resolveDemoOptions } from '../../src/demo/manifest.js';

const DIR = path.resolve('test-artifacts/demo-data-command');

async function run(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => lines.push(args.join(' '));
  try {
    return { code: await demoDataCommand.run(argv), out: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

describe('demoDataCommand', function () {
  this.timeout(60_000);
  before(() => rmSync(DIR, { recursive: true, force: true }));

  it('writes the CSVs and manifest, then skips when asked again with the same options', async () => {
    const first = await run(['--people', '120', '--seed', '5', '--out', DIR]);
    assert.equal(first.code, 0);
    assert.match(first.out, /wrote .* in [\d.]+ s/);
    const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8'));
    assert.deepEqual(manifest.options, { people: 120, seed: 5, first_year: 2020, years: 5 });
    const again = await run(['--people', '120', '--seed', '5', '--out', DIR]);
    assert.match(again.out, /already holds this demo force \(people 120, seed 5\); skipped/);
  });

  it('regenerates when the options differ or with --force', async () => {
    assert.match((await run(['--people', '120', '--seed', '6', '--out', DIR])).out, /wrote/);
    assert.match(
      (await run(['--people', '120', '--seed', '6', '--out', DIR, '--force'])).out,
      /wrote/,
    );
  });

  it('rejects unknown options, missing values and non-numbers with a usage error', async () => {
    await assert.rejects(run(['--colour', 'blue']), new UsageError('unknown option "--colour".'));
    await assert.rejects(run(['--people']), new UsageError('--people needs a value.'));
    await assert.rejects(
      run(['--people', 'lots']),
      new UsageError('--people must be a whole number, got "lots".'),
    );
    await assert.rejects(
      run(['--people', '10', '--out', DIR]),
      new UsageError('people must be a whole number from 50 to 250,000, got 10.'),
    );
  });
});

describe('resolveDemoOptions', () => {
  it('fills in the defaults', () => {
    assert.deepEqual(resolveDemoOptions({ outDir: 'x' }), {
      people: 4000,
      seed: 20250401,
      first_year: 2020,
      years: 5,
    });
  });

  it('lists every bad option at once', () => {
    assert.throws(
      () => resolveDemoOptions({ outDir: '', people: 1.5, years: 0 }),
      /outDir must be a folder path; people must be a whole number from 50 to 250,000, got 1.5; years must be a whole number from 1 to 20, got 0\./,
    );
  });
});

describe('currentManifest', () => {
  it('accepts a matching manifest and refuses one whose file sizes changed', async () => {
    rmSync(DIR, { recursive: true, force: true });
    await run(['--people', '60', '--out', DIR]);
    const options = resolveDemoOptions({ outDir: DIR, people: 60 });
    assert.ok((await currentManifest(DIR, options)) !== undefined);
    assert.equal(await currentManifest(DIR, { ...options, seed: 1 }), undefined);
    writeFileSync(path.join(DIR, 'units.csv'), 'unit_id\n');
    assert.equal(await currentManifest(DIR, options), undefined);
  });
});
