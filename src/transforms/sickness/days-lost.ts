// How a sickness spell's working days lost are shared among the periods (and posting stretches) it
// spans: the one rule behind summarizeSickness and the scale engine's sickness aggregation.

/**
 * The working days lost in one slice of a sickness spell (its days in one period, or in one posting
 * stretch within a period). With `recorded` working_days_lost: that number shared in proportion to
 * the working days of the slice against those of the spell (`sliceWorkingDays / spellWorkingDays`),
 * or, when the spell has no working day at all, to its calendar days (`sliceDays / spellDays`).
 * Without (null): the working days of the slice themselves.
 * @example daysLostInSlice(10, 5, 20, 7, 28) // 2.5: a quarter of the spell's working days
 */
export function daysLostInSlice(
  recorded: number | null,
  sliceWorkingDays: number,
  spellWorkingDays: number,
  sliceDays: number,
  spellDays: number,
): number {
  if (recorded === null) return sliceWorkingDays;
  return spellWorkingDays > 0
    ? (recorded * sliceWorkingDays) / spellWorkingDays
    : (recorded * sliceDays) / spellDays;
}
