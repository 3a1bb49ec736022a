// `wbk report --notebooks 00,01,02,03,05,06 --period all` on extracts unlike the demo: two public data
// sets (NHS sickness rates: unit indicators only; Huebner HR: people only, levels company > department)
// and a generated extract with levels service > region > beat, people and sickness only, no
// service_start_date. Each run exits 0 with every notebook ok or "not applicable", and one figure per
// extract matches a count made by DuckDB from the same files.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { reportCommand } from '../../src/cli/report.js';
import { describeRealData } from '../helpers/real-data.js';
import { duckdbRows, sqlPath } from './duckdb-query.js';
import { notebookStates } from '../helpers/report-states.js';

const NOTEBOOKS = [
  '00-getting-started',
  '01-data-quality',
  '02-early-leavers',
  '03-exit-interviews',
  '05-sickness',
  '06-overtime-and-working-time',
];
const MAPPINGS = path.resolve('examples', 'mappings');

/** Runs wbk report on `data` for the period 'all' and returns its exit code and output folder. */
async function report(
  data: string,
  mapping: string | null,
): Promise<{ code: number; out: string }> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'wbk-any-extract-'));
  const args = ['--data', data, '--out', out, '--period', 'all', '--jobs', '1'];
  if (mapping) args.push('--mapping', mapping);
  args.push('--notebooks', NOTEBOOKS.map((n) => n.slice(0, 2)).join(','));
  const code = await reportCommand.run(args);
  return { code, out };
}

/** One cell of an exported table, read by DuckDB (every column as text). */
async function exported(out: string, file: string, column: string, where: string): Promise<string> {
  const rows = await duckdbRows(
    `SELECT "${column}" AS v FROM read_csv(${sqlPath(path.join(out, file))}, all_varchar = true) WHERE ${where}`,
  );
  assert.equal(rows.length, 1, `${file}: one row where ${where}`);
  return String(rows[0].v);
}

function assertStates(out: string, expected: Record<string, 'ok' | 'na'>): void {
  const found = notebookStates(out);
  for (const name of NOTEBOOKS) {
    assert.ok(found[name] === 'ok' || found[name] === 'na', `${name}: ${found[name] ?? 'missing'}`);
  }
  for (const [name, state] of Object.entries(expected)) assert.equal(found[name], state, name);
}

describeRealData(
  'wbk report on NHS sickness rates (unit indicators only)',
  'nhs-sickness-absence',
  (dir) => {
    let run: { code: number; out: string };
    before(async function () {
      this.timeout(1_200_000);
      run = await report(dir, path.join(MAPPINGS, 'nhs-sickness-absence.json'));
    });
    after(() => rmSync(run.out, { recursive: true, force: true }));

    it('exits 0; the notebooks about people are not applicable, data quality is ok', () => {
      assert.equal(run.code, 0);
      assertStates(run.out, {
        '00-getting-started': 'na',
        '01-data-quality': 'ok',
        '02-early-leavers': 'na',
        '05-sickness': 'na',
        '06-overtime-and-working-time': 'na',
      });
    });

    it('reads every row of each monthly file (DuckDB counts them)', async () => {
      const files = (
        await duckdbRows(
          `SELECT parse_filename(filename) AS file, count(*)::INTEGER AS n FROM read_csv(${sqlPath(path.join(dir, 'nhs_sickness_absence_*.csv'))}, filename = true, all_varchar = true) GROUP BY ALL ORDER BY file`,
        )
      ).map((r) => [String(r.file), Number(r.n)] as const);
      assert.equal(files.length, 12);
      for (const [file, n] of files) {
        const read = await exported(
          run.out,
          '01-data-quality--load-summary.csv',
          'rows_read',
          `file = '${file}'`,
        );
        assert.equal(Number(read), n, file);
      }
    });
  },
);

describeRealData(
  'wbk report on Huebner HR (people only, company > department)',
  'huebner-hr-dataset',
  (dir) => {
    let run: { code: number; out: string };
    before(async function () {
      this.timeout(1_200_000);
      run = await report(dir, path.join(MAPPINGS, 'huebner-hr.json'));
    });
    after(() => rmSync(run.out, { recursive: true, force: true }));

    it('exits 0; sickness, overtime and exit interviews are not applicable', () => {
      assert.equal(run.code, 0);
      assertStates(run.out, {
        '00-getting-started': 'ok',
        '01-data-quality': 'ok',
        '02-early-leavers': 'ok',
        '03-exit-interviews': 'na',
        '05-sickness': 'na',
        '06-overtime-and-working-time': 'na',
      });
    });

    it('counts the voluntary resignations of all the data as DuckDB does, labelled "all data"', async () => {
      // The mapping: 'Voluntarily Terminated' is a resignation unless the reason is 'retiring'.
      const [{ n }] = await duckdbRows(
        `SELECT count(*)::INTEGER AS n FROM read_csv(${sqlPath(path.join(dir, 'HRDataset_v14.csv'))}, all_varchar = true)
       WHERE trim(EmploymentStatus) = 'Voluntarily Terminated' AND trim(TermReason) <> 'retiring'`,
      );
      const where = `worker_type = 'All' AND leaver_type = 'voluntary_resignation'`;
      const file = '02-early-leavers--leavers-by-type.csv';
      assert.equal(Number(await exported(run.out, file, 'leavers', where)), n);
      assert.match(
        await exported(run.out, file, 'period', where),
        /^all data \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\)$/,
      );
    });
  },
);

/** A deterministic pseudo-random stream (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * An extract shaped unlike the demo: levels service > region > beat, 160 people (officers and staff)
 * who joined 2008–2022, about 45% of them gone by 31 March 2024, sickness spells from April 2020; no
 * service_start_date, no overtime, postings, exit interviews or unit indicators.
 */
function writeOddExtract(dir: string): void {
  const rand = random(20241205);
  writeFileSync(
    path.join(dir, 'units.csv'),
    [
      'unit_id,parent_id,name,level',
      'ORG,,The Service,service',
      'R1,ORG,North Region,region',
      'R2,ORG,South Region,region',
      'B1,R1,Harbour Beat,beat',
      'B2,R1,Hill Beat,beat',
      'B3,R2,Market Beat,beat',
      'B4,R2,Park Beat,beat',
    ].join('\n') + '\n',
  );
  const lastDay = Date.UTC(2024, 2, 31);
  const people = ['person_id,worker_type,unit_id,start_date,end_date,leaver_type,sex'];
  const sickness = ['person_id,start_date,end_date'];
  for (let i = 1; i <= 160; i++) {
    const id = `P${String(i).padStart(3, '0')}`;
    const start = Date.UTC(
      2008 + Math.floor(rand() * 15),
      Math.floor(rand() * 12),
      1 + Math.floor(rand() * 28),
    );
    let end: number | null = null;
    let type = '';
    if (rand() < 0.45) {
      end = start + Math.floor(200 + (rand() * (lastDay - start - 200 * DAY)) / DAY) * DAY;
      const r = rand();
      type =
        r < 0.6
          ? 'voluntary_resignation'
          : r < 0.8
            ? 'normal_retirement'
            : r < 0.9
              ? 'dismissal'
              : 'transfer_out';
    }
    const worker = i % 4 === 0 ? 'staff' : 'officer';
    const sex = rand() < 0.4 ? 'female' : 'male';
    people.push(
      [id, worker, `B${1 + (i % 4)}`, iso(start), end === null ? '' : iso(end), type, sex].join(
        ',',
      ),
    );
    const from = Math.max(start, Date.UTC(2020, 3, 1));
    const to = Math.min(end ?? lastDay, lastDay);
    // Up to two spells, each in its own half of the time in post (overlapping spells are rejected).
    const count = Math.floor(rand() * 3);
    const slot = Math.floor((to - from) / DAY / Math.max(count, 1));
    for (let k = 0; k < count; k++) {
      const length = 1 + Math.floor(rand() * 30);
      if (slot < length + 1) break;
      const first = from + (k * slot + Math.floor(rand() * (slot - length))) * DAY;
      sickness.push([id, iso(first), iso(first + (length - 1) * DAY)].join(','));
    }
  }
  writeFileSync(path.join(dir, 'people.csv'), people.join('\n') + '\n');
  writeFileSync(path.join(dir, 'sickness.csv'), sickness.join('\n') + '\n');
}

describe('wbk report on a service > region > beat extract (people and sickness only)', () => {
  let dir: string;
  let run: { code: number; out: string };
  before(async function () {
    this.timeout(1_200_000);
    dir = mkdtempSync(path.join(os.tmpdir(), 'wbk-odd-extract-'));
    writeOddExtract(dir);
    run = await report(dir, null);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(run.out, { recursive: true, force: true });
  });

  it('exits 0; overtime and exit interviews are not applicable, sickness runs by beat', () => {
    assert.equal(run.code, 0);
    assertStates(run.out, {
      '00-getting-started': 'ok',
      '01-data-quality': 'ok',
      '02-early-leavers': 'ok',
      '03-exit-interviews': 'na',
      '05-sickness': 'ok',
      '06-overtime-and-working-time': 'na',
    });
  });

  it('counts voluntary resignations and sickness spells of all the data as DuckDB does', async () => {
    const [{ n }] = await duckdbRows(
      `SELECT count(*)::INTEGER AS n FROM read_csv(${sqlPath(path.join(dir, 'people.csv'))}, all_varchar = true)
       WHERE leaver_type = 'voluntary_resignation'`,
    );
    const where = `worker_type = 'All' AND leaver_type = 'voluntary_resignation'`;
    assert.equal(
      Number(await exported(run.out, '02-early-leavers--leavers-by-type.csv', 'leavers', where)),
      n,
    );
    const [{ spells }] = await duckdbRows(
      `SELECT count(*)::INTEGER AS spells FROM read_csv(${sqlPath(path.join(dir, 'sickness.csv'))}, all_varchar = true)`,
    );
    assert.ok(Number(spells) > 100);
    const loaded = '01-data-quality--load-summary.csv';
    assert.equal(await exported(run.out, loaded, 'rows_rejected', `file = 'sickness.csv'`), '0');
    const sick = '05-sickness--sickness-by-unit.csv';
    assert.equal(Number(await exported(run.out, sick, 'spells', `unit = 'All'`)), spells);
    assert.match(await exported(run.out, sick, 'period', `unit = 'All'`), /^all data \(/);
  });
});
