// Times of day written HH:MM (24-hour clock), as in overtime start and end times.

/**
 * Minutes after midnight of a time written H:MM or HH:MM (00:00–23:59, also 24:00 for the end of a day),
 * or NaN when the text is not such a time.
 * @example minutesOfDay('07:30') // 450
 */
export function minutesOfDay(text: string): number {
  const match = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(text);
  if (!match) return NaN;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return NaN;
  return hours * 60 + minutes;
}

/**
 * The text HH:MM of a number of minutes after midnight (0–1440).
 * @example formatTimeOfDay(450) // '07:30'
 */
export function formatTimeOfDay(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) {
    throw new Error(`formatTimeOfDay: expected whole minutes 0–1440, got ${minutes}.`);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * Hours from `start` to `end` (HH:MM texts); an end at or before the start is taken as the next day.
 * @example shiftHours('22:00', '06:00') // 8
 */
export function shiftHours(start: string, end: string): number {
  const from = minutesOfDay(start);
  const to = minutesOfDay(end);
  if (Number.isNaN(from) || Number.isNaN(to)) {
    throw new Error(`shiftHours: expected two times written HH:MM, got "${start}" and "${end}".`);
  }
  return ((to - from + 1440) % 1440 || (to === from ? 0 : 1440)) / 60;
}
