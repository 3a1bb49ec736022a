// A small force built to be hard for disclosure control (issue 18): a generated demo force rewritten
// so that one team has exactly 6 people in post, only one of them has any sickness absence, and
// exactly one of them has no stated ethnicity. Every other row is the generator's.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from './attacker.js';

/** What makeTricky changed: the team of 6, its one sick person, its one person of unstated ethnicity. */
export interface TrickyCases {
  team: string;
  sick: string;
  notStated: string;
}

interface CsvFile {
  header: string[];
  rows: string[][];
  col(name: string): number;
}

function readCsv(file: string): CsvFile {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8')).filter((r) => r.length > 1);
  return {
    header,
    rows,
    col(name) {
      const j = header.indexOf(name);
      if (j < 0) throw new Error(`tricky force: ${file} has no column ${name}`);
      return j;
    },
  };
}

function writeCsv(file: string, csv: CsvFile): void {
  const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [csv.header, ...csv.rows].map((r) => r.map(quote).join(','));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/**
 * Rewrites the demo force in `dir` in place (people, postings, sickness) and says what it built.
 * The team is the lowest-level unit with most people in post (ties by id); the people in post beyond
 * the first 6 (by id) move to a sibling team, with their open posting.
 */
export function makeTricky(dir: string): TrickyCases {
  const units = readCsv(path.join(dir, 'units.csv'));
  const people = readCsv(path.join(dir, 'people.csv'));
  const postings = readCsv(path.join(dir, 'postings.csv'));
  const sickness = readCsv(path.join(dir, 'sickness.csv'));
  const [uId, uParent] = [units.col('unit_id'), units.col('parent_id')];
  const parents = new Set(units.rows.map((r) => r[uParent]));
  const leaves = units.rows.filter((r) => !parents.has(r[uId]));
  const [pId, pUnit, pEnd, pEth] = ['person_id', 'unit_id', 'end_date', 'ethnicity_group'].map(
    (c) => people.col(c),
  );
  const inPost = (unit: string) =>
    people.rows
      .filter((r) => r[pUnit] === unit && r[pEnd] === '')
      .map((r) => r[pId])
      .sort();
  const [team] = leaves
    .map((r) => r[uId])
    .filter((u) => inPost(u).length >= 7)
    .sort((a, b) => inPost(b).length - inPost(a).length || a.localeCompare(b));
  if (team === undefined) throw new Error('tricky force: no team has 7 or more people in post');
  const parent = units.rows.find((r) => r[uId] === team)![uParent];
  const sibling = leaves
    .map((r) => r[uId])
    .find((u) => u !== team && units.rows.some((r) => r[uId] === u && r[uParent] === parent));
  if (sibling === undefined) throw new Error(`tricky force: ${team} has no sibling team`);
  const [six, moved] = [inPost(team).slice(0, 6), new Set(inPost(team).slice(6))];
  for (const r of people.rows) if (moved.has(r[pId])) r[pUnit] = sibling;
  const [sPerson, sUnit, sTo] = ['person_id', 'unit_id', 'to_date'].map((c) => postings.col(c));
  for (const r of postings.rows)
    if (moved.has(r[sPerson]) && r[sUnit] === team && r[sTo] === '') r[sUnit] = sibling;
  // one person of the six is off sick (their own spells, or one spell of the last year given to them)
  const kPerson = sickness.col('person_id');
  const sick = six.find((p) => sickness.rows.some((r) => r[kPerson] === p)) ?? six[0];
  const others = new Set(six.filter((p) => p !== sick));
  sickness.rows = sickness.rows.filter((r) => !others.has(r[kPerson]));
  if (!sickness.rows.some((r) => r[kPerson] === sick)) {
    const last = [...sickness.rows].sort((a, b) =>
      b[sickness.col('start_date')].localeCompare(a[sickness.col('start_date')]),
    )[0];
    sickness.rows.push([...last].map((v, j) => (j === kPerson ? sick : v)));
  }
  // one person of the six has no stated ethnicity; the other five have one
  const notStated = six.filter((p) => p !== sick).at(-1)!;
  for (const r of people.rows) {
    if (!six.includes(r[pId])) continue;
    if (r[pId] === notStated) r[pEth] = 'not_stated';
    else if (r[pEth] === '' || r[pEth] === 'not_stated') r[pEth] = 'white';
  }
  writeCsv(path.join(dir, 'people.csv'), people);
  writeCsv(path.join(dir, 'postings.csv'), postings);
  writeCsv(path.join(dir, 'sickness.csv'), sickness);
  return { team, sick, notStated };
}
