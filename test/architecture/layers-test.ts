// The import graph of src/ against the layer order: every import points to the same layer or one
// below, and no files import each other in a circle. docs/architecture.md explains the layers.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The layers from the bottom up: a file may import its own layer and those listed before it. */
const LAYERS = [
  'shared',
  'time',
  'schema',
  'stats',
  'io',
  'privacy',
  'transforms',
  'risk',
  'scale',
  'charts',
  'display',
  'report',
  'demo',
  'cli',
  'index.ts',
];

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../src');

describe('the layers of src/', () => {
  const graph = importGraph(SRC);

  it('puts every file of src/ in a declared layer', () => {
    const unknown = [...graph.keys()].filter((f) => LAYERS.indexOf(layerOf(f)) < 0);
    assert.deepEqual(unknown, [], `files outside the layers ${LAYERS.join(', ')}`);
  });

  it('has no import that points to a higher layer', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (LAYERS.indexOf(layerOf(target)) > LAYERS.indexOf(layerOf(file))) {
          upward.push(`${file} → ${target}`);
        }
      }
    }
    assert.deepEqual(upward, []);
  });

  it('has no circle of imports', () => {
    assert.deepEqual(cycles(graph), []);
  });

  it('finds the imports it checks (a file of each layer imports one below)', () => {
    assert.ok(graph.get('transforms/leavers/retention.ts')?.has('stats/survival/kaplan-meier.ts'));
    assert.ok(graph.get('cli/report.ts')?.size);
  });
});

/** The layer of a path relative to src/: its first folder, or the file name at the top. */
function layerOf(path: string): string {
  return path.split('/')[0];
}

/** file → the files it imports (relative specifiers only), paths relative to `root`. */
function importGraph(root: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith('.ts')) graph.set(relative(root, path), importsOf(root, path));
    }
  };
  visit(root);
  return graph;
}

function importsOf(root: string, path: string): Set<string> {
  const text = readFileSync(path, 'utf8');
  const found = new Set<string>();
  const pattern =
    /(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;
  for (const m of text.matchAll(pattern)) {
    const spec = (m[1] ?? m[2]).replace(/\.js$/, '.ts');
    found.add(relative(root, normalize(join(dirname(path), spec))));
  }
  return found;
}

/** Every strongly connected group of more than one file (Tarjan), each as a sorted list. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}
