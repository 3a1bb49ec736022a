// The demo force end to end on 1,500 people: contract (headers, vocabularies, keys), determinism,
// the national shape, and the planted effects, all recomputed from the CSVs with plain code.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { generateDemoForce } from '../../src/demo/generate.js';
import type { DemoManifest } from '../../src/demo/manifest.js';
import { day, leaverShape, lostTimeRate, readDemo, type Row } from './demo-csv.js';
import { HEADERS, VOCABULARIES } from './demo-contract.js';

const ROOT = path.resolve('test-artifacts/demo-generate');
const A = path.join(ROOT, 'a');
const B = path.join(ROOT, 'b');
const C = path.join(ROOT, 'c');
const PEOPLE = 1500;
const SEED = 20250401;
const FIRST = '2020-04-01';
const LAST = '2025-03-31';

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    Object.keys(HEADERS).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(path.join(dir, f)))
        .digest('hex'),
    ]),
  );
}

describe('generateDemoForce', function () {
  this.timeout(120_000);
  let manifest: DemoManifest;
  const t: Record<string, Row[]> = {};

  before(async () => {
    rmSync(ROOT, { recursive: true, force: true });
    manifest = await generateDemoForce({ outDir: A, people: PEOPLE, seed: SEED });
    await generateDemoForce({ outDir: B, people: PEOPLE, seed: SEED });
    await generateDemoForce({ outDir: C, people: PEOPLE, seed: SEED + 1 });
    for (const f of Object.keys(HEADERS)) t[f] = readDemo(A, f);
  });

  it('writes byte-identical files for the same seed and different ones for another seed', () => {
    assert.deepEqual(hashes(A), hashes(B));
    assert.notEqual(hashes(A)['people.csv'], hashes(C)['people.csv']);
    assert.notEqual(hashes(A)['overtime.csv'], hashes(C)['overtime.csv']);
  });

  it('writes exactly the agreed headers', () => {
    for (const [file, header] of Object.entries(HEADERS)) {
      const first = readFileSync(path.join(A, file), 'utf8').split('\n', 1)[0];
      assert.equal(first, header.join(','), file);
    }
  });

  it('records in the manifest the row count of every file', () => {
    for (const file of Object.keys(HEADERS))
      assert.equal(manifest.files[file].rows, t[file].length, file);
    assert.equal(new Set(t['people.csv'].map((p) => p.person_id)).size, PEOPLE);
  });

  it('keeps every value inside the agreed vocabularies and formats', () => {
    for (const [file, columns] of Object.entries(VOCABULARIES)) {
      for (const [column, check] of Object.entries(columns)) {
        t[file].forEach((row, i) =>
          assert.ok(check(row[column]), `${file} row ${i + 1} ${column}="${row[column]}"`),
        );
      }
    }
  });

  it('lists in the manifest the value sets of the columns the brief left open', () => {
    const within = (file: string, column: string, vocabulary: string): void => {
      const allowed = new Set(manifest.vocabularies[vocabulary]);
      for (const row of t[file])
        assert.ok(allowed.has(row[column]), `${file} ${column}="${row[column]}"`);
    };
    within('overtime.csv', 'reason', 'overtime_reason');
    within('oh_referrals.csv', 'reason', 'oh_reason');
    within('people.csv', 'age_band', 'age_band');
  });

  it('refers only to people in people.csv and units in units.csv', () => {
    const people = new Set(t['people.csv'].map((p) => p.person_id));
    const units = new Set(t['units.csv'].map((u) => u.unit_id));
    for (const file of [
      'postings.csv',
      'exit_interviews.csv',
      'overtime.csv',
      'sickness.csv',
      'oh_referrals.csv',
      'welfare_checks.csv',
    ]) {
      for (const row of t[file])
        assert.ok(people.has(row.person_id), `${file}: unknown ${row.person_id}`);
    }
    for (const u of t['units.csv'])
      assert.ok(u.parent_id === '' || units.has(u.parent_id), u.unit_id);
    for (const file of ['people.csv', 'postings.csv', 'unit_indicators.csv']) {
      for (const row of t[file])
        assert.ok(units.has(row.unit_id), `${file}: unknown unit ${row.unit_id}`);
    }
  });

  it('sets leaver_type exactly when end_date is set, and dates in order', () => {
    for (const p of t['people.csv']) {
      assert.equal(p.end_date === '', p.leaver_type === '', p.person_id);
      assert.ok(
        p.service_start_date <= p.start_date && (p.end_date === '' || p.start_date <= p.end_date),
        p.person_id,
      );
    }
    for (const s of t['sickness.csv']) assert.ok(s.end_date === '' || s.start_date <= s.end_date);
  });

  it('includes people in post before the window, joiners, leavers and people still in post', () => {
    const people = t['people.csv'];
    assert.ok(people.filter((p) => p.start_date < FIRST).length > PEOPLE / 2);
    assert.ok(people.filter((p) => p.start_date >= FIRST).length > PEOPLE / 5);
    assert.ok(people.filter((p) => p.end_date === '').length > PEOPLE / 2);
    assert.ok(people.some((p) => p.entry_route === 'rejoiner'));
  });

  it('has open sickness spells and spells crossing the window start and financial years', () => {
    const sick = t['sickness.csv'];
    assert.ok(sick.some((s) => s.end_date === ''));
    assert.ok(sick.some((s) => s.start_date < FIRST && s.end_date >= FIRST));
    assert.ok(sick.some((s) => s.start_date <= '2022-03-31' && s.end_date >= '2022-04-01'));
  });

  it('never overlaps two sickness spells of one person, nor claims overtime twice a day', () => {
    const lastEnd = new Map<string, string>();
    for (const s of t['sickness.csv']) {
      assert.ok((lastEnd.get(s.person_id) ?? '') < s.start_date, `${s.person_id} ${s.start_date}`);
      lastEnd.set(s.person_id, s.end_date === '' ? '9999' : s.end_date);
    }
    const seen = new Set(t['overtime.csv'].map((o) => `${o.person_id} ${o.date}`));
    assert.equal(seen.size, t['overtime.csv'].length);
  });

  it('matches the national shape: voluntary share, under-5 share and lost time', () => {
    const shape = leaverShape(t['people.csv']);
    // Targets: 40–45% voluntary, ~70% of them under 5 years (Home Office 2021/22: 42%, 71%). With n leavers
    // a share has sampling sd sqrt(p(1-p)/n): allow the target band widened by 2 sd.
    const sd = (p: number, n: number): number => Math.sqrt((p * (1 - p)) / n);
    const voluntaryN = Math.round(shape.voluntaryShare * shape.leavers);
    assert.ok(
      Math.abs(shape.voluntaryShare - 0.425) <= 0.025 + 2 * sd(0.425, shape.leavers),
      `voluntary ${shape.voluntaryShare}`,
    );
    assert.ok(
      Math.abs(shape.under5Share - 0.7) <= 0.05 + 2 * sd(0.7, voluntaryN),
      `under 5 ${shape.under5Share}`,
    );
    const rate = lostTimeRate(t['people.csv'], t['sickness.csv'], FIRST, LAST);
    assert.ok(rate >= 0.04 && rate <= 0.05, `lost time ${rate}`);
    assert.ok(Math.abs(rate - manifest.calibration.sickness_lost_time_rate) < 1e-4);
  });

  it('writes about 260 overtime claims per person, 1.3 M for 5,000 people as in issue 9', () => {
    let years = 0;
    for (const p of t['people.csv']) {
      const from = Math.max(day(p.start_date), day(FIRST));
      years += Math.max(0, (p.end_date === '' ? day(LAST) : day(p.end_date)) - from + 1) / 365.25;
    }
    // Issue 9: 5,000 people ≈ 1.3 M claims over 5 years, i.e. ~260 claims per person in the file.
    const perPerson = t['overtime.csv'].length / PEOPLE;
    assert.ok(perPerson > 220 && perPerson < 300, `claims per person ${perPerson}`);
    // People are in post ~3.6 of the 5 years on average, so that is 60–90 claims per person-year.
    const perYear = t['overtime.csv'].length / years;
    assert.ok(perYear > 60 && perYear < 90, `claims per person-year ${perYear}`);
  });
});
