// Arquero adapters: curves per group as one long table, and truncation for disclosure control.
// Figures are checked by hand in the comments; the array functions underneath are checked against R in
// survival-kaplan-meier-test.ts and survival-aalen-johansen-test.ts.
import assert from 'node:assert/strict';
import { table } from 'arquero';
import {
  fitAalenJohansenBy,
  fitKaplanMeierBy,
  keepStepsWithRisk,
} from '../../../src/transforms/leavers/curves.js';
import { tableEqual } from '../../helpers/table-equal.js';
import { readFixture } from '../../stats/survival/reference.js';

const people = table({
  person_id: ['f1', 'f2', 'm1', 'm2'],
  sex: ['F', 'F', 'M', 'M'],
  entry_years: [0, 1, 0, 0],
  service_years: [2, 3, 1, 2],
  left: [true, false, true, true],
});

describe('fitKaplanMeierBy', () => {
  it('stacks one curve per group with the by column and a group label in front', () => {
    // F: (0,2] exit, (1,3] censored → t=2: 2 at risk, 1 exit, S = 1/2; t=3: 1 at risk, censored.
    // M: exits at 1 and 2 → t=1: 2 at risk, S = 1/2; t=2: 1 at risk, S = 0.
    // Greenwood std_err (of -log S): F at 2: sqrt(1/(2*1)); M at 2: 1/(1*0) = Infinity.
    const curves = fitKaplanMeierBy(people, {
      entry: 'entry_years',
      time: 'service_years',
      event: 'left',
      by: 'sex',
    });
    const half = Math.sqrt(0.5);
    tableEqual(
      curves.select('sex', 'group', 'time', 'n_risk', 'n_event', 'n_censor', 'surv', 'std_err'),
      {
        sex: ['F', 'F', 'M', 'M'],
        group: ['F', 'F', 'M', 'M'],
        time: [2, 3, 1, 2],
        n_risk: [2, 1, 2, 1],
        n_event: [1, 0, 1, 1],
        n_censor: [0, 1, 0, 0],
        surv: [0.5, 0.5, 0.5, 0],
        std_err: [half, half, half, Infinity],
      },
    );
    // log interval: 0.5 * exp(-1.959964 * 0.7071068) = 0.5 * exp(-1.385904); exp(-ln 4) = 1/4, so this is
    // 0.5 * 0.25 * exp(1.386294 - 1.385904) = 0.125 * 1.000390 = 0.1250488.
    assert.ok(Math.abs((curves.get('lower', 0) as number) - 0.1250488) < 1e-6);
  });

  it('labels a single curve "all" when no by column is given', () => {
    const curves = fitKaplanMeierBy(people, { time: 'service_years', event: 'left' });
    // Without entry times all four are at risk from 0: t=1: 4 at risk; t=2: 3 at risk, 2 exits.
    tableEqual(curves.select('group', 'time', 'n_risk', 'n_event'), {
      group: ['all', 'all', 'all'],
      time: [1, 2, 3],
      n_risk: [4, 3, 1],
      n_event: [1, 2, 0],
    });
  });

  it('lists every missing column', () => {
    assert.throws(
      () => fitKaplanMeierBy(people, { time: 'tenure_years', event: 'exit', by: 'sex' }),
      /fitKaplanMeierBy: columns "tenure_years", "exit" missing\. Found: person_id, sex, entry_years, service_years, left\./,
    );
  });
});

describe('fitAalenJohansenBy', () => {
  it('gives each group its own cumulative incidence, flat zero where the cause never occurs', () => {
    // Truncated fixture, group A: t=0.5: p01 p02 p13 at risk (3), p13 resigns → cif 1/3, surv 2/3;
    // t=1.5: p01 p02 p11 at risk (3; p05 enters at 1.5), p01 resigns → cif 1/3 + 2/3 * 1/3 = 5/9.
    // Dismissal occurs only in group A, so group B's dismissal curve stays 0.
    const rows = readFixture('truncated.csv');
    const staff = table({
      group: rows.map((r) => r.group),
      entry_years: rows.map((r) => Number(r.entry_years)),
      time_years: rows.map((r) => Number(r.time_years)),
      cause: rows.map((r) => r.cause || null),
    });
    const options = { entry: 'entry_years', time: 'time_years', cause: 'cause', by: 'group' };
    const resigned = fitAalenJohansenBy(staff, { ...options, event: 'resigned' }).filter(
      (d: { group: string }) => d.group === 'A',
    );
    tableEqual(
      resigned.select('time', 'n_risk', 'cif').slice(0, 2),
      { time: [0.5, 1.5], n_risk: [3, 3], cif: [1 / 3, 5 / 9] },
      1e-12,
    );
    const dismissed = fitAalenJohansenBy(staff, { ...options, event: 'dismissed' });
    const b = dismissed.filter((d: { group: string }) => d.group === 'B').array('cif') as number[];
    assert.ok(b.length > 0 && b.every((c) => c === 0));
  });
});

describe('keepStepsWithRisk', () => {
  it('cuts each curve at its first step with fewer than the minimum at risk', () => {
    // a: 20, 12, 9, 11 at risk → cut at 9 (the later 11, from late entrants, goes too); b: 8 → nothing.
    const curves = table({
      group: ['a', 'a', 'a', 'a', 'b', 'b'],
      time: [1, 2, 3, 4, 1, 2],
      n_risk: [20, 12, 9, 11, 8, 5],
    });
    tableEqual(keepStepsWithRisk(curves, 10), {
      group: ['a', 'a'],
      time: [1, 2],
      n_risk: [20, 12],
    });
  });

  it('treats a table without a group column as one curve', () => {
    const curve = table({ time: [1, 2, 3], n_risk: [12, 10, 9] });
    tableEqual(keepStepsWithRisk(curve, 10), { time: [1, 2], n_risk: [12, 10] });
  });

  it('rejects a negative minimum and a table without n_risk', () => {
    assert.throws(
      () => keepStepsWithRisk(table({ n_risk: [1] }), -1),
      /keepStepsWithRisk: minAtRisk is -1\. Pass the disclosure minimum, e.g\. 10\./,
    );
    assert.throws(
      () => keepStepsWithRisk(table({ time: [1] }), 10),
      /keepStepsWithRisk: column "n_risk" missing/,
    );
  });
});
