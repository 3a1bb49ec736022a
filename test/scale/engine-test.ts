import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { chooseEngine, eventInputs, inputBytes } from '../../src/scale/engine.js';

let dir: string;
let people: string;
let overtime: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'wbk-engine-'));
  people = join(dir, 'people.csv');
  overtime = join(dir, 'overtime.csv');
  writeFileSync(people, 'x'.repeat(100));
  writeFileSync(overtime, 'y'.repeat(900));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('inputBytes', () => {
  it('adds the sizes of the file inputs and counts tables as 0', () => {
    assert.equal(inputBytes({ people, overtime }), 1000); // 100 + 900 bytes written above
    assert.equal(inputBytes({ people: aq.table({ a: [1] }), overtime }), 900);
  });

  it('names the input whose file cannot be read', () => {
    assert.throws(
      () => inputBytes({ people, overtime: join(dir, 'nope.csv') }),
      /overtime: cannot read the file .*nope\.csv\. Check the path\./,
    );
  });
});

describe('chooseEngine', () => {
  it('picks DuckDB in auto mode only when the files exceed the threshold', () => {
    assert.equal(chooseEngine({ people, overtime }, { thresholdBytes: 999 }), 'duckdb');
    assert.equal(chooseEngine({ people, overtime }, { thresholdBytes: 1000 }), 'memory');
  });

  it('stays in memory in auto mode when an event input is a table', () => {
    const table = aq.table({ person_id: ['P1'] });
    assert.equal(chooseEngine({ people, overtime: table }, { thresholdBytes: 0 }), 'memory');
  });

  it('obeys a forced engine', () => {
    assert.equal(
      chooseEngine({ people, overtime }, { engine: 'duckdb', thresholdBytes: 1e12 }),
      'duckdb',
    );
    assert.equal(
      chooseEngine({ people, overtime }, { engine: 'memory', thresholdBytes: 0 }),
      'memory',
    );
  });

  it('accepts people as a table on the DuckDB engine (it is copied in)', () => {
    assert.equal(
      chooseEngine({ people: aq.table({ person_id: ['P1'] }), overtime }, { engine: 'duckdb' }),
      'duckdb',
    );
  });

  it('rejects an unknown engine name', () => {
    assert.throws(
      () => chooseEngine({ people }, { engine: 'spark' as 'auto' }),
      /chooseEngine: engine must be 'auto', 'memory' or 'duckdb', got "spark"\./,
    );
  });
});

describe('eventInputs', () => {
  it('keeps people and the one event input', () => {
    const inputs = { people: 'p.csv', overtime: 'o.csv', sickness: 's.csv' };
    assert.deepEqual(eventInputs(inputs, 'sickness', 'f'), { people: 'p.csv', sickness: 's.csv' });
  });
  it('says which input is missing', () => {
    assert.throws(
      () => eventInputs({ people: 'p.csv' }, 'overtime', 'summarizeOvertimeByPeriod'),
      /^Error: summarizeOvertimeByPeriod: inputs\.overtime is missing\.$/,
    );
  });
});
