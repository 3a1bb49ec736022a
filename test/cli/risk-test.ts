import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { riskCommand } from '../../src/cli/risk.js';
import { UsageError } from '../../src/cli/command.js';
import { generateDemoForce } from '../../src/demo/generate.js';
import { describeRealData } from '../helpers/real-data.js';

async function capture(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (text: string) => lines.push(text);
  try {
    const code = await riskCommand.run(argv);
    return { code, out: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

describe('riskCommand', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'wbk-risk-'));
  before(async () => {
    await generateDemoForce({ people: 800, outDir: dir });
  });
  it('prints the out-of-time model card as JSON, with no person identifiers', async () => {
    const { code, out } = await capture(['--data', dir, '--as-of', '2025-03-31', '--json']);
    assert.equal(code, 0);
    const card = JSON.parse(out);
    assert.equal(card.scheme.kind, 'out-of-time');
    // as of 31 Mar 2025, horizon 12: last month with a complete horizon 2024-03, test 2023-04 … 2024-03;
    // training outcomes known by 2023-03 → training months up to 2022-03, from 2021-04 (12 months
    // after the first overtime month, April 2020)
    assert.match(
      card.scheme.description,
      /^Fitted on 2021-04 to 2022-03 \(outcomes known by 2023-03\), tested on 2023-04 to 2024-03/,
    );
    assert.ok(card.skill.auc > 0.5 && card.skill.auc < 1);
    assert.equal(card.calibration.length, 10);
    assert.deepEqual(
      card.gaps.map((g: { dimension: string }) => g.dimension),
      ['sex', 'ethnicity_group', 'worker_type'],
    );
    const people = readFileSync(join(dir, 'people.csv'), 'utf8')
      .split('\n')
      .slice(1, 50)
      .map((l) => l.split(',')[0]);
    for (const id of people.filter(Boolean)) assert.ok(!out.includes(id), `${id} printed`);
  });
  it('refuses an unknown scheme and horizon with the usage error', async () => {
    await assert.rejects(
      capture(['--data', dir, '--validate', 'holdout']),
      (e: Error) =>
        e instanceof UsageError && /--validate holdout: use out-of-time or cv\./.test(e.message),
    );
    await assert.rejects(
      capture(['--data', dir, '--horizon', '3']),
      /--horizon 3: use 6 or 12 \(months\)\./,
    );
    await assert.rejects(capture([]), /--data DIR is required\./);
  });
});

const IBM_MAPPING = fileURLToPath(
  new URL('../../examples/mappings/ibm-hr-attrition.json', import.meta.url),
);

describeRealData(
  'riskCommand on the IBM benchmark (snapshot mapping)',
  'ibm-hr-attrition',
  (dir) => {
    it("cross-validates plain and ridge with 10 folds and flags the plain model's calibration", async function () {
      this.timeout(300_000);
      const { code, out } = await capture(['--data', dir, '--mapping', IBM_MAPPING, '--json']);
      assert.equal(code, 0);
      const card = JSON.parse(out);
      assert.equal(card.title, 'Attrition-risk model: IBM benchmark');
      assert.equal(card.scheme.folds, 10);
      assert.equal(card.scheme.seed, 1);
      assert.match(card.data.description, /1470 rows read, 1470 loaded, 0 rejected/);
      // The published figures: plain AUC 0.824 (R glm on the same folds, test/reference/risk/ibm-cv.json)
      // with slope 0.85 (0.73–0.96), flagged; ridge chosen (237 leavers / 33 parameters) at slope 1.03.
      const [plain, ridge] = card.comparison;
      assert.equal(plain.model, 'none');
      assert.equal(plain.auc.toFixed(3), '0.824');
      assert.equal(plain.calibration_slope.estimate.toFixed(2), '0.85');
      assert.equal(plain.flag, 'too extreme');
      assert.deepEqual([ridge.model, ridge.reported, ridge.flag], ['ridge', true, null]);
      assert.equal(card.penalty.kind, 'ridge');
      assert.equal(card.gaps[0].dimension, 'sex');
      assert.deepEqual(
        card.gaps.map((g: { dimension: string }) => g.dimension),
        ['sex', 'age_band'],
      );
    });
    it('no longer recognises the file name without a mapping', async () => {
      await assert.rejects(
        capture(['--data', dir]),
        /no people were loaded from .* \(no mapping: canonical people\.csv and the other tables expected\)\. .*a snapshot mapping/,
      );
    });
    it('refuses the out-of-time scheme and a horizon (a snapshot has no dates)', async () => {
      await assert.rejects(
        capture(['--data', dir, '--mapping', IBM_MAPPING, '--validate', 'out-of-time']),
        /is a snapshot mapping \(one row per person, no dates\): use --validate cv with the logistic model\./,
      );
      await assert.rejects(
        capture(['--data', dir, '--mapping', IBM_MAPPING, '--horizon', '6']),
        /--horizon need dated records; a snapshot mapping .* has none\. Drop it\./,
      );
    });
  },
);
