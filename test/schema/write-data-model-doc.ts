// Regenerates docs/data-model.md from the schema: npx tsx test/schema/write-data-model-doc.ts
import { writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { renderDataModelDoc } from '../../src/schema/render-doc.js';

const text = await format(renderDataModelDoc(), {
  parser: 'markdown',
  singleQuote: true,
  printWidth: 100,
});
writeFileSync(new URL('../../docs/data-model.md', import.meta.url), text);
console.log('wrote docs/data-model.md');
