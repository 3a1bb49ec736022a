/* eslint-disable @typescript-eslint/no-explicit-any -- specs are plain JSON read field by field */
import assert from 'node:assert/strict';
import * as aq from 'arquero';
import { publishTable } from '../../src/privacy/index.js';
import { sicknessSeasonChart, sicknessTrendChart } from '../../src/charts/sickness-charts.js';
import { overtimeSicknessScatterFigure } from '../../src/charts/overtime-charts.js';

// Team B has 3 people: its row is hidden in publish mode.
const table = aq.table({
  unit: ['A', 'B', 'C'],
  period: ['FY1', 'FY1', 'FY1'],
  headcount: [20, 3, 30],
  spells: [10, 2, 12],
});
const published = publishTable(table, {
  by: ['unit', 'period'],
  population: 'headcount',
  counts: ['spells'],
  rates: [{ name: 'rate', numerator: 'spells', denominator: 'headcount', per: 100 }],
});

describe('sicknessTrendChart', () => {
  it('draws one line per series with hidden values as gaps, never as values', () => {
    const spec = sicknessTrendChart(published, {
      value: 'rate',
      series: 'unit',
      title: 't',
      highlight: ['C'],
    }) as Record<string, any>;
    assert.equal(spec.encoding.y.field, 'rate');
    assert.equal(spec.encoding.color.field, 'unit');
    const b = spec.data.values.find((r: { unit: string }) => r.unit === 'B');
    assert.equal(b.rate, null);
    assert.equal(b.hidden, true);
    assert.match(spec.description, /1 value hidden/);
  });
  it('refuses a table that was not published', () => {
    assert.throws(
      () => sicknessTrendChart(table as never, { value: 'rate', title: 't' }),
      /sicknessTrendChart/,
    );
  });
});

describe('sicknessSeasonChart', () => {
  it('puts the bucket on x in table order', () => {
    const spec = sicknessSeasonChart(published, {
      bucket: 'unit',
      value: 'spells',
      title: 't',
    }) as Record<string, any>;
    assert.deepEqual(spec.encoding.x.sort, ['A', 'B', 'C']);
    assert.equal(spec.encoding.y.field, 'spells');
  });
});

describe('overtimeSicknessScatterFigure', () => {
  it('leaves out hidden rows, counts them in the title and marks highlighted units red', () => {
    const fig = overtimeSicknessScatterFigure(published, {
      label: 'unit',
      x: 'headcount',
      y: 'rate',
      highlight: ['C'],
      title: 'x',
    }) as Record<string, any>;
    assert.deepEqual(fig.data[0].text, ['A']);
    assert.deepEqual(fig.data[1].text, ['C']);
    assert.equal(fig.data[1].marker.color, '#d62728');
    assert.match(fig.layout.title.text, /1 units hidden/);
  });
});
