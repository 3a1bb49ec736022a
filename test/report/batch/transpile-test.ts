// The batch engine's cell compiler: tslab's semantics for variables shared between cells, imports,
// top-level await and the value of a last expression.
import assert from 'node:assert/strict';
import { compileCell, type CellRuntime } from '../../../src/report/batch/transpile.js';

function runtime(): CellRuntime {
  return { scope: Object.create(null), import: (s) => import(s) };
}

describe('batch engine: compileCell', () => {
  it('shares top-level const, let, destructured names, functions and classes with later cells', async () => {
    const rt = runtime();
    await compileCell(
      'const a: number = 2;\nlet { b, c: [d] } = { b: 3, c: [4] };\nfunction twice(x: number) { return 2 * x; }\nclass K { v = 7 }',
      'nb, cell 1',
    ).run(rt);
    const value = await compileCell('twice(a) + b + d + new K().v', 'nb, cell 2').run(rt);
    assert.equal(value, 4 + 3 + 4 + 7);
  });

  it('lets a later cell reassign a parameter declared with let (the injected parameters cell)', async () => {
    const rt = runtime();
    await compileCell("let dataDir: string = '../data/demo';", 'p').run(rt);
    await compileCell('dataDir = "/abs/data";\nvoid 0;', 'injected').run(rt);
    assert.equal(await compileCell('dataDir', 'use').run(rt), '/abs/data');
  });

  it('hoists a function declared after its first use in the same cell', async () => {
    assert.equal(
      await compileCell('const y = f();\nfunction f() { return 5; }\ny', 'c').run(runtime()),
      5,
    );
  });

  it('runs top-level await and imports (static, named, namespace, dynamic)', async () => {
    const rt = runtime();
    await compileCell(
      "import * as p from 'node:path';\nimport { join as j } from 'node:path';\nconst os = await import('node:os');",
      'c',
    ).run(rt);
    assert.equal(
      await compileCell("j('a', 'b') === p.join('a', 'b') && typeof os.cpus", 'c').run(rt),
      'function',
    );
    assert.equal(await compileCell('await Promise.resolve(41) + 1', 'c').run(rt), 42);
  });

  it('returns undefined when the last statement is not an expression, and throws what the cell throws', async () => {
    assert.equal(await compileCell('const z = 1;', 'c').run(runtime()), undefined);
    await assert.rejects(compileCell("throw new Error('no data')", 'c').run(runtime()), /no data/);
    assert.throws(() => compileCell('const = ;', 'nb.ipynb, cell 3'), /nb\.ipynb, cell 3:1:/);
  });
});
