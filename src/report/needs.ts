// What a notebook section needs from the extract, and the short note it shows instead when the
// extract does not have it. A notebook whose every section was skipped is "not applicable" in the
// run (index.html, terminal), not failed: a force's extract rarely holds every table of the model.
import type { ColumnTable } from 'arquero';
import type { Dataset } from '../io/load-dataset.js';
import type { TableName } from '../schema/index.js';
import { escapeHtml } from '../shared/html.js';
import type { Period } from '../time/periods.js';

/** MIME type of the status a notebook shows at its end (read back by the report runner). */
export const STATUS_MIME = 'application/vnd.wellbeing-kit.status+json';

/** The status a notebook reports through STATUS_MIME. */
export interface NotebookStatus {
  /** False when every section the notebook declared was skipped for want of data. */
  applicable: boolean;
  /** What was missing, e.g. ['overtime', 'people.service_start_date'], in first-seen order. */
  missing: string[];
}

/** What one section of a notebook needs. */
export interface SectionNeeds {
  /** Tables that must have at least one row (in the report's period when `inPeriod` names a date). */
  tables?: TableName[];
  /** Columns that must hold at least one value, as 'table.column'. */
  columns?: string[];
  /**
   * Date columns ('table.column', epoch days) of which at least one value must fall in the period;
   * e.g. 'sickness.start_date'. A table with rows only outside the period is "empty in the period".
   */
  inPeriod?: string[];
  /** What the section would show, for the note (e.g. 'overtime hours by unit and month'). */
  shows: string;
  /**
   * Shortfalls the notebook found itself, e.g. from an InsufficientDataError: `needs` in a few words
   * (for the "not applicable (needs …)" status) and the full `message` (for the note).
   */
  unmet?: { needs: string; message: string }[];
}

/**
 * The needs of a section that the extract does not meet, as short names ('overtime',
 * 'people.service_start_date', 'sickness in FY2024-25'); [] when the section can run.
 * @example missingNeeds(data, period, { tables: ['overtime'], shows: 'overtime hours' }) // ['overtime']
 */
export function missingNeeds(
  data: Pick<Dataset, 'tables'>,
  period: Pick<Period, 'start' | 'end' | 'label'> | null,
  needs: SectionNeeds,
): string[] {
  const missing: string[] = [];
  const tableOf = (name: string): ColumnTable | undefined =>
    (data.tables as Record<string, ColumnTable | undefined>)[name];
  for (const name of needs.tables ?? []) {
    const t = tableOf(name);
    if (!t || t.numRows() === 0) missing.push(name);
  }
  for (const ref of needs.columns ?? []) {
    const [name, column] = splitRef(ref);
    if (missing.includes(name)) continue;
    const t = tableOf(name);
    if (!t || t.numRows() === 0) {
      missing.push(name);
      continue;
    }
    if (!t.columnNames().includes(column) || !hasValue(t.array(column) as ArrayLike<unknown>)) {
      missing.push(ref);
    }
  }
  for (const ref of needs.inPeriod ?? []) {
    const [name, column] = splitRef(ref);
    if (missing.includes(name) || period === null) continue;
    const t = tableOf(name);
    if (!t || t.numRows() === 0) {
      missing.push(name);
      continue;
    }
    const values = t.columnNames().includes(column)
      ? (t.array(column) as ArrayLike<number | null>)
      : [];
    let any = false;
    for (let i = 0; i < values.length && !any; i++) {
      const v = values[i];
      any = v !== null && v !== undefined && v >= period.start && v <= period.end;
    }
    if (!any) missing.push(`${name} in ${period.label}`);
  }
  for (const u of needs.unmet ?? []) if (!missing.includes(u.needs)) missing.push(u.needs);
  return missing;
}

/**
 * The note a skipped section shows: what is missing, what it would show and which mapping key feeds
 * it (a `sources` entry with `"table": "…"`, or a column of that table).
 * @example skippedSectionHtml('Overtime by unit', ['overtime'], 'overtime hours by unit')
 */
export function skippedSectionHtml(
  section: string,
  missing: string[],
  shows: string,
  unmet: { needs: string; message: string }[] = [],
): string {
  const own = new Map(unmet.map((u) => [u.needs, u.message]));
  const absent = missing.filter((m) => !own.has(m));
  const feeds = absent.map((m) => {
    const table = m.split(/[. ]/)[0];
    return m.includes('.')
      ? `the column <code>${escapeHtml(m.split(' ')[0])}</code> (a column of the <code>${escapeHtml(table)}</code> source)`
      : m.includes(' in ')
        ? `rows of <code>${escapeHtml(table)}</code> dated in the period`
        : `a source with <code>"table": "${escapeHtml(table)}"</code>`;
  });
  const why = [
    ...(absent.length > 0 ? [`the extract has no ${escapeHtml(absent.join(', '))}`] : []),
    ...missing.filter((m) => own.has(m)).map((m) => escapeHtml(own.get(m)!.replace(/\.$/, ''))),
  ].join('; ');
  return (
    `<div class="wbk-skipped" style="border-left:3px solid #bbb;padding:2px 10px;color:#444">` +
    `<b>${escapeHtml(section)}</b>: not shown — ${why}. ` +
    `It would show ${escapeHtml(shows)}.` +
    (feeds.length > 0
      ? ` To include it, add ${feeds.join('; ')} to the mapping (see docs/mappings.md).`
      : '') +
    `</div>`
  );
}

function splitRef(ref: string): [string, string] {
  const dot = ref.indexOf('.');
  if (dot <= 0)
    throw new Error(`needs: "${ref}" should be 'table.column', e.g. 'people.end_date'.`);
  return [ref.slice(0, dot), ref.slice(dot + 1)];
}

function hasValue(values: ArrayLike<unknown>): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null && v !== undefined && v !== '') return true;
  }
  return false;
}
