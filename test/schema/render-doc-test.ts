import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { format } from 'prettier';
import { renderDataModelDoc } from '../../src/schema/render-doc.js';
import { resolveConfig } from '../../src/schema/vocabularies.js';

describe('renderDataModelDoc', () => {
  it('matches the committed docs/data-model.md', async () => {
    const rendered = await format(renderDataModelDoc(), {
      parser: 'markdown',
      singleQuote: true,
      printWidth: 100,
    });
    const committed = readFileSync(new URL('../../docs/data-model.md', import.meta.url), 'utf8');
    assert.ok(
      rendered === committed,
      'docs/data-model.md is out of date with src/schema. Regenerate it: npx tsx test/schema/write-data-model-doc.ts',
    );
  });
  it('lists each column with its type, range and flags', () => {
    const doc = renderDataModelDoc();
    assert.match(doc, /\| fte \| number \| {2}\| > 0, ≤ 1\.5 \| {2}\| Full-time equivalent/);
    assert.match(doc, /\| comments \| string \| {2}\| {2}\| S F \|/);
    assert.match(doc, /\| person_id \| string \| yes \| {2}\| P \|/);
  });
  it('says unit levels take any name, or shows the declared ones', () => {
    assert.match(
      renderDataModelDoc(),
      /- Unit levels: any names, any depth; their order is read from the units table/,
    );
    const doc = renderDataModelDoc(resolveConfig({ unitLevels: ['region', 'station'] }));
    assert.match(doc, /- Unit levels \(declared\): region > station\./);
  });
});
