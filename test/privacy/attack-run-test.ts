// The attacker test of issue 18: `wbk report --per-unit` on a small demo force, then a curious reader
// (test/helpers/attacker.ts, written without src/privacy) collects every published CSV of the run
// with the JSON beside it, writes every relation it can find (declared relations within rows, total
// rows and hierarchies, the same figure in several reports, rates × denominators) as linear
// constraints, and bounds every hidden count by linear programming: none may be narrower than the
// threshold. Notebook 01 (equality-data completeness by unit, with declared relations) publishes
// person-level counts per unit. The bounds come from HiGHS (javascript-lp-solver, used before, called
// consistent systems of a few hundred relations infeasible). A unit report's rest-of-organisation
// rows are tied only within that unit's reports (the sidecar's `rest`). Measured on 2 cores (300
// people): the run ~40 s, the attack ~2 min (1,580 hidden counts, two LPs each). Every notebook, `wbk
// metrics` and a tricky force are the next step; on every notebook the run audit still misses what
// only non-negativity and rates give away (issue 18's note).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { generateDemoForce } from '../../src/demo/generate.js';
import { Attacker, narrowCells, readPublishedRun, type Bound } from '../helpers/attacker.js';

const THRESHOLD = 5;

/** Runs the attack on a run's output folder: the bounds of every hidden count. */
export function attackRun(out: string): { bounds: Bound[]; files: number } {
  const files = readPublishedRun(out);
  const a = new Attacker();
  for (const f of files) a.addFile(f);
  a.tieAcrossFiles();
  return { bounds: a.bounds(), files: files.length };
}

describe('a curious reader of a whole per-unit run', function () {
  this.timeout(1_800_000);
  let data: string;
  let out: string;
  let code: number;

  before(async () => {
    data = mkdtempSync(path.join(os.tmpdir(), 'wbk-attack-data-'));
    out = mkdtempSync(path.join(os.tmpdir(), 'wbk-attack-out-'));
    await generateDemoForce({ people: 300, outDir: data });
    code = await reportCommand.run([
      ...['--data', data, '--out', out, '--per-unit', '--notebooks', '01', '--jobs', '2'],
    ]);
  });
  after(() => {
    rmSync(data, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('finishes the run', () => {
    assert.equal(code, 0);
  });

  it('finds no hidden count whose feasible interval is narrower than the threshold', () => {
    const { bounds, files } = attackRun(out);
    assert.ok(files >= 10, `${files} published files`); // 4 per report × (force + 4 districts)
    assert.ok(bounds.length > 0, 'the run hides something (else the attack proves nothing)');
    const narrow = narrowCells(bounds, THRESHOLD);
    assert.deepEqual(
      narrow.slice(0, 10).map((b) => `${b.file} row ${b.row} ${b.column}: [${b.lo}, ${b.hi}]`),
      [],
      `${narrow.length} of ${bounds.length} hidden counts are narrower than ${THRESHOLD}`,
    );
  });

  it('shows no rate or share whose population (its declared denominator) is under the threshold', () => {
    // Read from what was published: a shown rate beside a shown denominator under the threshold would
    // be a figure about fewer people than the minimum. (A rate beside a hidden denominator is bounded
    // by the linear programme above through rate × denominator.)
    const small: string[] = [];
    let checked = 0;
    for (const f of readPublishedRun(out)) {
      for (const rate of f.meta.rates ?? []) {
        const r = f.columns.indexOf(rate.name);
        const d = f.columns.indexOf(rate.denominator);
        if (r < 0 || d < 0) continue;
        f.rows.forEach((row, i) => {
          if (row[r] === '[c]' || row[r] === '' || row[d] === '[c]') return;
          checked++;
          const n = Number(row[d]);
          if (n > 0 && n < THRESHOLD)
            small.push(`${f.file} row ${i + 1} ${rate.name}: ${n} people`);
        });
      }
    }
    assert.ok(checked > 0, 'the run publishes rates with their denominators');
    assert.deepEqual(small, []);
  });
});
