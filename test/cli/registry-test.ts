// The wbk command loads a subcommand's code only when that subcommand runs: `wbk check` must not pay
// for the report's modules (exceljs, the notebook runners) at start-up.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { commands } from '../../src/cli/registry.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

describe('the command registry', function () {
  this.timeout(60_000);

  it("lists each command with its own summary, in wbk --help's order", async () => {
    assert.deepEqual(Object.keys(commands), [
      'demo',
      'demo-data',
      'map',
      'check',
      'metrics',
      'report',
      'risk',
    ]);
    for (const [name, entry] of Object.entries(commands)) {
      assert.equal(entry.summary, (await entry.load()).summary, name);
    }
  });

  it('runs wbk check without loading the code of the other commands', () => {
    // a fresh process: `wbk check --help`, then the CommonJS modules it loaded (exceljs is one,
    // reached only from the report's exports)
    const script = [
      "import { createRequire } from 'node:module';",
      `const { main } = await import(${JSON.stringify(MAIN)});`,
      'const log = console.log;',
      'console.log = () => {};',
      "const code = await main(['check', '--help']);",
      'console.log = log;',
      'const loaded = Object.keys(createRequire(import.meta.url).cache);',
      "console.log(JSON.stringify({ code, exceljs: loaded.filter((p) => p.includes('/exceljs/')).length }));",
    ].join('\n');
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8' },
    );
    assert.deepEqual(JSON.parse(out.trim().split('\n').pop()!), { code: 0, exceljs: 0 });
  });
});
