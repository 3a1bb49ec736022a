// Number and date formats shared by tables, charts and exports: en-GB, dates as dd/mm/yyyy.

const MS_PER_DAY = 86_400_000;
const integerFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});

/** True for a column name that holds epoch-day dates by the kit's naming rule (`date`, `*_date`). */
export function isDateColumn(name: string): boolean {
  return name === 'date' || name.endsWith('_date');
}

/**
 * dd/mm/yyyy for an epoch day (days since 1970-01-01, UTC) or a Date; '' for null.
 * @example formatDateGB(19814) // '01/04/2024'
 */
export function formatDateGB(value: number | Date | null | undefined): string {
  if (value === null || value === undefined) return '';
  const date = value instanceof Date ? value : new Date(value * MS_PER_DAY);
  if (Number.isNaN(date.getTime())) return '';
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${date.getUTCFullYear()}`;
}

/**
 * A number with thousands separators: integers as is, others to at most 2 decimals.
 * @example formatNumber(12345.678) // '12,345.68'
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '' : String(value);
  return Number.isInteger(value) ? integerFormat.format(value) : decimalFormat.format(value);
}
