// The attacker test of issue 18: `wbk report --per-unit` with every notebook on a small demo force
// and on a force built to be tricky (test/helpers/tricky-force.ts: a team of 6 people in post, one of
// them the team's only sick person, one the team's only person of unstated ethnicity), then a curious
// reader (test/helpers/attacker.ts, written without src/privacy) collects every published CSV of the
// run with the JSON beside it and the run's headline figures (metrics.json: what `wbk metrics --json`
// prints for the period, protected with the run), writes every relation it can find (declared relations within rows, total rows and
// hierarchies, the same figure in several files, rates × denominators) as linear constraints, and
// bounds every hidden count by linear programming (HiGHS): none may be narrower than the threshold.
// Measured on 2 cores: each run 1.5–2 min, each attack under 10 s (about 5,800 hidden counts).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { generateDemoForce } from '../../src/demo/generate.js';
import { metricsAuditTables } from '../../src/report/metrics/audit.js';
import {
  Attacker,
  narrowCells,
  parseCsv,
  readPublishedRun,
  type Bound,
  type PublishedFile,
} from '../helpers/attacker.js';
import { makeTricky, type TrickyCases } from '../helpers/tricky-force.js';

const THRESHOLD = 5;
const PERIOD = 'FY2024-25';

/** Runs the attack on a run's output folder and the metrics files: the bounds of every hidden count. */
export function attackRun(
  out: string,
  extra: PublishedFile[] = [],
): { bounds: Bound[]; files: PublishedFile[] } {
  const files = [...readPublishedRun(out), ...extra];
  const a = new Attacker();
  for (const f of files) a.addFile(f);
  a.tieAcrossFiles();
  return { bounds: a.bounds(THRESHOLD), files };
}

/** The files a reader tabulates from one set of headline figures (wbk metrics --json, metrics.json). */
function figuresFiles(figures: Record<string, unknown>, where: string): PublishedFile[] {
  return metricsAuditTables(figures).map((t) => {
    const slice = Object.entries(t.slice ?? {});
    const by = [...slice.map(([d]) => d), ...(t.by ?? [])];
    return {
      file: `${where}/${t.name}`,
      columns: [...slice.map(([d]) => d), ...t.columns],
      rows: t.rows.map((r) => [
        ...slice.map(([, v]) => v),
        ...r.map((v) => (v === null ? '' : String(v))),
      ]),
      meta: {
        by,
        countColumns: t.countColumns ?? [],
        ...(t.total === undefined ? {} : { total: t.total }),
        ...(t.hierarchy === undefined ? {} : { hierarchy: t.hierarchy }),
        period: t.period ?? PERIOD,
      },
    };
  });
}

for (const force of ['demo', 'tricky'] as const) {
  describe(`a curious reader of a whole per-unit run (${force} force, every notebook)`, function () {
    this.timeout(1_800_000);
    let data: string;
    let out: string;
    let code: number;
    let cases: TrickyCases | null = null;
    let metrics: PublishedFile[];

    before(async () => {
      data = mkdtempSync(path.join(os.tmpdir(), `wbk-attack-${force}-data-`));
      out = mkdtempSync(path.join(os.tmpdir(), `wbk-attack-${force}-out-`));
      await generateDemoForce({
        people: 300,
        outDir: data,
        ...(force === 'tricky' ? { seed: 7 } : {}),
      });
      if (force === 'tricky') cases = makeTricky(data);
      code = await reportCommand.run([
        ...['--data', data, '--out', out, '--per-unit', '--period', PERIOD, '--jobs', '2'],
      ]);
      // The headline figures of the run (what wbk metrics --json prints, protected with the run). A
      // separate `wbk metrics` of the same data is another release, like a run for another period:
      // it can show what the run hides (README: what protection does not cover).
      metrics = figuresFiles(
        JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8')) as Record<string, unknown>,
        'metrics.json',
      );
    });
    after(() => {
      rmSync(data, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    });

    it('finishes the run', () => {
      assert.equal(code, 0);
    });

    it('finds no hidden count whose feasible interval is narrower than the threshold', () => {
      const { bounds, files } = attackRun(out, metrics);
      assert.ok(files.length >= 100, `${files.length} published files`);
      assert.ok(bounds.length > 1000, 'the run hides something (else the attack proves nothing)');
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

    if (force === 'tricky') {
      it('shows no count of 1 to 4 in any row about the team of 6 (its one sick person, its one unstated ethnicity)', () => {
        const name = teamName(data, cases!.team);
        const shown: string[] = [];
        let rows = 0;
        for (const f of readPublishedRun(out)) {
          const counts = new Set(f.meta.countColumns ?? []);
          f.rows.forEach((row, i) => {
            if (!row.includes(name)) return;
            rows++;
            f.columns.forEach((c, j) => {
              const n = Number(row[j]);
              if (counts.has(c) && row[j] !== '[c]' && n > 0 && n < THRESHOLD)
                shown.push(`${f.file} row ${i + 1} ${c} = ${n}`);
            });
          });
        }
        assert.ok(rows > 0, `the reports have rows about ${name}`);
        assert.deepEqual(shown, []);
      });
    }
  });
}

/** The name of a unit, from the extract's units.csv. */
function teamName(data: string, unit: string): string {
  const [header, ...rows] = parseCsv(readFileSync(path.join(data, 'units.csv'), 'utf8'));
  const row = rows.find((r) => r[header.indexOf('unit_id')] === unit);
  if (!row) throw new Error(`no unit ${unit} in units.csv`);
  return row[header.indexOf('name')];
}
