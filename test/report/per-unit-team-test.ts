// `wbk report --per-unit --level team` on the demo force (4,000 people, 84 teams): the whole-run
// disclosure check must finish. It once stopped after a fixed 50 rounds ("still not protected"),
// where notebook 06's 84 team reports need 59 rounds of one or two complements each; the reports it
// writes must then hold nothing the run's own audit would still hide.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { generateDemoForce } from '../../src/demo/generate.js';
import { protectRun } from '../../src/privacy/run.js';
import { exportedTables } from '../../src/report/exports.js';

describe('wbk report --per-unit --level team (every team of the demo force)', function () {
  this.timeout(900_000);
  let data: string;
  let out: string;
  before(async () => {
    data = mkdtempSync(path.join(os.tmpdir(), 'wbk-teams-data-'));
    out = mkdtempSync(path.join(os.tmpdir(), 'wbk-teams-out-'));
    await generateDemoForce({ people: 4000, outDir: data });
  });
  after(() => {
    rmSync(data, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('finishes, with a report per team, and the whole run needs nothing more hidden', async () => {
    const args = ['--data', data, '--out', out, '--per-unit', '--level', 'team'];
    const code = await reportCommand.run([...args, '--notebooks', '06', '--jobs', '2']);
    assert.equal(code, 0);
    const teams = readdirSync(path.join(out, 'units'));
    assert.equal(teams.length, 84); // 4 districts × 21 teams (docs/demo-force.md)
    const tables = [path.join(out, '06-overtime-and-working-time.ipynb')]
      .concat(teams.map((t) => path.join(out, 'units', t, '06-overtime-and-working-time.ipynb')))
      .flatMap((file) => {
        assert.ok(existsSync(file), `${file} missing`);
        return exportedTables(file);
      });
    const again = await protectRun(tables);
    assert.deepEqual(again.hide, []);
  });
});
