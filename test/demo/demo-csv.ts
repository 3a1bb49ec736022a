// Plain-code readers and tallies over the demo CSVs, written independently of src/demo so tests check it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Row = Record<string, string>;

/** Parses RFC 4180 CSV text (quoted fields, doubled quotes, line breaks inside quotes) into rows. */
export function parseCsv(text: string): Row[] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  const [header, ...body] = records;
  return body.map((values) => {
    if (values.length !== header.length)
      throw new Error(
        `row with ${values.length} fields, header has ${header.length}: ${values.join('|')}`,
      );
    return Object.fromEntries(header.map((h, i) => [h, values[i]]));
  });
}

/** Reads one demo CSV into rows. */
export function readDemo(dir: string, name: string): Row[] {
  return parseCsv(readFileSync(path.join(dir, name), 'utf8'));
}

/** Days since 1970-01-01 of an ISO date. */
export function day(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

/** Monday–Friday days in [from, to], counted one by one. */
export function weekdays(from: number, to: number): number {
  let n = 0;
  for (let d = from; d <= to; d++) {
    const w = new Date(d * 86_400_000).getUTCDay();
    if (w !== 0 && w !== 6) n++;
  }
  return n;
}

/** Home Office style leaver shape: voluntary share of non-transfer leavers, and of those under 5 years' service. */
export function leaverShape(people: Row[]): {
  leavers: number;
  voluntaryShare: number;
  under5Share: number;
} {
  const leavers = people.filter((p) => p.end_date !== '' && p.leaver_type !== 'transfer_out');
  const voluntary = leavers.filter((p) => p.leaver_type === 'voluntary_resignation');
  // Under 5 years: leaving before the 5th anniversary of service_start_date (years of 365.25 days).
  const under5 = voluntary.filter((p) => day(p.end_date) - day(p.service_start_date) < 5 * 365.25);
  return {
    leavers: leavers.length,
    voluntaryShare: voluntary.length / leavers.length,
    under5Share: under5.length / voluntary.length,
  };
}

/**
 * Lost-time rate over officers, staff and PCSOs: weekdays lost inside the window / weekdays in post
 * inside the window (open spells run to the window's last day).
 */
export function lostTimeRate(people: Row[], sickness: Row[], first: string, last: string): number {
  const [a, b] = [day(first), day(last)];
  const employed = new Set<string>();
  let available = 0;
  for (const p of people) {
    if (!['officer', 'staff', 'pcso'].includes(p.worker_type)) continue;
    employed.add(p.person_id);
    available += weekdays(Math.max(day(p.start_date), a), p.end_date === '' ? b : day(p.end_date));
  }
  let lost = 0;
  for (const s of sickness) {
    if (!employed.has(s.person_id)) continue;
    lost += weekdays(
      Math.max(day(s.start_date), a),
      s.end_date === '' ? b : Math.min(day(s.end_date), b),
    );
  }
  return lost / available;
}
