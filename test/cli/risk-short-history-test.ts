// wbk risk on an extract with too little history: exit 2 and a message naming what is short (how many
// months the model needs, how many the extract has, of what), not a stack of internal errors.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { riskCommand } from '../../src/cli/risk.js';

const DIR = fileURLToPath(new URL('../fixtures/extracts/force-command-station/', import.meta.url));

async function run(argv: string[]): Promise<{ code: number; err: string }> {
  const lines: string[] = [];
  const error = console.error;
  console.error = (text: string) => lines.push(text);
  try {
    return { code: await riskCommand.run(argv), err: lines.join('\n') };
  } finally {
    console.error = error;
  }
}

describe('wbk risk on a short extract (force > command > station: people and sickness only)', function () {
  this.timeout(60_000);
  // By hand from sickness.csv and people.csv: the first absence starts 08/08/2023 (H0001), later than
  // the first leaving date (30/06/2023), so records start in August 2023; the last date is 28/03/2024
  // (N0001's absence ends), so the last complete month is February 2024: 7 months, 2023-08 to 2024-02.
  const args = ['--data', DIR, '--mapping', `${DIR}mapping.json`, '--as-of', '2024-12-31'];
  it('exits 2 and says out-of-time validation needs 49 months where the extract has 7 of sickness', async () => {
    const { code, err } = await run(args);
    assert.equal(code, 2);
    assert.match(
      err,
      /needs 49 months of records per person .*; the extract has 7 months of sickness \(2023-08 to 2024-02\)\. Validate by cross-validation \(--validate cv, needs 25 months\)/,
    );
  });
  it('says cross-validation needs 25 months with a 12-month horizon', async () => {
    const { code, err } = await run([...args, '--validate', 'cv']);
    assert.equal(code, 2);
    assert.match(
      err,
      /needs 25 months of records per person .*; the extract has 7 months of sickness/,
    );
  });
});
