// Reads the survival fixtures (test/fixtures/survival) and R's reference outputs (test/reference/survival,
// written by test/reference/survival.R). Plain comma-separated files without quoting.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export type Row = Record<string, string>;

/** R and survival versions that produced the references, from versions.json. */
export const R_VERSIONS = JSON.parse(
  fs.readFileSync(path.join(root, 'test/reference/survival/versions.json'), 'utf8'),
) as { r_version: string; survival_version: string };

/** Rows of a fixture CSV, all values as strings ('' for empty). */
export function readFixture(name: string): Row[] {
  return readCsv(path.join(root, 'test/fixtures/survival', name));
}

/** Rows of a reference CSV written by survival.R. */
export function readReference(name: string): Row[] {
  return readCsv(path.join(root, 'test/reference/survival', name));
}

/** A number from R's output: NA and NaN become NaN, Inf stays infinite. */
export function num(value: string): number {
  if (value === 'NA' || value === 'NaN') return NaN;
  if (value === 'Inf' || value === '-Inf') return value === 'Inf' ? Infinity : -Infinity;
  return Number(value);
}

/** Groups rows by the values of `keys`, keeping file order. */
export function groupRows(rows: Row[], keys: string[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keys.map((k) => row[k]).join('|');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** Asserts |actual - expected| <= tolerance, treating NaN (R's NA) as equal to NaN and Inf to Inf. */
export function assertClose(
  actual: number,
  expected: number,
  tolerance: number,
  where: string,
): void {
  if (Number.isNaN(expected) || !Number.isFinite(expected)) {
    assert.ok(Object.is(actual, expected), `${where}: expected ${expected}, got ${actual}`);
    return;
  }
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${where}: expected ${expected}, got ${actual}`,
  );
}

function readCsv(file: string): Row[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}
