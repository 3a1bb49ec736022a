import assert from 'node:assert/strict';
import { PEOPLE, UNITS, EXIT_INTERVIEWS } from '../../src/schema/tables.js';
import { allowedValues, resolveConfig } from '../../src/schema/vocabularies.js';

describe('resolveConfig', () => {
  it('fills the defaults', () => {
    // No level names are assumed: the units table gives them (the mapping may declare an order).
    assert.deepEqual(resolveConfig(), {
      unitLevels: [],
      extraHighRiskRoles: [],
      extraExitReasons: [],
      fyStartMonth: 4,
      recordsFrom: null, // no records_from: the earliest exit or event date is taken (recordsStart)
    });
  });
  it('refuses a records-from day that is not an epoch day', () => {
    assert.throws(
      () => resolveConfig({ recordsFrom: 1.5 }),
      /config\.recordsFrom: expected an epoch day \(integer\) or null, got 1\.5\./,
    );
  });
  it('rejects names that are not snake_case', () => {
    assert.throws(
      () => resolveConfig({ extraExitReasons: ['Bad Manager'] }),
      /config\.extraExitReasons: expected a list of snake_case names \(a-z, 0-9, _\); bad: \["Bad Manager"\]\./,
    );
  });
  it('rejects unit level names that are not snake_case', () => {
    assert.throws(
      () => resolveConfig({ unitLevels: ['Basic Command Unit'] }),
      /config\.unitLevels: expected a list of snake_case names \(a-z, 0-9, _\); bad: \["Basic Command Unit"\]/,
    );
  });
  it('rejects a start month outside 1–12', () => {
    assert.throws(
      () => resolveConfig({ fyStartMonth: 0 }),
      /config\.fyStartMonth: expected a month number 1–12 \(4 = April\), got 0\./,
    );
  });
});

describe('allowedValues', () => {
  it('extends high-risk roles and exit reasons; unit levels take any name unless declared', () => {
    const config = resolveConfig({
      extraHighRiskRoles: ['surveillance'],
      unitLevels: ['force', 'bcu'],
      extraExitReasons: ['commute'],
    });
    assert.deepEqual(allowedValues(PEOPLE.columns.high_risk_role, config)?.slice(-2), [
      'control_room',
      'surveillance',
    ]);
    assert.deepEqual(allowedValues(UNITS.columns.level, config), ['force', 'bcu']);
    assert.equal(allowedValues(UNITS.columns.level, resolveConfig()), undefined);
    assert.equal(
      allowedValues(EXIT_INTERVIEWS.columns.primary_reason, config)?.includes('commute'),
      true,
    );
    assert.equal(allowedValues(PEOPLE.columns.role, config), undefined);
  });
});
