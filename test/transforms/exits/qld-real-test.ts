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
    // rows: DETE 822, TAFE 702 (SOURCE.md). People rejects, counted in Python:
    // DETE "DETE Start Date" == "Not Stated": 73; "Cease Date" == "Not Stated" with a start year: 30 → 103.
    // TAFE service band or cessation year blank: 108 (the one blank separation type is among them).
    const rows = people.files
      .filter((f) => f.table === 'people')
      .map((f) => [f.file, f.rows_read, f.rows_loaded, f.rows_rejected]);
    assert.deepEqual(rows, [
      ['dete_survey.csv', 822, 719, 103],
      ['tafe_survey.csv', 702, 594, 108],
    ]);
    const rules = people.rejects
      .filter((d: { table: string }) => d.table === 'people')
      .groupby('file', 'rule')
      .count()
      .orderby('file', 'rule')
      .objects();
    assert.deepEqual(rules, [
      { file: 'dete_survey.csv', rule: 'leaver_type_without_end_date', count: 30 },
      { file: 'dete_survey.csv', rule: 'required', count: 73 },
      { file: 'tafe_survey.csv', rule: 'required', count: 108 },
    ]);
    // Each survey row is one person: an answer whose person row was rejected above is rejected too
    // (unknown_person), so the exit-interview rejects equal the people rejects, file by file.
    assert.deepEqual(
      exits.files
        .filter((f) => f.table === 'exit_interviews')
        .map((f) => [f.file, f.rows_read, f.rows_loaded, f.rows_rejected]),
      [
        ['dete_survey.csv', 822, 719, 103],
        ['tafe_survey.csv', 702, 594, 108],
      ],
    );
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
    // 0.295, 0.343, 0.516, 0.485). The kit needs an end date for a leaver, so 2 TAFE Veteran resignations
    // without a cessation year (not dissatisfied) are rejected: Veteran 134, 66 = 49.3%; All 561, 214.
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
    // Python csv module, over the rows whose person loads (DETE: "DETE Start Date" stated and a 4-digit
    // year in "Cease Date", 719 rows; TAFE: overall service and "CESSATION YEAR" both filled, 594 rows):
    // DETE "Workload" == "TRUE": 81 (87 over all 822 rows); "Job dissatisfaction" TRUE: 84 (89);
    // TAFE "Contributing Factors. Job Dissatisfaction" ticked (neither - nor blank): 69 (77) → 84 + 69 = 153.
    assert.equal(count('workload'), 81);
    assert.equal(count('job_dissatisfaction'), 153);
  });
});
