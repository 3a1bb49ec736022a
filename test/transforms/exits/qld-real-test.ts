// The Queensland DETE and TAFE exit surveys through examples/mappings/qld-exit-surveys.json and the
// kit's own exit-reason transforms, against an independent count of the same files (Python csv module,
// the method of SOURCE.md; the script is quoted in the comments below).
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadDataset, type Dataset } from '../../../src/io/load-dataset.js';
import { deriveExitLeavers } from '../../../src/transforms/exits/leavers.js';
import {
  parseExitReasonGroups,
  summarizeExitReasonGroups,
} from '../../../src/transforms/exits/reason-groups.js';
import { describeRealData } from '../../helpers/real-data.js';

const mappingPath = fileURLToPath(
  new URL('../../../examples/mappings/qld-exit-surveys.json', import.meta.url),
);
const DISSATISFACTION =
  'dissatisfaction: job_dissatisfaction, dissatisfaction_with_employer, physical_work_environment, lack_of_recognition, job_security, work_location, employment_conditions, work_life_balance, workload';

// One load: each survey file feeds both people and exit_interviews through the same mapping.
function loadQld(dir: string): Promise<Dataset> {
  return loadDataset(dir, { mapping: mappingPath, asOf: '2025-01-01' });
}

describeRealData('Queensland exit surveys (real data)', 'qld-exit-surveys', (dir) => {
  let people: Dataset;
  let exits: Dataset;
  before(async () => {
    people = await loadQld(dir);
    exits = people;
  });

  it('accounts for every row of both files', () => {
    // rows: DETE 822, TAFE 702 (SOURCE.md). Both surveys hold only leavers and the mapping allows
    // undated leavers (they load with a warning; test/examples/qld-exit-surveys-test.ts counts them).
    // Python csv: one TAFE row has no separation type (and no service band) → rejected, with its answer.
    const rows = people.files.map((f) => [
      f.file,
      f.table,
      f.rows_read,
      f.rows_loaded,
      f.rows_rejected,
    ]);
    assert.deepEqual(rows, [
      ['dete_survey.csv', 'people', 822, 822, 0],
      ['tafe_survey.csv', 'people', 702, 701, 1],
      ['dete_survey.csv', 'exit_interviews', 822, 822, 0],
      ['tafe_survey.csv', 'exit_interviews', 702, 701, 1],
    ]);
    assert.equal(
      people.warnings.filter((d: { rule: string }) => d.rule === 'unmapped_column').numRows(),
      0,
    );
  });

  it('reproduces the share of resignations citing dissatisfaction by service band', () => {
    const leavers = deriveExitLeavers(people.tables.people, exits.tables.exit_interviews, {
      serviceBandEdges: [3, 7, 11],
      leaverTypes: ['voluntary_resignation'],
    });
    const groups = parseExitReasonGroups(
      [DISSATISFACTION],
      people.config.extraExitReasons.concat(['work_life_balance', 'workload']),
    );
    const t = summarizeExitReasonGroups(leavers, { by: ['service_band'], groups });
    // Independent count (Python csv, SOURCE.md method): resignations DETE 311 + TAFE 340 = 651; with a
    // known service 273 + 290 = 563. New (<3): 193, 57 dissatisfied = 29.5%; Experienced (3–6): 172, 59 =
    // 34.3%; Established (7–10): 62, 32 = 51.6%; Veteran (11+): 136, 66 = 48.5% (Dataquest's published
    // 0.295, 0.343, 0.516, 0.485). From people alone, leavers of unknown date are left out (they are
    // in tables.undated_leavers): 2 TAFE Veteran resignations without a cessation year, so Veteran
    // 134, 66 = 49.3%; All 561, 214. Pooled over all the data with the undated leavers, the published
    // figures come out exactly: test/examples/qld-exit-surveys-test.ts.
    assert.deepEqual(
      t
        .objects()
        .map((r) => [
          (r as { service_band: string }).service_band,
          (r as { respondents: number }).respondents,
          (r as { citing: number }).citing,
        ]),
      [
        ['<3', 193, 57],
        ['3–7', 172, 59],
        ['7–11', 62, 32],
        ['11+', 134, 66],
        ['All', 561, 214],
      ],
    );
    assert.ok(Math.abs((t.get('citing_pct', 0) as number) - (100 * 57) / 193) < 1e-9); // 29.53%
  });

  it('maps the tick boxes to reasons: DETE workload and TAFE job dissatisfaction', () => {
    const reasons = exits.tables.exit_interviews.array('other_reasons') as (string[] | null)[];
    const count = (r: string) => reasons.filter((list) => list?.includes(r)).length;
    // Python csv module, over the rows whose person loads (all 822 DETE rows; 701 TAFE rows, the one
    // without a separation type rejected): DETE "Workload" == "TRUE": 87; "Job dissatisfaction" TRUE:
    // 89; TAFE "Contributing Factors. Job Dissatisfaction" ticked (neither - nor blank): 77 → 89 + 77 = 166.
    assert.equal(count('workload'), 87);
    assert.equal(count('job_dissatisfaction'), 166);
  });
});
