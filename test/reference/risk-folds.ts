// Writes the kit's inner cross-validation folds for the IBM benchmark, so that R can refit the nested
// cross-validation of the penalised model on exactly the same people (test/reference/risk-penalised.R).
// Run from the repository root: npx tsx test/reference/risk-folds.ts
// Steps: read the IBM file → outer folds (10, seed 1) → for each outer fold, the inner folds (5, seed 1)
// of its training people, as fitRiskPenalised deals them → one CSV row per employee.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { personFolds } from '../../src/risk/folds.js';
import { loadSnapshot, readSnapshotMapping } from '../../src/risk/snapshot.js';
import { realDataDir } from '../helpers/real-data.js';

const base = realDataDir();
if (base === null) throw new Error('../shared/data/real not found (set WBK_REAL_DATA).');
const mapping = await readSnapshotMapping('examples/mappings/ibm-hr-attrition.json');
const { table } = await loadSnapshot(join(base, 'ibm-hr-attrition'), mapping);
const ids = Array.from(table.array('person_id') as ArrayLike<string>);
const outer = personFolds(ids, 10, 1);
const inner = Array.from({ length: 10 }, (_, f) => {
  const train = ids.filter((_, i) => outer[i] !== f);
  const folds = personFolds(train, 5, 1);
  const byId = new Map(train.map((id, r) => [id, folds[r]]));
  return ids.map((id) => byId.get(id) ?? -1);
});
const all = personFolds(ids, 5, 1);
const lines = [
  ['EmployeeNumber', 'outer', ...inner.map((_, f) => `inner_${f}`), 'inner_all'].join(','),
  ...ids.map((id, i) => [id, outer[i], ...inner.map((col) => col[i]), all[i]].join(',')),
];
writeFileSync('test/reference/risk/ibm-inner-folds-k5-seed1.csv', lines.join('\n') + '\n');
